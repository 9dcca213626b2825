export * from './policy-simulation';
export { SIMULATION_EVENT_TYPES } from './simulation-history';
export { SCHEME_SIMULATORS, schemeSimulatorFor } from './schemes/scheme-simulators';
export type { SchemeSimulator, SchemeSimulation, SimulatedLine, SimulationContext } from './schemes/scheme-simulator';

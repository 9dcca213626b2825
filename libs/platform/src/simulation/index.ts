export * from './policy-simulation';
export { SIMULATION_EVENT_TYPES, SimulationHistory, type ClaimHistory, type SubmissionFacts } from './simulation-history';
export { SCHEME_SIMULATORS, schemeSimulatorFor } from './schemes/scheme-simulators';
export type { SchemeSimulator, SchemeSimulation, SimulatedLine, SimulationContext } from './schemes/scheme-simulator';
// The evaluation report (libs/reports) folds the same history the simulation does, by the same rules.
export { ATTENDANCE_INDEX_MIGRATIONS, readAttendanceByTrainee, type TraineeAttendance } from './attendance-index';
export { readHistory, readHistoryHead, type HistoryEvent, type HistoryHead, type HistoryReadOptions } from './history-reader';
export { CohortHistory, dayNumber, type CohortRow, type TraineeRow, type AssessmentRecord } from './cohort-history';
export { PersonHistory, type CardRecord, type CertificateRow, type EmploymentRow } from './person-history';
export { memoisedPersonOutcomes, outcomeFactsOf, personOutcomesOf, type PersonOutcomes } from './outcome-facts-of';

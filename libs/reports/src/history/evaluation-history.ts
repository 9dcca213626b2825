import type { CalendarDate } from '@skills/domain';
import { SIMULATION_EVENT_TYPES, SimulationHistory, type HistoryEvent } from '@skills/platform';
import type { HistoryFold } from './history-fold';
import { PayoutHistory } from './payout-history';
import { RegistryHistory } from './registry-history';

/**
 * The whole history the report reads, folded once in memory as it stood at the end of asOf: the simulation's own
 * fold (cohorts, people, claims and scheme facts, by the live rules), the registry, and the payouts. A fact recorded
 * after asOf is skipped by every part, so a report as of a past day is what the system knew that day.
 */
export class EvaluationHistory {
  readonly simulation: SimulationHistory;
  readonly registry: RegistryHistory;
  readonly payouts: PayoutHistory;
  private readonly parts: readonly HistoryFold[];

  constructor(readonly asOf: CalendarDate) {
    this.simulation = new SimulationHistory(asOf);
    this.registry = new RegistryHistory();
    this.payouts = new PayoutHistory();
    this.parts = [this.registry, this.payouts];
  }

  /** Every event type any part reads: the rest of the store is filtered out in SQL. */
  get eventTypes(): readonly string[] {
    return [...new Set([...SIMULATION_EVENT_TYPES, ...this.parts.flatMap((p) => p.eventTypes)])];
  }

  fold(event: HistoryEvent): void {
    if (event.recordedOn > this.asOf) return;
    this.simulation.fold(event);
    for (const part of this.parts) part.fold(event);
  }
}

import type { CalendarDate } from '@skills/domain';
import { JCCQ_2020_12, POLICY_DOCUMENTS, type PolicyDocument } from '@skills/policy';
import { candidatePolicyOn } from '../candidate-registry';
import type { SimulationContext } from '../schemes/scheme-simulator';
import { SimulationHistory } from '../simulation-history';
import type { HistoryEvent } from '../history-reader';

/** The history folded from hand-made events, as the simulation folds the store's. */
export function historyOf(events: readonly HistoryEvent[], asOf: CalendarDate = '2022-12-31'): SimulationHistory {
  const history = new SimulationHistory(asOf);
  for (const event of events) history.fold(event);
  return history;
}

/** JCCQ-2020-12 as a draft version 2 over the same window, its parameters changed by `change`. */
export function draftOf(change: (parameters: any) => void): PolicyDocument {
  const document = structuredClone(JCCQ_2020_12) as any;
  document.version = 2;
  change(document.parameters);
  return document;
}

/** What a simulator is given for one run: the shipped registry with `candidate` in force over its window; no gated cohort. */
export function contextOf(history: SimulationHistory, candidate: PolicyDocument = JCCQ_2020_12): SimulationContext {
  return { asOf: '2022-12-31', history, policyOn: candidatePolicyOn(POLICY_DOCUMENTS, candidate), cohortRates: () => undefined };
}

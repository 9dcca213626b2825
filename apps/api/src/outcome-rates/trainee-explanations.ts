import type { CountDecision, TraineeExplanation } from '@skills/policy';
import type { Principal } from '@skills/platform';
import { isBureau } from '../training/cohort-access';

/**
 * Reasons decided on the cohort's own facts (its base, its withdrawals) before any certificate or employment was
 * looked at: their detail names no record. Any other record gate that did not count is shown to a provider as
 * NOT_COUNTED with the fixed text below, whatever the calculator's reason, known now or added later: a reason such as
 * AWAITING_VERIFICATION says that a job was recorded for the person (maybe by an employer or another provider), and
 * keeping NO_EMPLOYMENT apart from it would say the same by elimination.
 */
const OWN_COHORT_REASONS: ReadonlySet<string> = new Set(['NOT_IN_BASE', 'WITHDRAWN']);

/** The one reason code a provider sees for a certificate or employment gate that did not count (R-GATE-5 against privacy). */
export const NOT_COUNTED_REASON = 'NOT_COUNTED';

const NOT_COUNTED = {
  certification: 'no certificate counted for this trainee; the records looked at are shown to the bureau only',
  employment: 'no employment counted for this trainee; the records looked at are shown to the bureau only',
} as const;

/** What a provider sees of one gate's decision for one trainee. */
export interface ProviderCountView {
  readonly counted: boolean;
  readonly reason: string;
  readonly detail: string;
  readonly evidenceId?: string;
}

export type TraineeExplanationView = TraineeExplanation | (Omit<TraineeExplanation, 'pass' | 'certification' | 'employment'> & Record<'pass' | 'certification' | 'employment', ProviderCountView>);

/**
 * R-GATE-5 against privacy: a certificate or employment belongs to the person, not the cohort, and may have been
 * recorded by another provider or employer. The bureau sees every record considered. A provider sees, for its own
 * trainees: counted or not, the reason code (NOT_COUNTED for a record gate that did not count), and the detail of the
 * record that counted; never the list of records looked at, nor anything about a record that did not count. Built
 * from an allow-list, so a field the calculator adds later stays hidden until it is let through here.
 */
export function traineeExplanationsFor(principal: Principal, trainees: readonly TraineeExplanation[]): readonly TraineeExplanationView[] {
  if (isBureau(principal)) return trainees;
  return trainees.map((trainee) => ({
    labourerId: trainee.labourerId,
    base: trainee.base,
    pass: ownCohortDecision(trainee.pass),
    certification: recordDecision(trainee.certification, NOT_COUNTED.certification),
    employment: recordDecision(trainee.employment, NOT_COUNTED.employment),
  }));
}

/** R-GATE-1 is decided on the cohort's own assessment: nothing held elsewhere is in it. */
function ownCohortDecision(decision: CountDecision): ProviderCountView {
  return { counted: decision.counted, reason: decision.reason, detail: decision.detail };
}

function recordDecision(decision: CountDecision, notCounted: string): ProviderCountView {
  const { counted, reason } = decision;
  if (counted && decision.evidenceId !== undefined) {
    // The detail of the record that counted, and only of it.
    const counting = decision.considered?.find((c) => c.id === decision.evidenceId);
    return { counted, reason, detail: counting?.detail ?? decision.detail, evidenceId: decision.evidenceId };
  }
  if (!counted && OWN_COHORT_REASONS.has(reason)) return { counted, reason, detail: decision.detail };
  if (!counted) return { counted, reason: NOT_COUNTED_REASON, detail: notCounted };
  return { counted, reason, detail: 'counted' };
}

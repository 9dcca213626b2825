import type { CalendarDate } from '@skills/domain';
import type { GlobalPosition } from '@skills/event-store';
import type { SqlExecutor } from '@skills/sql';

/** A claim the gate evaluator must look at, and the touch it answers (R-GATE-4). */
export interface DueGateClaim {
  readonly claimId: string;
  readonly touchSeq: string;
}

/**
 * R-GATE-4: turns the facts recorded up to `upTo` into claims to evaluate: the claims of a touched cohort, and the
 * claims that pay a touched person (directly, by an employment record, or as a trainee of a cohort that started or
 * was cancelled). Reads the cohort-outcomes read model, so call it once that has applied everything up to `upTo`.
 * One statement: the touches are taken and the claims marked together, or neither.
 */
export async function resolveGateFactTouches(db: SqlExecutor, upTo: GlobalPosition): Promise<number> {
  const { rowCount } = await db.query(
    `WITH touched AS (
       DELETE FROM gate_fact_touches WHERE (commit_position, prepare_position) <= ($1::numeric, $2::bigint) RETURNING kind, id
     ), people AS (
       SELECT id AS labourer_id FROM touched WHERE kind = 'LABOURER'
       UNION SELECT e.labourer_id FROM touched t JOIN rm_employments e ON e.employment_id = t.id WHERE t.kind = 'EMPLOYMENT'
       UNION SELECT ct.labourer_id FROM touched t JOIN rm_cohort_trainees ct ON ct.cohort_id = t.id WHERE t.kind = 'COHORT_ROSTER'
     )
     UPDATE gate_claims SET touch_seq = touch_seq + 1
     WHERE cohort_id IN (SELECT id FROM touched WHERE kind = 'COHORT')
        OR claim_id IN (SELECT claim_id FROM gate_claim_trainees WHERE labourer_id IN (SELECT labourer_id FROM people))`,
    [upTo.commit.toString(), upTo.prepare.toString()],
  );
  return rowCount;
}

/** Claims touched since they were last evaluated, and claims with a window that closed by `today` (the durable timers). */
export async function findDueGateClaims(db: SqlExecutor, today: CalendarDate): Promise<DueGateClaim[]> {
  const { rows } = await db.query<{ claim_id: string; touch_seq: string }>(
    `SELECT claim_id, touch_seq::text FROM gate_claims WHERE touch_seq > evaluated_seq
     UNION
     SELECT c.claim_id, c.touch_seq::text FROM gate_timers t JOIN gate_claims c ON c.claim_id = t.claim_id WHERE t.due_on <= $1
     ORDER BY claim_id`,
    [today],
  );
  return rows.map((r) => ({ claimId: r.claim_id, touchSeq: r.touch_seq }));
}

/** The claim was evaluated on `today` as of the touch read with it: its timers due by then are done. */
export async function markGateClaimEvaluated(db: SqlExecutor, claim: DueGateClaim, today: CalendarDate): Promise<void> {
  await db.query(`DELETE FROM gate_timers WHERE claim_id = $1 AND due_on <= $2`, [claim.claimId, today]);
  await db.query(`UPDATE gate_claims SET evaluated_seq = GREATEST(evaluated_seq, $2::bigint) WHERE claim_id = $1`, [claim.claimId, claim.touchSeq]);
}

/** The durable timers of one claim, by due day (tests and the evaluation report). */
export async function gateTimersOf(db: SqlExecutor, claimId: string): Promise<CalendarDate[]> {
  const { rows } = await db.query<{ due_on: string }>(`SELECT due_on FROM gate_timers WHERE claim_id = $1 ORDER BY due_on`, [claimId]);
  return rows.map((r) => r.due_on);
}

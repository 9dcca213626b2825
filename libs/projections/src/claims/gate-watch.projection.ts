import type { ClaimOverrideApproved, ClaimSubmitted, ClaimTierDecided } from '@skills/domain';
import type { RecordedEvent } from '@skills/event-store';
import type { SqlExecutor } from '@skills/sql';
import type { ProjectedEvent, Projection } from '../projection';
import { COHORT_OUTCOMES_EVENT_TYPES } from '../training/cohort-outcomes.projection';

const CLAIM_EVENT_TYPES = ['ClaimSubmitted', 'ClaimOverrideApproved', 'ClaimTierDecided', 'ClaimGatesHeld', 'ClaimBlocked'];
const HANDLED = new Set([...CLAIM_EVENT_TYPES, ...COHORT_OUTCOMES_EVENT_TYPES]);
/** Facts about a person that another cohort's gates can count: certificates, jobs, and joining or leaving a cohort (R-GATE-2's owner). */
const PERSON_FACTS = new Set(['CertificateRecorded', 'EmploymentRecorded', 'TraineeEnrolled', 'TraineeWithdrawn']);
/** Facts about an employment record named by its id only. */
const EMPLOYMENT_DECISIONS = new Set(['EmploymentVerified', 'EmploymentEnded', 'EmploymentRejected']);
/** A cohort starting or cancelled changes which cohort owns its trainees' certificates (R-GATE-2). */
const ROSTER_FACTS = new Set(['CohortStarted', 'CohortCancelled']);

type TouchKind = 'COHORT' | 'LABOURER' | 'EMPLOYMENT' | 'COHORT_ROSTER';

/**
 * R-GATE-4: the claims the gate evaluator watches, their durable timers, and the facts that changed since it last
 * looked. A claim with outcome gates is watched from its submission (due at once, so a fact recorded while it was
 * being submitted is not missed) for good: after release a late fact is compared, not absorbed. Its timers, one per
 * window still open when it was submitted, due the day after the window's last day, stay whatever its status: a
 * window closing can still move it (an override reopened it, R-CLAIM-4) or change its outcome after release (a gate
 * a late fact took back to OPEN fails when its window closes), with no event arriving.
 * Version 2: timers for every open window (a claim BLOCKED at submission had none), and approved overrides followed.
 */
export const gateWatchProjection: Projection = {
  name: 'gate-watch',
  version: 2,
  tables: ['gate_claims', 'gate_claim_trainees', 'gate_timers', 'gate_fact_touches'],
  handles: (type) => HANDLED.has(type),
  async apply(tx, events) {
    const touches = new Map<string, { kind: TouchKind; id: string; recorded: RecordedEvent }>();
    for (const projected of events) {
      const { event, recorded } = projected;
      switch (event.type) {
        case 'ClaimSubmitted':
          await watch(tx, event.data as ClaimSubmitted['data']);
          break;
        case 'ClaimOverrideApproved':
          await overridden(tx, event.data as ClaimOverrideApproved['data']);
          break;
        case 'ClaimTierDecided':
          await settle(tx, (event.data as ClaimTierDecided['data']).claimId, { tier: (event.data as ClaimTierDecided['data']).tier });
          break;
        case 'ClaimGatesHeld':
          await settle(tx, (event.data as { claimId: string }).claimId, { status: 'READY_FOR_REVIEW' });
          break;
        case 'ClaimBlocked':
          await settle(tx, (event.data as { claimId: string }).claimId, { status: 'BLOCKED' });
          break;
        default:
          for (const [kind, id] of touchesOf(projected)) touches.set(`${kind}:${id}`, { kind, id, recorded });
      }
    }
    await saveTouches(tx, [...touches.values()]);
  },
};

async function watch(tx: SqlExecutor, claim: ClaimSubmitted['data']): Promise<void> {
  // Only a cohort's claim has outcome gates (R-GATE-1..3); a scheme without any (R-FREE-5) has nothing to wait for.
  if (claim.gates.length === 0 || claim.subject.kind !== 'COHORT') return;
  await tx.query(`INSERT INTO gate_claims (claim_id, cohort_id, status, tier, touch_seq) VALUES ($1, $2, $3, $4, 1) ON CONFLICT (claim_id) DO NOTHING`, [
    claim.claimId,
    claim.subject.id,
    claim.status,
    claim.tier,
  ]);
  const trainees = [...new Set(claim.lines.flatMap((line) => (line.labourerId === undefined ? [] : [line.labourerId.toLowerCase()])))];
  await tx.query(`INSERT INTO gate_claim_trainees (labourer_id, claim_id) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING`, [trainees, claim.claimId]);
  // A window closes after its last day: the evaluator looks again on the next (R-GATE-4). A window that had closed by
  // the day the figures were taken has nothing left to close; a HOLDING gate's open window still can (see above).
  const windowEnds = [...new Set(claim.gates.filter((gate) => gate.windowEnd >= gate.asOf).map((gate) => gate.windowEnd))];
  await tx.query(`INSERT INTO gate_timers (claim_id, due_on) SELECT $1, d + 1 FROM unnest($2::date[]) AS d ON CONFLICT DO NOTHING`, [claim.claimId, windowEnds]);
}

/** The status and tier the evaluator last gave the claim; its timers stay until due (markGateClaimEvaluated). */
async function settle(tx: SqlExecutor, claimId: string, change: { status?: string; tier?: string }): Promise<void> {
  await tx.query(`UPDATE gate_claims SET status = coalesce($2, status), tier = coalesce($3, tier) WHERE claim_id = $1`, [claimId, change.status ?? null, change.tier ?? null]);
}

/**
 * R-CLAIM-4: an approved override moves the claim (a BLOCKED claim back to waiting, or released). It is due at once:
 * the gates that remain may hold already. A redelivered approval makes it due once more, which decides nothing new.
 */
async function overridden(tx: SqlExecutor, approved: ClaimOverrideApproved['data']): Promise<void> {
  await tx.query(`UPDATE gate_claims SET status = $2, touch_seq = touch_seq + 1 WHERE claim_id = $1`, [approved.claimId, approved.claimStatus]);
}

/** What a fact names that a claim's gates may depend on. */
function touchesOf({ event }: ProjectedEvent): [TouchKind, string][] {
  const data = event.data as Record<string, unknown>;
  const id = (field: string) => (typeof data[field] === 'string' ? (data[field] as string).toLowerCase() : undefined);
  const touches: [TouchKind, string][] = [];
  const cohortId = id('cohortId');
  const labourerId = id('labourerId');
  const employmentId = id('employmentId');
  if (cohortId) touches.push(['COHORT', cohortId]);
  if (cohortId && ROSTER_FACTS.has(event.type)) touches.push(['COHORT_ROSTER', cohortId]);
  if (labourerId && PERSON_FACTS.has(event.type)) touches.push(['LABOURER', labourerId]);
  if (employmentId && EMPLOYMENT_DECISIONS.has(event.type)) touches.push(['EMPLOYMENT', employmentId]);
  return touches;
}

/** One row per thing touched, at the position of the latest fact about it; an older (redelivered) one moves nothing. */
async function saveTouches(tx: SqlExecutor, touches: readonly { kind: TouchKind; id: string; recorded: RecordedEvent }[]): Promise<void> {
  if (touches.length === 0) return;
  await tx.query(
    `INSERT INTO gate_fact_touches (kind, id, commit_position, prepare_position)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::numeric[], $4::bigint[])
     ON CONFLICT (kind, id) DO UPDATE SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position
     WHERE (gate_fact_touches.commit_position, gate_fact_touches.prepare_position) < (EXCLUDED.commit_position, EXCLUDED.prepare_position)`,
    [
      touches.map((t) => t.kind),
      touches.map((t) => t.id),
      touches.map((t) => t.recorded.position.commit.toString()),
      touches.map((t) => t.recorded.position.prepare.toString()),
    ],
  );
}

import type { CalendarDate } from '@skills/domain';
import type { SqlExecutor } from '@skills/sql';

/** A claim on the notice board (R-CLAIM-3), as the claim-notices read model holds it. */
export interface NoticeBoardRow {
  readonly claimId: string;
  readonly reviewRound: number;
  readonly startsOn: CalendarDate;
  readonly endsOn: CalendarDate;
  readonly noticeDays: number;
}

/** The claims on notice, the soonest to end first: a page of them and how many there are. */
export async function listNoticeBoard(db: SqlExecutor, page: { readonly limit: number; readonly offset: number }): Promise<{ total: number; rows: NoticeBoardRow[] }> {
  const [{ rows }, count] = await Promise.all([
    db.query<{ claim_id: string; review_round: number; starts_on: string; ends_on: string; notice_days: number }>(
      `SELECT claim_id, review_round, starts_on::text, ends_on::text, notice_days FROM rm_claim_notices WHERE status = 'IN_NOTICE'
       ORDER BY ends_on, claim_id LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    ),
    db.query<{ total: string }>(`SELECT count(*)::text AS total FROM rm_claim_notices WHERE status = 'IN_NOTICE'`),
  ]);
  return {
    total: Number(count.rows[0]?.total ?? 0),
    rows: rows.map((r) => ({ claimId: r.claim_id, reviewRound: Number(r.review_round), startsOn: r.starts_on, endsOn: r.ends_on, noticeDays: Number(r.notice_days) })),
  };
}

export interface DueNoticeTimer {
  readonly claimId: string;
  readonly dueOn: CalendarDate;
}

/** The durable timers due by `today`: claims whose notice period may have ended. */
export async function findDueNoticeTimers(db: SqlExecutor, today: CalendarDate): Promise<DueNoticeTimer[]> {
  const { rows } = await db.query<{ claim_id: string; due_on: string }>(`SELECT claim_id, due_on::text FROM notice_timers WHERE due_on <= $1 ORDER BY due_on, claim_id`, [today]);
  return rows.map((r) => ({ claimId: r.claim_id, dueOn: r.due_on }));
}

/**
 * The timer read as `timer` is done (released, or the claim is off notice). Only that reading: a newer period's timer,
 * set meanwhile by a new approval, stays.
 */
export async function completeNoticeTimer(db: SqlExecutor, timer: DueNoticeTimer): Promise<void> {
  await db.query(`DELETE FROM notice_timers WHERE claim_id = $1 AND due_on = $2`, [timer.claimId, timer.dueOn]);
}

/** The claim's stream says the period ends later than the timer thought: due on `dueOn` instead. */
export async function postponeNoticeTimer(db: SqlExecutor, timer: DueNoticeTimer, dueOn: CalendarDate): Promise<void> {
  await db.query(`UPDATE notice_timers SET due_on = $3 WHERE claim_id = $1 AND due_on = $2`, [timer.claimId, timer.dueOn, dueOn]);
}

/** The notice timer of one claim, if any (tests and the notice's own view). */
export async function noticeTimerOf(db: SqlExecutor, claimId: string): Promise<CalendarDate | undefined> {
  const { rows } = await db.query<{ due_on: string }>(`SELECT due_on::text FROM notice_timers WHERE claim_id = $1`, [claimId]);
  return rows[0]?.due_on;
}

/**
 * The registered names of organisations (providers, enterprises, evaluation bodies, subdistricts), for the notice's
 * payee list: organisation names are public registers. An id the register does not hold yet is absent.
 */
export async function organisationNamesOf(db: SqlExecutor, organisationIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(organisationIds.map((id) => id.toLowerCase()))];
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ organisation_id: string; name: string }>(`SELECT organisation_id::text, name FROM rm_organisations WHERE organisation_id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.organisation_id, r.name]));
}

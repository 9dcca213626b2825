import {
  claimDecider,
  claimNoticeOf,
  fold,
  noticeErrors,
  shanghaiDateOf,
  toClaimStreamId,
  type CalendarDate,
  type ClaimEvent,
  type DomainEvent,
} from '@skills/domain';
import type { System } from '@skills/platform';
import { listNoticeBoard, organisationNamesOf } from '@skills/projections';
import { noticeBoardItem, type OnNotice } from './notice-board-item';
import type { NoticeBoardQuery } from './notice-forms';

/**
 * R-CLAIM-3 public notice (公示): the claims on notice, for any account. The board lists the payees and, per person,
 * the name MASKED (maskName, whoever reads: it is the public view) and never an ID number or a person's id; amounts in
 * fen. Which claims are on notice comes from the claim-notices read model; what each says comes from its own stream,
 * so a claim sent back a moment ago is left out rather than shown stale.
 */
export async function readNoticeBoard(system: System, query: NoticeBoardQuery, today = shanghaiDateOf(new Date().toISOString())) {
  const { total, rows } = await listNoticeBoard(system.db, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const found = await Promise.all(rows.map((row) => onNotice(system, row.claimId)));
  const items = await describe(system, found.filter((n): n is OnNotice => n !== undefined), today);
  return { today, page: query.page, pageSize: query.pageSize, total, items };
}

/** One claim on notice, from its stream (always current); NOTICE.NOT_FOUND when it is not on the board. */
export async function readNotice(system: System, claimId: string, today = shanghaiDateOf(new Date().toISOString())) {
  const found = await onNotice(system, claimId);
  if (!found) throw noticeErrors.notOnNoticeBoard(claimId);
  const [item] = await describe(system, [found], today);
  return item!;
}

async function onNotice(system: System, claimId: string): Promise<OnNotice | undefined> {
  const events = (await system.store.readStream(toClaimStreamId(claimId))).map((r) => system.catalogue.deserialise(r) as ClaimEvent);
  const notice = claimNoticeOf(events as DomainEvent[]);
  if (notice.status !== 'ON_NOTICE') return undefined;
  const state = fold(claimDecider, events);
  if (state.status === 'submitted') {
    const { claim } = state;
    const lines = claim.lines.flatMap((l) => (l.outcome === 'AMOUNT' ? [{ lineId: l.lineId, ruleId: l.ruleId, labourerId: l.labourerId, payee: l.payee, amountFen: l.amountFen }] : []));
    const overridden = state.overrides.some((o) => o.status === 'APPROVED');
    return { claimId: claim.claimId, scheme: claim.scheme, subject: claim.subject, period: claim.period, organisation: claim.submittedBy.organisation, notice: notice.period, lines, overridden };
  }
  if (state.status === 'adjustment') {
    const { adjustment } = state;
    const lines = adjustment.lines.map((l) => ({ lineId: l.lineId, ruleId: adjustment.scheme, labourerId: l.labourerId, payee: l.payee, amountFen: l.amountFen, direction: l.direction }));
    // An adjustment claim has no overrides of its own (R-CLAIM-4 applies to the claim it adjusts).
    return { claimId: adjustment.claimId, scheme: adjustment.scheme, subject: adjustment.subject, period: adjustment.period, organisation: adjustment.submittedBy.organisation, notice: notice.period, lines, overridden: false };
  }
  return undefined;
}

/** Names: organisations from the register (public), people from the vault, then masked (noticeBoardItem). */
async function describe(system: System, claims: readonly OnNotice[], today: CalendarDate) {
  const people = claims.flatMap((c) => c.lines.flatMap((l) => [l.labourerId, l.payee.kind === 'LABOURER' ? l.payee.id : undefined])).filter((id): id is string => id !== undefined);
  const organisations = claims.flatMap((c) => [c.organisation.id, ...c.lines.filter((l) => l.payee.kind !== 'LABOURER').map((l) => l.payee.id)]);
  const [records, names] = await Promise.all([system.vault.getMany([...new Set(people.map((id) => id.toLowerCase()))]), organisationNamesOf(system.db, organisations)]);
  return claims.map((c) => noticeBoardItem(c, { people: records, organisations: names }, today));
}

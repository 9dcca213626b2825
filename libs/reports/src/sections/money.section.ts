import { CLAIM_SCHEME, type CalendarDate, type ClaimOverride } from '@skills/domain';
import type { MoneyFigure, MoneyRow, MoneySection, OverrideLine, PayeeType, WaitingClaim } from '../evaluation-report';
import type { EvaluationHistory } from '../history/evaluation-history';
import { PAYEE_TYPES, type ClaimMoneyRecord, type PayoutRecord } from '../history/payout-history';
import { reportEnd, type ReportContext } from '../report-context';
import type { TraceRef, Tracer } from '../tracing';

/**
 * R-EVAL-1 "money released per scheme and per payee type, overrides, and claims waiting on gates" (with R-PAY-1,
 * R-CLAIM-4, R-GATE-4), for the report's unit, by THE RULE of report-context.ts (facts by their own day, cut at
 * reportEnd; known by asOf):
 *
 * - released: the fen of the claims whose release for payment has its own day (releasedOn) in [period.from,
 *   reportEnd], split by payee type as the release split it into payouts; a release dated in the period but
 *   recorded after its end (a notice timer run late) is there once asOf knows it;
 * - paid: of those released amounts, the payouts PAID as known on asOf whose paidOn is on or before reportEnd (a
 *   payout failed then re-instructed, or answered FAILED then PAID, counts by the paid attempt's own paidOn);
 * - cancelled: the payouts an approver cancelled (cancelledOn on or before reportEnd) and not paid by then (R-PAY-1
 *   "never silently dropped": shown apart, not hidden in what is still owed);
 * - outstanding: released − paid − cancelled, what finance still had to pay at reportEnd.
 * A payout paid after reportEnd is outstanding in this report, whatever asOf: the half-year's figures do not move
 * when the same half-year is run again later, except by what was recorded late about the half-year itself.
 *
 * Unit: a claim belongs to the subdistrict of the organisation that submitted it (a provider, an enterprise; an
 * adjustment claim is its original's submitter's), as the registry placed that organisation on the claim's submission
 * day: an enterprise that moves later keeps its earlier claims where they were made. A claim whose organisation the
 * registry does not place is in the district report only. unit.subdistrictId null is the whole district.
 */
export function moneySection(history: EvaluationHistory, context: ReportContext, tracer: Tracer): MoneySection {
  const end = reportEnd(context);
  const inUnit = unitFilter(history, context);
  const claims = [...history.payouts.claims.values()].filter(inUnit).sort((a, b) => compare(a.claimId, b.claimId));

  const released = claims.filter((c) => releasedWithin(c, context.period.from, end));
  const rows = moneyRows(history, released, end, tracer);
  const total = {
    released: figure('money/total/released', rows, (r) => r.released.fen),
    paid: figure('money/total/paid', rows, (r) => r.paid.fen),
    cancelled: figure('money/total/cancelled', rows, (r) => r.cancelled.fen),
    outstanding: figure('money/total/outstanding', rows, (r) => r.outstanding.fen),
  };
  for (const measure of MEASURES) {
    tracer.trace(`money/total/${measure}`, () => rows.flatMap((row) => sourcesOf(row, measure, end)));
  }
  return { rows: rows.map((r) => r.row), total, overrides: overrideLines(history, context, claims, end, tracer), waitingOnGates: waitingClaims(history, claims, end, tracer) };
}

const MEASURES = ['released', 'paid', 'cancelled', 'outstanding'] as const;
type Measure = (typeof MEASURES)[number];

interface BuiltRow {
  readonly row: MoneyRow;
  readonly released: MoneyFigure;
  readonly paid: MoneyFigure;
  readonly cancelled: MoneyFigure;
  readonly outstanding: MoneyFigure;
  /** The claims released in the period with money for this payee type, and their payouts to it. */
  readonly claims: readonly { readonly claim: ClaimMoneyRecord; readonly payouts: readonly PayoutRecord[] }[];
}

/** THE RULE (report-context.ts): a release counts in the period by its own day, releasedOn. */
const releasedWithin = (claim: ClaimMoneyRecord, from: CalendarDate, end: CalendarDate): boolean => claim.release !== null && claim.release.releasedOn >= from && claim.release.releasedOn <= end;

/** What a payout was at the end of `end` (THE RULE): paid by its paidOn, else cancelled by its cancelledOn, else still owed. */
function standingOn(payout: PayoutRecord, end: CalendarDate): 'PAID' | 'CANCELLED' | 'OWED' {
  if (payout.paidOn !== null && payout.paidOn <= end) return 'PAID';
  if (payout.cancelledOn !== null && payout.cancelledOn <= end) return 'CANCELLED';
  return 'OWED';
}

/** One row per (scheme, payee type) with money released, schemes in the notice's order (CLAIM_SCHEME), PERSON first. */
function moneyRows(history: EvaluationHistory, released: readonly ClaimMoneyRecord[], end: CalendarDate, tracer: Tracer): BuiltRow[] {
  const groups = new Map<string, { scheme: string; payeeType: PayeeType; releasedFen: number; paidFen: number; cancelledFen: number; claims: BuiltRow['claims'][number][] }>();
  for (const claim of released) {
    const payouts = history.payouts.payoutsOf(claim.claimId);
    for (const { payeeType, fen } of claim.release!.byPayeeType) {
      const key = `${claim.scheme}|${payeeType}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { scheme: claim.scheme, payeeType, releasedFen: 0, paidFen: 0, cancelledFen: 0, claims: [] }));
      const own = payouts.filter((p) => p.payeeType === payeeType);
      group.releasedFen += fen;
      group.paidFen += fenOf(own, 'PAID', end);
      group.cancelledFen += fenOf(own, 'CANCELLED', end);
      group.claims.push({ claim, payouts: own });
    }
  }
  const built = [...groups.values()]
    .sort((a, b) => schemeRank(a.scheme) - schemeRank(b.scheme) || compare(a.scheme, b.scheme) || PAYEE_TYPES.indexOf(a.payeeType) - PAYEE_TYPES.indexOf(b.payeeType))
    .map((g): BuiltRow => {
      const id = `money/${g.scheme}/${g.payeeType}`;
      const releasedFig = { id: `${id}/released`, fen: g.releasedFen };
      const paid = { id: `${id}/paid`, fen: g.paidFen };
      const cancelled = { id: `${id}/cancelled`, fen: g.cancelledFen };
      const outstanding = { id: `${id}/outstanding`, fen: g.releasedFen - g.paidFen - g.cancelledFen };
      return { row: { scheme: g.scheme, payeeType: g.payeeType, released: releasedFig, paid, cancelled, outstanding }, released: releasedFig, paid, cancelled, outstanding, claims: g.claims };
    });
  for (const row of built) {
    for (const measure of MEASURES) tracer.trace(row[measure].id, () => sourcesOf(row, measure, end));
  }
  return built;
}

/**
 * R-MON-1: released is counted from the claim's stream (its lines and its release) and the instructions the release
 * wrote; paid from the payouts paid by reportEnd (every attempt and answer), cancelled likewise; outstanding from all
 * of the claim's payouts to that payee type, since any of them may be the one still unpaid.
 */
function sourcesOf(row: BuiltRow, measure: Measure, end: CalendarDate): TraceRef[] {
  return row.claims.flatMap(({ claim, payouts }): TraceRef[] => {
    if (measure === 'released') return [{ streamId: claim.streamId }, ...payouts.map((p) => ({ streamId: p.streamId, types: ['PayoutInstructed'] }))];
    const counted = measure === 'paid' ? payouts.filter((p) => standingOn(p, end) === 'PAID') : measure === 'cancelled' ? payouts.filter((p) => standingOn(p, end) === 'CANCELLED') : payouts;
    return [{ streamId: claim.streamId, types: [claim.adjustment ? 'ClaimAdjustmentRaised' : 'ClaimSubmitted', 'ClaimReleasedForPayment'] }, ...counted.map((p) => ({ streamId: p.streamId }))];
  });
}

const fenOf = (payouts: readonly PayoutRecord[], standing: 'PAID' | 'CANCELLED', end: CalendarDate): number =>
  payouts.filter((p) => standingOn(p, end) === standing).reduce((sum, p) => sum + p.amountFen, 0);

function figure(id: string, rows: readonly BuiltRow[], fen: (row: BuiltRow) => number): MoneyFigure {
  return { id, fen: rows.reduce((sum, row) => sum + fen(row), 0) };
}

/**
 * R-CLAIM-4 "flagged in every report": each claim of the unit with an approved override that was approved in the
 * period, or whose release in the period (by its releasedOn, THE RULE of report-context.ts) paid out what an override
 * allowed. What was overridden: a "no rule" line
 * (NO_RULE_LINE) or a failed gate (GATE_<gate>). The amount is what the claim pays as it stands with its overrides.
 */
function overrideLines(history: EvaluationHistory, context: ReportContext, claims: readonly ClaimMoneyRecord[], end: CalendarDate, tracer: Tracer): OverrideLine[] {
  const lines: OverrideLine[] = [];
  for (const claim of claims) {
    const state = history.simulation.claims.get(claim.claimId)?.state;
    if (state?.status !== 'submitted') continue;
    const approved = state.overrides.filter((o) => o.status === 'APPROVED' && o.decision !== undefined && o.decision.on <= end);
    if (approved.length === 0) continue;
    const releasedInPeriod = releasedWithin(claim, context.period.from, end);
    if (!releasedInPeriod && !approved.some((o) => o.decision!.on >= context.period.from)) continue;
    const id = `money/overrides/${claim.claimId}`;
    tracer.trace(id, () => [{ streamId: claim.streamId }]);
    lines.push({ claimId: claim.claimId, scheme: claim.scheme, kinds: kindsOf(approved), amount: { id, fen: state.claim.totalFen } });
  }
  return lines.sort((a, b) => schemeRank(a.scheme) - schemeRank(b.scheme) || compare(a.scheme, b.scheme) || compare(a.claimId, b.claimId));
}

export const kindOfOverride = (override: ClaimOverride): string => (override.target.kind === 'LINE' ? 'NO_RULE_LINE' : `GATE_${override.target.gate}`);

const kindsOf = (overrides: readonly ClaimOverride[]): string[] => [...new Set(overrides.map(kindOfOverride))].sort();

/**
 * R-GATE-4: the claims of the unit that, at the end of reportEnd, were kept from review by gates still open (or
 * awaiting verification), with those gates and what the claim paid so far, oldest submission first. Waiting is a
 * state of the claim's stream, not a dated fact: it is read by the days its events were recorded (THE RULE,
 * report-context.ts, with the stream's own days).
 */
function waitingClaims(history: EvaluationHistory, claims: readonly ClaimMoneyRecord[], end: CalendarDate, tracer: Tracer): WaitingClaim[] {
  const waiting: WaitingClaim[] = [];
  for (const claim of claims) {
    const snapshot = history.payouts.waitingOn(claim.claimId, end);
    if (!snapshot) continue;
    const id = `money/waiting/${claim.claimId}`;
    tracer.trace(id, () => [{ streamId: claim.streamId }]);
    waiting.push({ claimId: claim.claimId, scheme: claim.scheme, submittedOn: claim.submittedOn, gates: [...snapshot.gates], amount: { id, fen: snapshot.totalFen } });
  }
  return waiting.sort((a, b) => compare(a.submittedOn, b.submittedOn) || compare(a.claimId, b.claimId));
}

function unitFilter(history: EvaluationHistory, context: ReportContext): (claim: ClaimMoneyRecord) => boolean {
  const unit = context.unit.subdistrictId?.toLowerCase() ?? null;
  if (unit === null) return () => true;
  return (claim) => history.registry.subdistrictOfUnit(claim.organisation, claim.submittedOn) === unit;
}

const SCHEMES: readonly string[] = CLAIM_SCHEME.options;
const schemeRank = (scheme: string): number => (SCHEMES.includes(scheme) ? SCHEMES.indexOf(scheme) : SCHEMES.length);

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

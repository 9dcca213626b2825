import { DomainError, paymentKeyDecider, toPaymentKeyStreamId, type ClaimLine, type ClaimPeriod, type PaymentKeyParts } from '@skills/domain';
import type { SchemeCalculation } from '@skills/policy';
import { deterministicUuid, loadStream, type System } from '@skills/platform';
import { paymentKeyOf } from '../payment-keys';
import { claimLinesOf } from './claim-lines';
import type { ClaimRequest } from './claim-source';

/**
 * One recorded fact that one line pays for: a month a person worked (R-ENT-3), a centre (R-ENT-4), a studio's
 * designation at a level (R-AWARD-1), a person counted for a brand (R-AWARD-2). Its period, person and part make its
 * R-CLAIM-2 key, so the fact is paid once whichever claim it is in.
 */
export interface ClaimFact {
  readonly period: ClaimPeriod;
  readonly labourerId?: string;
  readonly part?: PaymentKeyParts['part'];
  /** Names the fact within its subject, for the line's id: `2021-03`, `PROVINCIAL`, `PLACED:<labourer id>`. */
  readonly name: string;
}

type Request = Pick<ClaimRequest, 'claimId' | 'scheme' | 'subject' | 'period'>;

export function factKeyOf(request: Request, fact: ClaimFact): string {
  const { scheme, subject } = request;
  return paymentKeyOf({ scheme, subject, period: fact.period, ...(fact.labourerId === undefined ? {} : { labourerId: fact.labourerId }), ...(fact.part === undefined ? {} : { part: fact.part }) });
}

/**
 * The line a one-fact calculation makes, with the fact's period, person and key. The shared claimLinesOf names lines
 * by person, and keys them by the claim's period; here one claim holds several facts of one person (months, a person
 * trained and placed), so each line is named by its fact and keyed by the fact's own period and part.
 */
export function factLinesOf(calculation: SchemeCalculation, request: Request, fact: ClaimFact): ClaimLine[] {
  const person = fact.labourerId === undefined ? {} : { labourerId: fact.labourerId };
  return claimLinesOf(calculation, { claimId: request.claimId, scheme: request.scheme, subject: request.subject, period: fact.period }).map((line): ClaimLine => {
    const named = { ...line, ...person, lineId: deterministicUuid(request.claimId, 'line', fact.name) };
    return named.outcome === 'REFUSED' ? named : { ...named, paymentKey: factKeyOf(request, fact) };
  });
}

/**
 * What a claim covers. With a period: every fact within it (a fact already paid then refuses the whole claim,
 * R-CLAIM-2, so a mistaken second claim is seen). Without one: every fact no claim holds yet, so an employer claims
 * month after month, or a brand year after year, by asking again. None left is an error naming the reason.
 */
export async function factsToClaim<F extends ClaimFact>(system: Pick<System, 'store' | 'catalogue'>, request: Request, facts: readonly F[], what: string): Promise<{ facts: F[]; period: ClaimPeriod }> {
  const asked = request.period;
  if (facts.length === 0) throw nothingRecorded(request, what);
  let chosen: F[];
  if (asked) {
    chosen = facts.filter((f) => f.period.from >= asked.from && f.period.to <= asked.to);
    if (chosen.length === 0) throw nothingInPeriod(request, what, asked);
  } else {
    const keys = await Promise.all(facts.map((f) => loadStream(system.store, system.catalogue, paymentKeyDecider, toPaymentKeyStreamId(factKeyOf(request, f)))));
    chosen = facts.filter((_, i) => keys[i]!.state.status === 'free');
    if (chosen.length === 0) throw nothingLeft(request, what, facts.length);
  }
  const period = asked ?? { from: chosen.map((f) => f.period.from).sort()[0]!, to: chosen.map((f) => f.period.to).sort().reverse()[0]! };
  return { facts: chosen, period };
}

const nothingRecorded = (request: Request, what: string) =>
  new DomainError('CLAIM.NOTHING_RECORDED', `no ${what} is recorded for this ${request.subject.kind.toLowerCase()} yet: record it before claiming`, 'rule', { ruleId: request.scheme });

const nothingInPeriod = (request: Request, what: string, period: ClaimPeriod) =>
  new DomainError('CLAIM.NOTHING_IN_PERIOD', `no ${what} of this ${request.subject.kind.toLowerCase()} falls within ${period.from} to ${period.to}: widen the period, or omit it to claim everything not yet claimed`, 'rule', { ruleId: request.scheme }, [
    { field: 'period', message: 'cover at least one recorded fact, whole' },
  ]);

const nothingLeft = (request: Request, what: string, recorded: number) =>
  new DomainError('CLAIM.NOTHING_LEFT_TO_CLAIM', `every ${what} recorded for this ${request.subject.kind.toLowerCase()} (${recorded}) is held by a claim already (R-CLAIM-2): record new facts before claiming again`, 'conflict', {
    ruleId: 'R-CLAIM-2',
    scheme: request.scheme,
    recorded,
  });

/** A subject of another organisation is answered like a missing one: the id tells the caller nothing. */
export const subjectNotFound = (request: Request, message: string) =>
  new DomainError('CLAIM.SUBJECT_NOT_FOUND', message, 'not_found', { ruleId: request.scheme, subject: request.subject });

/** The version the claim's event is recorded under: the latest fact's; every line names its own (R-CLAIM-1). */
export const latestPolicyVersion = (lines: readonly ClaimLine[]): string => [...lines].sort((a, b) => a.period.to.localeCompare(b.period.to)).reverse()[0]!.policyVersion;

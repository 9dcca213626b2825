import { DomainError, type CalendarDate } from '@skills/domain';
import { addDays } from './gates/calendar-days';
import { policyVersionOf } from './parse-policy-document';
import type { PolicyDocument } from './policy-document.schema';

const covers = (document: PolicyDocument, date: CalendarDate) =>
  document.effectiveFrom <= date && (document.effectiveTo === null || date <= document.effectiveTo);

/**
 * R-CLAIM-1: the policy version in force on a date. Versions may overlap, and the one that took effect last
 * supersedes the others from its effectiveFrom: publishing never needs an edit of an older version (POLICY.md: the
 * bureau publishes a new version with new dates). A version with an effectiveTo is an interlude: after it the
 * version it superseded holds again. Of two versions taking effect on the same day, the one published later
 * wins, so exactly one version is in force on any day some version covers. `documents` are in publication
 * order, the shipped ones first.
 */
export function policyInForceOn(documents: readonly PolicyDocument[], date: CalendarDate): PolicyDocument {
  let inForce: PolicyDocument | undefined;
  for (const document of documents) {
    if (covers(document, date) && (inForce === undefined || document.effectiveFrom >= inForce.effectiveFrom)) inForce = document;
  }
  if (inForce === undefined) {
    throw new DomainError('POLICY.NONE_IN_FORCE', `no policy version is in force on ${date}: check the date or publish a version that covers it`, 'not_found', { date });
  }
  return inForce;
}

export interface PolicyPeriod {
  readonly from: CalendarDate;
  /** Inclusive; null: open-ended. */
  readonly to: CalendarDate | null;
  /** `JCCQ-2020-12.v1`; null where no version is in force. */
  readonly policyVersion: string | null;
}

/** The days on which the version in force can change: each effectiveFrom and each day after an effectiveTo. */
function changeDays(documents: readonly PolicyDocument[]): CalendarDate[] {
  const days = new Set(documents.flatMap((d) => (d.effectiveTo === null ? [d.effectiveFrom] : [d.effectiveFrom, addDays(d.effectiveTo, 1)])));
  return [...days].sort();
}

/**
 * Which version is in force when, from the first effectiveFrom on: consecutive periods, each with one version
 * (or none, in a gap), the last one open-ended. What an administrator checks after publishing a version.
 */
export function policyTimeline(documents: readonly PolicyDocument[]): PolicyPeriod[] {
  const days = changeDays(documents);
  const periods: PolicyPeriod[] = [];
  days.forEach((from, index) => {
    const next = days[index + 1];
    const policyVersion = documents.some((d) => covers(d, from)) ? policyVersionOf(policyInForceOn(documents, from)) : null;
    const previous = periods[periods.length - 1];
    const to = next === undefined ? null : addDays(next, -1);
    if (previous && previous.policyVersion === policyVersion) periods[periods.length - 1] = { ...previous, to };
    else periods.push({ from, to, policyVersion });
  });
  return periods;
}

/**
 * The one version in force on every day of [from, to]. A period across a change of version would be paid at
 * one version's rates for days the other governs, so it is refused, naming the day to split it at.
 */
export function policyInForceThroughout(documents: readonly PolicyDocument[], from: CalendarDate, to: CalendarDate): PolicyDocument {
  const first = policyInForceOn(documents, from);
  for (const day of changeDays(documents)) {
    if (day <= from || day > to) continue;
    const other = documents.some((d) => covers(d, day)) ? policyInForceOn(documents, day) : undefined;
    if (other !== first) {
      const then = other ? `version ${policyVersionOf(other)}` : 'no version';
      throw new DomainError('POLICY.CHANGES_WITHIN_PERIOD', `${policyVersionOf(first)} is in force on ${from} but ${then} from ${day}: split the period at ${day}`, 'rule', {
        from,
        to,
        changesOn: day,
      });
    }
  }
  return first;
}

/** True when one version of the policy holds on every day of [from, to]. */
export function policyCoversPeriod(document: PolicyDocument, from: CalendarDate, to: CalendarDate): boolean {
  return covers(document, from) && covers(document, to);
}

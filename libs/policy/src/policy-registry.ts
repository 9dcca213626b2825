import { DomainError, type CalendarDate } from '@skills/domain';
import type { PolicyDocument } from './policy-document.schema';

const covers = (document: PolicyDocument, date: CalendarDate) =>
  document.effectiveFrom <= date && (document.effectiveTo === null || date <= document.effectiveTo);

/**
 * R-CLAIM-1: the policy version in force on a date. A newer version supersedes an older one of the same policy
 * from its effectiveFrom (then the higher version number), so publishing needs no edit of the old version.
 */
export function policyInForceOn(documents: readonly PolicyDocument[], date: CalendarDate): PolicyDocument {
  const candidates = documents.filter((document) => covers(document, date));
  if (candidates.length === 0) {
    throw new DomainError('POLICY.NONE_IN_FORCE', `no policy version is in force on ${date}: check the date or publish a version that covers it`, 'not_found', { date });
  }
  const ids = new Set(candidates.map((document) => document.id));
  if (ids.size > 1) {
    throw new DomainError('POLICY.AMBIGUOUS', `several policies are in force on ${date}: ask for one policy id`, 'conflict', { date, policyIds: [...ids] });
  }
  const [newest] = [...candidates].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version);
  return newest!;
}

/** True when one version of the policy holds on every day of [from, to]. */
export function policyCoversPeriod(document: PolicyDocument, from: CalendarDate, to: CalendarDate): boolean {
  return covers(document, from) && covers(document, to);
}

import type { CalendarDate } from '@skills/domain';
import { policyCoversPeriod, policyInForceOn, type PolicyDocument } from '@skills/policy';

/**
 * The policy registry the simulation prices with: the live one (shipped versions, then every published version in
 * publication order) with the candidate added as if published last and winning every day of its effective window.
 * policyInForceOn alone would let a live version that takes effect later than the candidate supersede it inside its
 * window; the question asked is "what if this version had been in force then", so inside the window it is.
 */
export function candidatePolicyOn(live: readonly PolicyDocument[], candidate: PolicyDocument): (date: CalendarDate) => PolicyDocument {
  return (date) => (policyCoversPeriod(candidate, date, date) ? candidate : policyInForceOn(live, date));
}

import { releaseOf } from '@skills/domain';
import { priceLabourBrandCounts, type PricedBrandCount } from '@skills/policy';
import type { FoldedBrand } from '../scheme-fact-history';
import { claimedFacts, factLinesOf, latestPolicyVersion } from './fact-claim-lines';
import { NotSimulated, type SchemeSimulator, type SimulationContext } from './scheme-simulator';

/**
 * R-AWARD-2: labourBrandClaim's pricing, every count of the brand in the order counted under the candidate
 * (priceLabourBrandCounts), so a higher amount reaches the cap sooner and a later claim's counts then pay less; the
 * lines are those of the counts the claim held. A brand is priced once per run, however many claims it has.
 */
export const labourBrandSimulator: SchemeSimulator = {
  scheme: 'R-AWARD-2',
  simulate(claim, context) {
    const brandId = claim.submitted.subject.id.toLowerCase();
    const brand = context.history.schemeFacts.brands.get(brandId);
    if (!brand) throw new NotSimulated('SUBJECT_NOT_FOUND', `brand ${brandId} is not in the history up to the day simulated`);
    const priced = claimedFacts(claim, pricedCounts(context, brand));
    const { tier, gates } = releaseOf('R-AWARD-2', []);
    return { tier, gates, lines: priced.flatMap((fact) => factLinesOf(fact.calculation, fact.labourerId)), policyVersion: latestPolicyVersion(priced) };
  },
};

const priceLists = new WeakMap<SimulationContext, Map<FoldedBrand, PricedBrandCount[]>>();

function pricedCounts(context: SimulationContext, brand: FoldedBrand): PricedBrandCount[] {
  let byBrand = priceLists.get(context);
  if (!byBrand) priceLists.set(context, (byBrand = new Map()));
  let priced = byBrand.get(brand);
  if (!priced) byBrand.set(brand, (priced = priceLabourBrandCounts(brand, (day) => context.policyOn(day))));
  return priced;
}

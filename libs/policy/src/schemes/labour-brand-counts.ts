import type { BrandCount, CalendarDate, LabourBrandState } from '@skills/domain';
import type { PolicyDocument } from '../policy-document.schema';
import { calculateLabourBrand } from './labour-brand.calculator';
import type { SchemeCalculation } from './scheme-line';

type RecognisedBrand = Pick<Extract<LabourBrandState, { status: 'recognised' }>, 'brandId' | 'level' | 'holder' | 'counts'>;

/** One person counted for a brand, priced: one claim line, keyed by the person, the count and its day (R-CLAIM-2). */
export interface PricedBrandCount {
  /** Names the count within the brand (`TRAINED:<labourer id>`): the claim line's id derives from it. */
  readonly name: string;
  readonly labourerId: string;
  readonly part: BrandCount;
  readonly period: { readonly from: CalendarDate; readonly to: CalendarDate };
  readonly calculation: SchemeCalculation;
}

/**
 * R-AWARD-2: the cap is per brand over all its awards and is reached in the order people were counted. Each count is
 * priced, under the version in force on its day, with what the counts before it earn as "already awarded", so every
 * count's amount is a fact of the brand's stream, not of which claim came first: two racing claims cannot spend the
 * same headroom, and the counts a claim does not cover keep theirs. The claim source and the policy simulation both
 * price a brand with this.
 */
export function priceLabourBrandCounts(brand: RecognisedBrand, policyOn: (day: CalendarDate) => PolicyDocument): PricedBrandCount[] {
  const { brandId, level, holder } = brand;
  let earnedBefore = 0;
  return brand.counts.map((count) => {
    const calculation = calculateLabourBrand({
      policy: policyOn(count.countedOn),
      serviceDate: count.countedOn,
      brandId,
      level,
      holder,
      trained: count.count === 'TRAINED' ? 1 : 0,
      placed: count.count === 'PLACED' ? 1 : 0,
      alreadyAwardedFen: earnedBefore,
    });
    earnedBefore += calculation.totalFen;
    return { name: `${count.count}:${count.labourerId}`, labourerId: count.labourerId, part: count.count, period: { from: count.countedOn, to: count.countedOn }, calculation };
  });
}

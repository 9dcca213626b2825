import { z } from 'zod';
import { fenSchema, formatYuan, multiplyFen, sumFen } from '../money';
import type { PolicyDocument } from '../policy-document.schema';
import { capAt, cappedArithmetic, openScheme, parseSchemeFacts } from './scheme-context';
import { headCount, idSchema, serviceDateSchema } from './scheme-facts';
import { payeeSchema, type SchemeCalculation } from './scheme-line';

const RULE_ID = 'R-AWARD-2';

const factsSchema = z.strictObject({
  serviceDate: serviceDateSchema,
  brandId: idSchema,
  /** The notice prices provincial and city labour brands only. */
  level: z.enum(['PROVINCIAL', 'CITY']),
  /** The unit that runs the brand and receives the award. */
  holder: payeeSchema.refine((payee) => payee.kind !== 'LABOURER', { message: 'the award goes to the brand holder, not to a person', path: ['kind'] }),
  trained: headCount,
  /** People placed in work through the brand (输出). */
  placed: headCount,
  /** What earlier claims already awarded this brand: the cap is per brand, over all its awards. */
  alreadyAwardedFen: fenSchema,
});

export type LabourBrandInput = z.input<typeof factsSchema> & { readonly policy: PolicyDocument };

/**
 * R-AWARD-2 labour brand (劳务品牌): provincial 500 per person trained and 300 per person placed, at most 600,000 per
 * brand; city 300 and 200, at most 300,000. The notice pays it yearly by headcount but caps it per brand
 * (每个品牌奖励最高不超过), so earlier awards count against the cap.
 */
export function calculateLabourBrand(input: LabourBrandInput): SchemeCalculation {
  const { policy, ...raw } = input;
  const facts = parseSchemeFacts(RULE_ID, factsSchema, raw);
  const scheme = openScheme(RULE_ID, policy, facts.serviceDate);
  const { perTrainedFen, perPlacedFen, capFen } = policy.parameters.awards.labourBrand[facts.level];
  const { trained, placed, alreadyAwardedFen } = facts;
  const line = { payee: facts.holder, inputs: { brandId: facts.brandId, level: facts.level, trained, placed, perTrainedFen, perPlacedFen, capFen, alreadyAwardedFen } };

  if (alreadyAwardedFen >= capFen) {
    return scheme.finish([scheme.refuse({ ...line, code: 'CAP_EXHAUSTED', message: `${formatYuan(alreadyAwardedFen)} yuan already awarded: the brand has reached its cap of ${formatYuan(capFen)}` })]);
  }
  if (trained === 0 && placed === 0) return scheme.finish([scheme.refuse({ ...line, code: 'NOTHING_COUNTED', message: 'no one trained or placed: nothing to award' })]);
  const uncapped = sumFen([multiplyFen(trained, perTrainedFen), multiplyFen(placed, perPlacedFen)]);
  const already = alreadyAwardedFen > 0 ? ` less ${formatYuan(alreadyAwardedFen)} already awarded` : '';
  const { amountFen, cap } = capAt(uncapped, capFen - alreadyAwardedFen, `R-AWARD-2: at most ${formatYuan(capFen)} yuan per ${facts.level} brand${already}`);
  return scheme.finish([
    scheme.amount({ ...line, amountFen, cap, arithmetic: cappedArithmetic(`${trained} × ${formatYuan(perTrainedFen)} + ${placed} × ${formatYuan(perPlacedFen)}`, cap) }),
  ]);
}

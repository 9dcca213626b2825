import { z } from 'zod';
import { formatYuan } from '../money';
import type { PolicyDocument } from '../policy-document.schema';
import { AWARD_LEVEL } from '../scheme-parameters.schema';
import { openScheme, parseSchemeFacts } from './scheme-context';
import { idSchema, serviceDateSchema } from './scheme-facts';
import { payeeSchema, type SchemeCalculation } from './scheme-line';

const RULE_ID = 'R-AWARD-1';

const factsSchema = z.strictObject({
  serviceDate: serviceDateSchema,
  studioId: idSchema,
  /** The level at which the studio was recognised (创建成功). */
  level: AWARD_LEVEL,
  /** The unit the studio is built in (依托其所在单位), which receives the award. */
  hostUnit: payeeSchema.refine((payee) => payee.kind !== 'LABOURER', { message: 'the award goes to the host unit, not to a person', path: ['kind'] }),
});

export type SkillsMasterStudioInput = z.input<typeof factsSchema> & { readonly policy: PolicyDocument };

/** R-AWARD-1 skills-master studio (技能大师工作室): city 100,000, provincial 200,000, national 300,000 each. */
export function calculateSkillsMasterStudio(input: SkillsMasterStudioInput): SchemeCalculation {
  const { policy, ...raw } = input;
  const facts = parseSchemeFacts(RULE_ID, factsSchema, raw);
  const scheme = openScheme(RULE_ID, policy, facts.serviceDate);
  const amountFen = policy.parameters.awards.studioFen[facts.level];
  return scheme.finish([
    scheme.amount({
      payee: facts.hostUnit,
      inputs: { studioId: facts.studioId, level: facts.level, awardFen: amountFen },
      amountFen,
      arithmetic: `1 ${facts.level} studio × ${formatYuan(amountFen)} = ${formatYuan(amountFen)} yuan`,
    }),
  ]);
}

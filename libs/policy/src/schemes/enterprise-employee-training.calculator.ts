import { z } from 'zod';
import { formatYuan } from '../money';
import type { PolicyDocument } from '../policy-document.schema';
import { openScheme, parseSchemeFacts } from './scheme-context';
import { checkRoster, idSchema, serviceDateSchema, wholeDays } from './scheme-facts';
import type { Payee, SchemeCalculation } from './scheme-line';

const RULE_ID = 'R-ENT-1';

const factsSchema = z
  .strictObject({
    serviceDate: serviceDateSchema,
    cohortId: idSchema,
    enterpriseId: idSchema,
    /** The training is within the government's subsidised catalogue (符合政府职业技能培训补贴范围). */
    inSubsidisedCatalogue: z.boolean(),
    trainingDaysHeld: wholeDays,
    employees: z.array(z.strictObject({ labourerId: idSchema, attendedDays: wholeDays })),
  })
  .superRefine((facts, ctx) => checkRoster(ctx, 'employees', facts.employees, facts.trainingDaysHeld));

export type EnterpriseEmployeeTrainingInput = z.input<typeof factsSchema> & { readonly policy: PolicyDocument };

/**
 * R-ENT-1 enterprise employee training: 300 per trained employee, paid to the enterprise, when the training is in
 * the subsidised catalogue and lasts at least 3 days (培训时间不少于3天). Each employee must have attended those days:
 * an employee present on 2 days of a 3-day course was not trained for 3 days.
 */
export function calculateEnterpriseEmployeeTraining(input: EnterpriseEmployeeTrainingInput): SchemeCalculation {
  const { policy, ...raw } = input;
  const facts = parseSchemeFacts(RULE_ID, factsSchema, raw);
  const scheme = openScheme(RULE_ID, policy, facts.serviceDate);
  const { perEmployeeFen, minDays } = policy.parameters.enterprise.employeeTraining;
  const enterprise: Payee = { kind: 'ENTERPRISE', id: facts.enterpriseId };

  return scheme.finish(
    facts.employees.map((employee) => {
      const { labourerId, attendedDays } = employee;
      const line = { payee: enterprise, labourerId, inputs: { cohortId: facts.cohortId, inSubsidisedCatalogue: facts.inSubsidisedCatalogue, attendedDays, minDays, perEmployeeFen } };
      if (!facts.inSubsidisedCatalogue) {
        return scheme.refuse({ ...line, code: 'NOT_IN_SUBSIDISED_CATALOGUE', message: 'the training is outside the subsidised catalogue: R-ENT-1 does not pay for it' });
      }
      if (attendedDays < minDays) return scheme.refuse({ ...line, code: 'TOO_FEW_DAYS', message: `${attendedDays} days attended < ${minDays} days required` });
      return scheme.amount({ ...line, amountFen: perEmployeeFen, arithmetic: `${attendedDays} days ≥ ${minDays}: 1 × ${formatYuan(perEmployeeFen)} = ${formatYuan(perEmployeeFen)} yuan` });
    }),
  );
}

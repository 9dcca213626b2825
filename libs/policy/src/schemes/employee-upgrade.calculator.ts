import { z } from 'zod';
import { CERTIFICATE_LEVEL, CERTIFICATE_TYPE } from '@skills/domain';
import { formatYuan } from '../money';
import type { PolicyDocument } from '../policy-document.schema';
import { openScheme, parseSchemeFacts, type SchemeContext } from './scheme-context';
import { idSchema, serviceDateSchema, wholeMonths } from './scheme-facts';
import type { SchemeCalculation, SchemeLine } from './scheme-line';

const RULE_ID = 'R-CERT-3';

/** The five R-CERT-1 types, and the training certificate (培训合格证) the notice counts for senior technicians. */
export const UPGRADE_EVIDENCE_TYPE = z.enum([...CERTIFICATE_TYPE.options, 'TRAINING_CERTIFICATE']);

const employeeSchema = z.strictObject({
  labourerId: idSchema,
  certificateId: idSchema,
  certificateType: UPGRADE_EVIDENCE_TYPE,
  level: CERTIFICATE_LEVEL,
  /** Months of unemployment-insurance contributions, as the insurance record shows them on the certificate's date. */
  insuranceMonths: wholeMonths,
  /** Obtained through on-the-job upgrade training (岗位技能提升培训). */
  throughUpgradeTraining: z.boolean(),
});

const factsSchema = z
  .strictObject({ serviceDate: serviceDateSchema, enterpriseId: idSchema, employees: z.array(employeeSchema) })
  .superRefine((facts, ctx) => {
    const seen = new Set<string>();
    facts.employees.forEach((employee, index) => {
      if (seen.has(employee.certificateId)) ctx.addIssue({ code: 'custom', message: 'this certificate is listed twice', path: ['employees', index, 'certificateId'] });
      seen.add(employee.certificateId);
    });
  });

export type EmployeeUpgradeInput = z.input<typeof factsSchema> & { readonly policy: PolicyDocument };
type Employee = z.infer<typeof employeeSchema>;

/**
 * R-CERT-3 employee upgrade subsidy (职工个人补贴), paid to the employee personally, one line per certificate:
 * JUNIOR 1000 … SENIOR_TECHNICIAN 6000, for an enterprise employee with at least 12 months of unemployment-insurance
 * contributions (12个月以上: 12 is enough, 11 is not) who obtained a qualification or skill-level certificate
 * through on-the-job upgrade training. The notice also counts a senior technician's training certificate.
 */
export function calculateEmployeeUpgrade(input: EmployeeUpgradeInput): SchemeCalculation {
  const { policy, ...raw } = input;
  const facts = parseSchemeFacts(RULE_ID, factsSchema, raw);
  const scheme = openScheme(RULE_ID, policy, facts.serviceDate);
  return scheme.finish(facts.employees.map((employee) => employeeLine(scheme, facts.enterpriseId, employee)));
}

function employeeLine(scheme: SchemeContext, enterpriseId: string, employee: Employee): SchemeLine {
  const p = scheme.policy.parameters.employeeUpgrade;
  const { labourerId, certificateId, certificateType, level, insuranceMonths, throughUpgradeTraining } = employee;
  const line = {
    payee: { kind: 'LABOURER', id: labourerId },
    labourerId,
    inputs: { enterpriseId, certificateId, certificateType, level, insuranceMonths, minInsuranceMonths: p.minInsuranceMonths, throughUpgradeTraining },
  } as const;
  if (insuranceMonths < p.minInsuranceMonths) {
    return scheme.refuse({ ...line, code: 'INSURANCE_TOO_SHORT', message: `${insuranceMonths} months of unemployment insurance < ${p.minInsuranceMonths} months required: not eligible` });
  }
  if (!throughUpgradeTraining) return scheme.refuse({ ...line, code: 'NOT_UPGRADE_TRAINING', message: 'R-CERT-3 pays certificates obtained through on-the-job upgrade training only' });
  const covered =
    certificateType === 'TRAINING_CERTIFICATE' ? p.trainingCertificateLevels.includes(level) : (p.certificateTypes as readonly string[]).includes(certificateType);
  if (!covered) {
    const accepted = [...p.certificateTypes, ...p.trainingCertificateLevels.map((l) => `TRAINING_CERTIFICATE at ${l}`)].join(', ');
    return scheme.refuse({ ...line, code: 'CERTIFICATE_NOT_COVERED', message: `a ${certificateType} at ${level} is not covered: R-CERT-3 accepts ${accepted}` });
  }
  const amountFen = p.amountByLevelFen[level];
  return scheme.amount({
    ...line,
    amountFen,
    arithmetic: `${insuranceMonths} months ≥ ${p.minInsuranceMonths}: ${level} 1 × ${formatYuan(amountFen)} = ${formatYuan(amountFen)} yuan`,
  });
}

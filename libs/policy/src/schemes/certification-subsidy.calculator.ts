import { z } from 'zod';
import { CERTIFICATE_LEVEL, CERTIFICATE_TYPE, LEVELLED_CERTIFICATE_TYPES } from '@skills/domain';
import { formatYuan } from '../money';
import type { PolicyDocument } from '../policy-document.schema';
import { openScheme, parseSchemeFacts, type SchemeContext } from './scheme-context';
import { idSchema, serviceDateSchema } from './scheme-facts';
import { payeeSchema, type Payee, type SchemeCalculation, type SchemeLine } from './scheme-line';

const RULE_ID = 'R-CERT-2';
const FIRST_ISSUE_TYPES: ReadonlySet<string> = new Set(['SPECIAL_OPERATION', 'SPECIAL_EQUIPMENT']);

const certificateSchema = z.strictObject({
  certificateId: idSchema,
  labourerId: idSchema,
  type: CERTIFICATE_TYPE,
  /** Only the two levelled types (R-CERT-1) carry a level. */
  level: CERTIFICATE_LEVEL.optional(),
  /** Special operation and special equipment certificates are paid on first issue (初次取证) only. */
  firstIssue: z.boolean().optional(),
  /** The labourer took the evaluation free of charge (免费参加), which is what the organiser is paid for. */
  evaluationFree: z.boolean(),
});

const factsSchema = z
  .strictObject({
    serviceDate: serviceDateSchema,
    /** The enterprise or institution that organised the evaluation. */
    organiser: payeeSchema.refine((payee) => payee.kind !== 'LABOURER' && payee.kind !== 'SUBDISTRICT', { message: 'the organiser is an enterprise or an institution', path: ['kind'] }),
    certificates: z.array(certificateSchema),
  })
  .superRefine((facts, ctx) => {
    const seen = new Set<string>();
    facts.certificates.forEach((certificate, index) => {
      const at = (field: string) => ['certificates', index, field];
      if (seen.has(certificate.certificateId)) ctx.addIssue({ code: 'custom', message: 'this certificate is listed twice', path: at('certificateId') });
      seen.add(certificate.certificateId);
      const levelled = LEVELLED_CERTIFICATE_TYPES.has(certificate.type);
      if (levelled && certificate.level === undefined) ctx.addIssue({ code: 'custom', message: 'give the level of a qualification or skill-level certificate', path: at('level') });
      if (!levelled && certificate.level !== undefined) ctx.addIssue({ code: 'custom', message: 'this certificate type has no level: leave it out', path: at('level') });
      if (FIRST_ISSUE_TYPES.has(certificate.type) && certificate.firstIssue === undefined) {
        ctx.addIssue({ code: 'custom', message: 'say whether this is the first issue of the special operation or equipment certificate', path: at('firstIssue') });
      }
    });
  });

export type CertificationSubsidyInput = z.input<typeof factsSchema> & { readonly policy: PolicyDocument };
type Certificate = z.infer<typeof certificateSchema>;

/**
 * R-CERT-2 certification subsidy (取证培训补贴), one line per certificate, paid to the organiser of a free evaluation:
 * special ability 150; qualification or skill level JUNIOR 300, SENIOR 600; special operation or equipment, first
 * issue, 300. A level the policy does not price (INTERMEDIATE, TECHNICIAN, SENIOR_TECHNICIAN in JCCQ-2020-12) is
 * a "no rule" line for a reviewer (R-CLAIM-4): no amount is invented.
 */
export function calculateCertificationSubsidy(input: CertificationSubsidyInput): SchemeCalculation {
  const { policy, ...raw } = input;
  const facts = parseSchemeFacts(RULE_ID, factsSchema, raw);
  const scheme = openScheme(RULE_ID, policy, facts.serviceDate);
  return scheme.finish(facts.certificates.map((certificate) => certificateLine(scheme, facts.organiser, certificate)));
}

function certificateLine(scheme: SchemeContext, organiser: Payee, certificate: Certificate): SchemeLine {
  const p = scheme.policy.parameters.certification;
  const { certificateId, labourerId, type, level, firstIssue, evaluationFree } = certificate;
  const inputs = { certificateId, type, ...(level === undefined ? {} : { level }), ...(firstIssue === undefined ? {} : { firstIssue }), evaluationFree };
  const line = { payee: organiser, labourerId, inputs };
  if (!evaluationFree) return scheme.refuse({ ...line, code: 'EVALUATION_NOT_FREE', message: 'the labourer paid for the evaluation: R-CERT-2 pays organisers of free evaluations only' });
  const paid = (amountFen: number, what: string) => scheme.amount({ ...line, amountFen, arithmetic: `1 × ${formatYuan(amountFen)} = ${formatYuan(amountFen)} yuan (${what})` });

  if (type === 'SPECIAL_ABILITY') return paid(p.specialAbilityFen, 'special ability');
  if (FIRST_ISSUE_TYPES.has(type)) {
    if (!firstIssue) return scheme.refuse({ ...line, code: 'NOT_FIRST_ISSUE', message: 'special operation and special equipment certificates are paid on first issue only' });
    return paid(p.specialOperationOrEquipmentFirstIssueFen, `${type.toLowerCase().replace('_', ' ')}, first issue`);
  }
  const amountFen = p.qualificationOrSkillLevelFen[level!];
  if (amountFen === undefined) {
    return scheme.noRule({ ...line, message: `${scheme.policyVersion} names no R-CERT-2 amount for a ${level} certificate: a reviewer decides by override (R-CLAIM-4)` });
  }
  return paid(amountFen, `${level} certificate`);
}

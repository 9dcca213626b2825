import { toUpgradeTrainingStreamId, upgradeTrainingDecider, type ClaimLine } from '@skills/domain';
import { calculateEmployeeUpgrade } from '@skills/policy';
import { loadStream } from '@skills/platform';
import type { ClaimSource } from './claim-source';
import { factLinesOf, factsToClaim, latestPolicyVersion, subjectNotFound } from './fact-lines';

/**
 * R-CERT-3 employee upgrade subsidy, claimed by the employer on its employee's behalf (subject PERSON) and paid to
 * the employee (payee LABOURER): one line a certificate the employer recorded as upgrade training, priced by the
 * policy in force on the certificate's issue day and keyed by the person and that day (R-CLAIM-2), so whichever
 * employer claims, a certificate is paid once. Fewer than 12 months of insurance: a refused line saying so.
 */
export const employeeUpgradeClaim: ClaimSource = {
  scheme: 'R-CERT-3',
  subjectKind: 'PERSON',
  async compute(system, directory, request) {
    const labourerId = request.subject.id;
    const { organisation } = request.submitter;
    const { state } = await loadStream(system.store, system.catalogue, upgradeTrainingDecider, toUpgradeTrainingStreamId(labourerId));
    const own = organisation.kind === 'ENTERPRISE' ? state.completions.filter((c) => c.enterpriseId === organisation.id) : [];
    if (own.length === 0) throw subjectNotFound(request, 'your enterprise recorded no upgrade training of this person: check the labourer id');
    const completions = own.map((c) => ({ ...c, period: { from: c.issuedOn, to: c.issuedOn }, name: c.certificateId }));
    const { facts, period } = await factsToClaim(system, request, completions, 'certificate obtained through upgrade training');
    const lines = facts.flatMap((fact) => {
      const calculation = calculateEmployeeUpgrade({
        policy: directory.policyOn(fact.issuedOn, 'period'),
        serviceDate: fact.issuedOn,
        enterpriseId: fact.enterpriseId,
        employees: [{ labourerId, certificateId: fact.certificateId, certificateType: fact.certificateType, level: fact.level, insuranceMonths: fact.insuranceMonths, throughUpgradeTraining: true }],
      });
      // The day the months were counted on, and where the figure was read, for the reviewer.
      const inputs = { insuranceMonthsOn: fact.issuedOn, insuranceEvidenceRef: fact.insuranceEvidenceRef };
      return factLinesOf(calculation, request, fact).map((line): ClaimLine => ({ ...line, explanation: { ...line.explanation, inputs: { ...line.explanation.inputs, ...inputs } } }));
    });
    return { period, gates: [], lines, policyVersion: latestPolicyVersion(lines) };
  },
};

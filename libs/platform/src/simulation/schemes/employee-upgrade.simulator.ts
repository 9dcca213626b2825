import { releaseOf } from '@skills/domain';
import { calculateEmployeeUpgrade } from '@skills/policy';
import { claimedFacts, factLinesOf, latestPolicyVersion } from './fact-claim-lines';
import { NotSimulated, type SchemeSimulator } from './scheme-simulator';

/**
 * R-CERT-3: employeeUpgradeClaim's calculation, one line a certificate the employer recorded as upgrade training that
 * the claim held, each under the version in force on its issue day, with the insurance months recorded with it.
 */
export const employeeUpgradeSimulator: SchemeSimulator = {
  scheme: 'R-CERT-3',
  simulate(claim, context) {
    const { subject, submittedBy } = claim.submitted;
    const employer = submittedBy.organisation.id.toLowerCase();
    const own = (context.history.schemeFacts.upgrades.get(subject.id.toLowerCase())?.completions ?? []).filter((c) => c.enterpriseId === employer);
    if (own.length === 0) throw new NotSimulated('SUBJECT_NOT_FOUND', `no upgrade training of person ${subject.id} by the claiming enterprise is in the history`);
    const completions = own.map((c) => ({ ...c, name: c.certificateId, period: { from: c.issuedOn, to: c.issuedOn } }));
    const priced = claimedFacts(claim, completions).map((fact) => ({
      ...fact,
      calculation: calculateEmployeeUpgrade({
        policy: context.policyOn(fact.issuedOn),
        serviceDate: fact.issuedOn,
        enterpriseId: fact.enterpriseId,
        employees: [{ labourerId: fact.labourerId, certificateId: fact.certificateId, certificateType: fact.certificateType, level: fact.level, insuranceMonths: fact.insuranceMonths, throughUpgradeTraining: true }],
      }),
    }));
    const { tier, gates } = releaseOf('R-CERT-3', []);
    return { tier, gates, lines: priced.flatMap((fact) => factLinesOf(fact.calculation, fact.labourerId)), policyVersion: latestPolicyVersion(priced) };
  },
};

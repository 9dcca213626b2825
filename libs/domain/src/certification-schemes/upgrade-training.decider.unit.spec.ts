import { given } from '../shared/testing/given-when-then';
import type { RecordUpgradeTrainingCompletion } from './upgrade-training.commands';
import { upgradeTrainingDecider } from './upgrade-training.decider';
import type { UpgradeTrainingEvent } from './upgrade-training.events';

const LABOURER = '0d9e8f20-1111-4a2b-8c3d-000000000001';
const OTHER_LABOURER = '0d9e8f20-1111-4a2b-8c3d-000000000002';
const ENTERPRISE = '0d9e8f20-2222-4a2b-8c3d-000000000001';
const OTHER_ENTERPRISE = '0d9e8f20-2222-4a2b-8c3d-000000000002';
const CERTIFICATE = '0d9e8f20-3333-4a2b-8c3d-000000000001';
const OTHER_CERTIFICATE = '0d9e8f20-3333-4a2b-8c3d-000000000002';
const context = { actor: 'employer-clerk', now: '2021-09-01T04:00:00.000Z' };

const command = (overrides: Partial<RecordUpgradeTrainingCompletion> = {}): RecordUpgradeTrainingCompletion => ({
  type: 'RecordUpgradeTrainingCompletion',
  labourerId: LABOURER,
  enterpriseId: ENTERPRISE,
  certificateId: CERTIFICATE,
  certificate: { labourerId: LABOURER, type: 'SKILL_LEVEL', level: 'INTERMEDIATE', occupation: '电工', issuedOn: '2021-08-15' },
  insuranceMonths: 12,
  insuranceEvidenceRef: 'doc:si-2021-08',
  context,
  ...overrides,
});
const completed = (overrides: Record<string, unknown> = {}): UpgradeTrainingEvent => ({
  type: 'UpgradeTrainingCompleted',
  data: { labourerId: LABOURER, enterpriseId: ENTERPRISE, certificateId: CERTIFICATE, certificateType: 'SKILL_LEVEL', level: 'INTERMEDIATE', issuedOn: '2021-08-15', insuranceMonths: 12, insuranceEvidenceRef: 'doc:si-2021-08', ...overrides } as never,
});

describe('R-CERT-3 upgrade-training completions', () => {
  it('R-CERT-3 records the certificate with its type, level and issue day copied from the records, and the stated insurance months', () => {
    given(upgradeTrainingDecider).when(command({ labourerId: LABOURER.toUpperCase() })).then([completed()]);
  });

  it('R-CERT-3 11 months are recorded as stated: the claim line, not the record, refuses them', () => {
    given(upgradeTrainingDecider).when(command({ insuranceMonths: 11 })).then([completed({ insuranceMonths: 11 })]);
  });

  it("R-CERT-3 a missing certificate and another person's are the same not-found", () => {
    given(upgradeTrainingDecider).when(command({ certificate: undefined })).thenThrows('UPGRADE_TRAINING.CERTIFICATE_NOT_FOUND');
    const { certificate } = command();
    given(upgradeTrainingDecider).when(command({ certificate: { ...certificate!, labourerId: OTHER_LABOURER } })).thenThrows('UPGRADE_TRAINING.CERTIFICATE_NOT_FOUND');
  });

  it('R-CERT-3 a certificate without a level (special ability) cannot be paid by level and is refused', () => {
    const error = given(upgradeTrainingDecider).when(command({ certificate: { labourerId: LABOURER, type: 'SPECIAL_ABILITY', occupation: '电工', issuedOn: '2021-08-15' } })).thenThrows('UPGRADE_TRAINING.CERTIFICATE_HAS_NO_LEVEL');
    expect(error.details).toMatchObject({ ruleId: 'R-CERT-3', certificateType: 'SPECIAL_ABILITY' });
  });

  it('R-CERT-3 insurance months must be whole and not negative; the evidence a document reference', () => {
    given(upgradeTrainingDecider).when(command({ insuranceMonths: 11.5 })).thenThrows('UPGRADE_TRAINING.INVALID_INSURANCE_MONTHS');
    given(upgradeTrainingDecider).when(command({ insuranceMonths: -1 })).thenThrows('UPGRADE_TRAINING.INVALID_INSURANCE_MONTHS');
    given(upgradeTrainingDecider).when(command({ insuranceEvidenceRef: 'the scan we emailed' })).thenThrows('UPGRADE_TRAINING.INVALID_EVIDENCE_REF');
  });

  it('R-CERT-3 R-CLAIM-2 the same certificate again is a retry, with other months a conflict, from another enterprise refused', () => {
    given(upgradeTrainingDecider, [completed()]).when(command()).thenNothingHappens();
    given(upgradeTrainingDecider, [completed()]).when(command({ insuranceMonths: 13 })).thenThrows('UPGRADE_TRAINING.RECORDED_DIFFERENTLY');
    const error = given(upgradeTrainingDecider, [completed()]).when(command({ enterpriseId: OTHER_ENTERPRISE })).thenThrows('UPGRADE_TRAINING.CERTIFICATE_ALREADY_RECORDED');
    expect(error.kind).toBe('conflict');
  });

  it('R-CERT-3 R-CLAIM-2 a second certificate of the person issued the same day is refused (its payment key would be the first one\'s); the next day is recorded', () => {
    const other = { certificateId: OTHER_CERTIFICATE, certificate: { labourerId: LABOURER, type: 'VOCATIONAL_QUALIFICATION' as const, level: 'JUNIOR' as const, occupation: '焊工', issuedOn: '2021-08-15' } };
    given(upgradeTrainingDecider, [completed()]).when(command(other)).thenThrows('UPGRADE_TRAINING.SAME_DAY_CERTIFICATE');
    given(upgradeTrainingDecider, [completed()])
      .when(command({ ...other, certificate: { ...other.certificate, issuedOn: '2021-08-16' } }))
      .then([completed({ certificateId: OTHER_CERTIFICATE, certificateType: 'VOCATIONAL_QUALIFICATION', level: 'JUNIOR', issuedOn: '2021-08-16' })]);
  });
});

import { recorded } from '@skills/platform/testing';
import { RegistryHistory } from './registry-history';

const A = '7A8B7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C60';
const PROVIDER = '9A8B7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C60';
const ENTERPRISE = 'E0000001-0000-4000-8000-000000000000';
const CERTIFICATE = 'C0000001-0000-4000-8000-000000000000';
const PERSON = 'D0000001-0000-4000-8000-000000000000';

const fold = (...events: ReturnType<typeof recorded>[]) => {
  const history = new RegistryHistory();
  for (const event of events) history.fold(event);
  return history;
};

describe('registry history (R-ORG-1, R-REG-5)', () => {
  it('R-ORG-1 keeps providers, evaluation bodies and subdistricts by lower-case id, with names and units', () => {
    const history = fold(
      recorded('2020-01-01', 'SubdistrictRegistered', { subdistrictId: A, code: 'NANCUN', name: '南村镇', nameEn: 'Nancun Town' }),
      recorded('2020-01-02', 'ProviderRegistered', { providerId: PROVIDER, name: '城区第一职业培训学校', kind: 'TRAINING_INSTITUTION', subdistrictId: A, qualification: { number: 'Q1', validFrom: '2020-01-01', expiresOn: '2022-12-31' } }),
      recorded('2020-01-03', 'EvaluationBodyRegistered', { evaluationBodyId: ENTERPRISE, name: '企业评价机构', kind: 'ENTERPRISE', subdistrictId: A }),
    );
    expect(history.subdistricts.get(A.toLowerCase())).toEqual({ code: 'NANCUN', name: '南村镇', nameEn: 'Nancun Town' });
    expect(history.providers.get(PROVIDER.toLowerCase())).toEqual({ name: '城区第一职业培训学校', subdistrictId: A.toLowerCase() });
    expect(history.providers.has(PROVIDER)).toBe(false);
    expect(history.evaluationBodies.get(ENTERPRISE.toLowerCase())).toEqual({ name: '企业评价机构', kind: 'ENTERPRISE', subdistrictId: A.toLowerCase(), registeredOn: '2020-01-03' });
    expect(history.subdistrictOfUnit({ kind: 'PROVIDER', id: PROVIDER }, '2021-01-01')).toBe(A.toLowerCase());
  });

  it('R-ENT-4 an enterprise\'s headcount on a day is the latest change effective by then, whatever order the changes were recorded in', () => {
    const change = (recordedOn: string, headcount: number, effectiveOn: string) => recorded(recordedOn, 'EnterpriseProfileChanged', { enterpriseId: ENTERPRISE, name: '企业', subdistrictId: A, headcount, insured: true, effectiveOn });
    const history = fold(
      recorded('2020-01-02', 'EnterpriseRegistered', { enterpriseId: ENTERPRISE, name: '企业', subdistrictId: A, headcount: 450, insured: false }),
      change('2021-03-01', 520, '2021-05-01'),
      change('2021-03-02', 480, '2021-02-01'),
    );
    expect(history.enterpriseOn(ENTERPRISE, '2021-01-31')?.headcount).toBe(450);
    expect(history.enterpriseOn(ENTERPRISE, '2021-02-01')?.headcount).toBe(480);
    expect(history.enterpriseOn(ENTERPRISE, '2021-06-30')?.headcount).toBe(520);
    expect(history.enterpriseOn('E0000009-0000-4000-8000-000000000000', '2021-06-30')).toBeUndefined();
  });

  it('R-TGT-1 an enterprise or an evaluation body is in the registry from the day its registration was recorded, not before (THE RULE, report-context.ts)', () => {
    const history = fold(
      recorded('2021-03-01', 'EnterpriseRegistered', { enterpriseId: ENTERPRISE, name: '企业', subdistrictId: A, headcount: 700, insured: true }),
      // A change dated before the registration changes nothing before it.
      recorded('2021-03-05', 'EnterpriseProfileChanged', { enterpriseId: ENTERPRISE, name: '企业', subdistrictId: A, headcount: 800, insured: true, effectiveOn: '2021-01-01' }),
      recorded('2021-03-02', 'EvaluationBodyRegistered', { evaluationBodyId: PROVIDER, name: '企业评价机构', kind: 'ENTERPRISE', subdistrictId: A }),
      recorded('2021-04-02', 'EvaluationBodyRegistered', { evaluationBodyId: PROVIDER, name: '改名', kind: 'ENTERPRISE', subdistrictId: A }),
    );
    expect(history.enterpriseOn(ENTERPRISE, '2020-12-31')).toBeUndefined();
    expect(history.enterpriseOn(ENTERPRISE, '2021-02-28')).toBeUndefined();
    expect(history.enterpriseOn(ENTERPRISE, '2021-03-01')).toMatchObject({ headcount: 800, recordedOn: '2021-03-05' });
    expect(history.enterprises.get(ENTERPRISE.toLowerCase())![0]).toMatchObject({ headcount: 700, effectiveOn: null, recordedOn: '2021-03-01' });
    expect(history.subdistrictOfUnit({ kind: 'ENTERPRISE', id: ENTERPRISE }, '2021-02-28')).toBeUndefined();
    expect(history.evaluationBodyOn(PROVIDER, '2021-03-01')).toBeUndefined();
    // A redelivered registration keeps the first.
    expect(history.evaluationBodyOn(PROVIDER, '2021-03-02')).toMatchObject({ name: '企业评价机构', registeredOn: '2021-03-02' });
  });

  it('R-CERT-1 keeps each certificate\'s level once, the first recorded standing', () => {
    const cert = (level: string) => recorded('2021-03-02', 'CertificateRecorded', { certificateId: CERTIFICATE, labourerId: PERSON, numberKey: 'a'.repeat(64), type: 'SKILL_LEVEL', level, occupation: '焊工', issuer: '鉴定所', issuedOn: '2021-03-01' });
    const history = fold(cert('SENIOR'), cert('JUNIOR'));
    expect([...history.certificates.entries()]).toEqual([[CERTIFICATE.toLowerCase(), { labourerId: PERSON.toLowerCase(), type: 'SKILL_LEVEL', level: 'SENIOR', issuedOn: '2021-03-01' }]]);
  });
});

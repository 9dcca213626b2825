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
    expect(history.evaluationBodies.get(ENTERPRISE.toLowerCase())).toEqual({ name: '企业评价机构', kind: 'ENTERPRISE', subdistrictId: A.toLowerCase() });
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

  it('R-CERT-1 keeps each certificate\'s level once, the first recorded standing', () => {
    const cert = (level: string) => recorded('2021-03-02', 'CertificateRecorded', { certificateId: CERTIFICATE, labourerId: PERSON, numberKey: 'a'.repeat(64), type: 'SKILL_LEVEL', level, occupation: '焊工', issuer: '鉴定所', issuedOn: '2021-03-01' });
    const history = fold(cert('SENIOR'), cert('JUNIOR'));
    expect([...history.certificates.entries()]).toEqual([[CERTIFICATE.toLowerCase(), { labourerId: PERSON.toLowerCase(), type: 'SKILL_LEVEL', level: 'SENIOR', issuedOn: '2021-03-01' }]]);
  });
});

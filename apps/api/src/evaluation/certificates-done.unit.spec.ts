import { countCertificatesDone, type RecordedFact } from './certificates-done';

const NANCUN = '00000000-0000-4000-8000-000000000001';
const DONGJIE = '00000000-0000-4000-8000-000000000002';
const A = '10000000-0000-4000-8000-00000000000a';
const B = '10000000-0000-4000-8000-00000000000b';
const period = { from: '2020-08', to: '2021-12' } as const;

const card = (labourerId: string, subdistrictId: string, recordedOn = '2020-08-01'): RecordedFact => ({ type: 'LabourerRegistered', data: { labourerId, subdistrictId }, recordedOn });
const certificate = (certificateId: string, labourerId: string, issuedOn: string, recordedOn: string): RecordedFact => ({ type: 'CertificateRecorded', data: { certificateId, labourerId, issuedOn }, recordedOn });

// A in Nancun holds c1 (issued 2021-03, recorded on time), c2 (issued 2021-05-20, recorded late: 2021-07-10),
// c3 (issued 2020-07-31, the day before the period) and c1 again (a repeated event). B in Dongjie holds c4.
const history: RecordedFact[] = [
  card(A, NANCUN),
  card(B, DONGJIE),
  certificate('c1', A, '2021-03-02', '2021-03-05'),
  certificate('c2', A, '2021-05-20', '2021-07-10'),
  certificate('c3', A, '2020-07-31', '2020-09-01'),
  certificate('c1', A, '2021-03-02', '2021-03-05'),
  certificate('c4', B, '2021-06-30', '2021-06-30'),
];

describe('certificates done as known on a day (R-MON-1, R-EVAL-1)', () => {
  it('R-MON-1 a certificate recorded late is left out as of the earlier day: as of 2021-06-30 Nancun has c1 only, Dongjie c4', () => {
    const done = countCertificatesDone(history, { period, asOf: '2021-06-30' });
    expect(Object.fromEntries(done.bySubdistrict)).toEqual({ [NANCUN]: 1, [DONGJIE]: 1 });
    expect(done.district).toBe(2);
  });

  it('R-MON-1 the same certificate counts once it is recorded: as of 2021-07-10 Nancun has c1 and c2', () => {
    const done = countCertificatesDone(history, { period, asOf: '2021-07-10' });
    expect(Object.fromEntries(done.bySubdistrict)).toEqual({ [NANCUN]: 2, [DONGJIE]: 1 });
    expect(done.district).toBe(3);
  });

  it('R-EVAL-1 a certificate issued before the period (2020-07-31) is not done towards the task; a repeated certificate id counts once', () => {
    const done = countCertificatesDone(history, { period, asOf: '2021-12-31' });
    expect(done.bySubdistrict.get(NANCUN)).toBe(2);
    expect(done.district).toBe(3);
  });

  it('R-EVAL-1 a certificate issued after the period (2022-01-03) is not done towards it', () => {
    const done = countCertificatesDone([card(A, NANCUN), certificate('c9', A, '2022-01-03', '2022-01-04')], { period, asOf: '2022-02-01' });
    expect(done.district).toBe(0);
    expect(done.bySubdistrict.size).toBe(0);
  });

  it("R-EVAL-1 a certificate counts for the unit of its holder's card, whichever order the facts come in", () => {
    const done = countCertificatesDone([certificate('c5', B, '2021-01-04', '2021-01-05'), card(B, DONGJIE)], { period, asOf: '2021-01-31' });
    expect(Object.fromEntries(done.bySubdistrict)).toEqual({ [DONGJIE]: 1 });
  });
});

import { EventCatalogue, InvalidEventPayloadError } from '../shared/event-catalogue';
import { storedTypeName, type DomainEvent } from '../shared/event-definition';
import { outcomeEvents } from './outcomes.catalogue';
import { toAssessmentStreamId, toAttendanceStreamId, toCertificateNumberStreamId, toCertificateStreamId, toEmploymentStreamId } from './outcomes-stream-ids';
import { CERTIFICATE_ID, COHORT_ID, EMPLOYMENT_ID, LABOURER_ID, NUMBER_KEY, OTHER_COHORT_ID } from './testing/outcomes-fixtures';

const catalogue = new EventCatalogue().register(...outcomeEvents);
const certificate = {
  certificateId: CERTIFICATE_ID,
  labourerId: LABOURER_ID,
  numberKey: NUMBER_KEY,
  type: 'SPECIAL_OPERATION',
  occupation: '电工',
  issuer: '晋城市应急管理局',
  issuedOn: '2021-03-10',
};
const samples: DomainEvent[] = [
  { type: 'AttendanceRecorded', data: { cohortId: COHORT_ID, labourerId: LABOURER_ID, day: '2021-03-01' } },
  { type: 'AttendanceClashFlagged', data: { labourerId: LABOURER_ID, day: '2021-03-01', cohortIds: [OTHER_COHORT_ID, COHORT_ID] } },
  { type: 'CertificateRecorded', data: certificate },
  { type: 'CertificateNumberClaimed', data: { certificateId: CERTIFICATE_ID, labourerId: LABOURER_ID, recordedBy: { kind: 'BUREAU' } } },
  { type: 'EmploymentRecorded', data: { employmentId: EMPLOYMENT_ID, labourerId: LABOURER_ID, startsOn: '2021-03-01', evidenceRef: 'doc:1' } },
  {
    type: 'EmploymentRecorded',
    data: { employmentId: EMPLOYMENT_ID, labourerId: LABOURER_ID, employer: { kind: 'ORGANISATION', creditCode: '91350100M000100Y43' }, startsOn: '2021-03-01', evidenceRef: 'doc:1' },
  },
  { type: 'EmploymentRejected', data: { employmentId: EMPLOYMENT_ID, rejectedOn: '2021-04-01', rejectedBy: 'reviewer-1', reason: 'EVIDENCE_MISMATCH' } },
];

describe('outcome events in the catalogue', () => {
  it('knows every outcome event at its current version (v2: the certificate-number claim keeps its recorder, R-CERT-1; an organisation employer is a credit code, R-GATE-3)', () => {
    expect(outcomeEvents.map(storedTypeName)).toEqual([
      'AttendanceRecorded.v1',
      'AttendanceClashFlagged.v1',
      'FinalAssessmentRecorded.v1',
      'FinalAssessmentCorrected.v1',
      'TrainingCertificateIssued.v1',
      'TrainingCertificateRevoked.v1',
      'CertificateRecorded.v1',
      'CertificateNumberClaimed.v2',
      'EmploymentRecorded.v2',
      'EmploymentVerified.v1',
      'EmploymentEnded.v1',
      'EmploymentRejected.v1',
    ]);
  });

  it.each(samples.map((event) => [event.type, event] as const))('round-trips %s through storage unchanged', (_type, event) => {
    expect(catalogue.deserialise(JSON.parse(JSON.stringify(catalogue.serialise(event))))).toEqual(event);
  });

  it('R-CERT-1 refuses a certificate number, an ID number or a name in CertificateRecorded, and a level where none applies', () => {
    for (const extra of [{ number: '14052119900520123X' }, { idNumber: '14052119900520123X' }, { name: '张三' }, { level: 'JUNIOR' }]) {
      expect(() => catalogue.serialise({ type: 'CertificateRecorded', data: { ...certificate, ...extra } })).toThrow(InvalidEventPayloadError);
    }
    expect(() => catalogue.serialise({ type: 'CertificateRecorded', data: { ...certificate, type: 'SKILL_LEVEL' } })).toThrow(InvalidEventPayloadError);
  });

  it('refuses a clash naming one cohort only, and an employment ending before it starts', () => {
    expect(() => catalogue.serialise({ type: 'AttendanceClashFlagged', data: { labourerId: LABOURER_ID, day: '2021-03-01', cohortIds: [COHORT_ID] } })).toThrow(InvalidEventPayloadError);
    const employment = { employmentId: EMPLOYMENT_ID, labourerId: LABOURER_ID, startsOn: '2021-03-01', endsOn: '2021-02-01', evidenceRef: 'doc:1' };
    expect(() => catalogue.serialise({ type: 'EmploymentRecorded', data: employment })).toThrow(InvalidEventPayloadError);
  });
});

describe('R-GATE-3 employment rejection in the catalogue', () => {
  it('R-GATE-3 carries a reason code from the list, never free text that could hold personal data', () => {
    const rejected = { employmentId: EMPLOYMENT_ID, rejectedOn: '2021-04-01', rejectedBy: 'reviewer-1', reason: 'EVIDENCE_MISMATCH' };
    expect(() => catalogue.serialise({ type: 'EmploymentRejected', data: { ...rejected, note: '合同上是张三的名字' } })).toThrow(InvalidEventPayloadError);
    expect(() => catalogue.serialise({ type: 'EmploymentRejected', data: { ...rejected, reason: 'the contract looks forged' } })).toThrow(InvalidEventPayloadError);
  });
});

describe('outcome stream ids', () => {
  it('makes one stream per cohort-trainee record, certificate, certificate number and employment', () => {
    expect(toAttendanceStreamId(COHORT_ID, LABOURER_ID.toUpperCase())).toBe(`attendance-${COHORT_ID}-${LABOURER_ID}`);
    expect(toAssessmentStreamId(COHORT_ID, LABOURER_ID)).toBe(`assessment-${COHORT_ID}-${LABOURER_ID}`);
    expect(toCertificateStreamId(CERTIFICATE_ID)).toBe(`certificate-${CERTIFICATE_ID}`);
    expect(toCertificateNumberStreamId(NUMBER_KEY)).toBe(`certificate-number-${NUMBER_KEY}`);
    expect(toEmploymentStreamId(EMPLOYMENT_ID)).toBe(`employment-${EMPLOYMENT_ID}`);
  });

  it('R-CERT-1 refuses a raw certificate number or anything but UUIDs, so no personal data becomes a stream id', () => {
    expect(() => toCertificateNumberStreamId('14052119900520123X')).toThrow(RangeError);
    expect(() => toCertificateNumberStreamId(NUMBER_KEY.toUpperCase())).toThrow(RangeError);
    expect(() => toAttendanceStreamId(COHORT_ID, '14052119900520123X')).toThrow(RangeError);
    expect(() => toEmploymentStreamId('')).toThrow(RangeError);
  });
});

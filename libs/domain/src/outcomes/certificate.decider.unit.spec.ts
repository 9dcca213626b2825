import { given } from '../shared/testing/given-when-then';
import type { RecordCertificate } from './certificate.commands';
import { certificateDecider } from './certificate.decider';
import type { CertificateRecorded } from './certificate.events';
import { certificateNumberDecider } from './certificate-number.decider';
import { certificateNumberKeyMaterial } from './certificate-number-key';
import { decideCertificateRecording } from './certificate-recording';
import { CERTIFICATE_ID, CONTEXT, LABOURER_ID, NUMBER_KEY, OTHER_CERTIFICATE_ID, OTHER_LABOURER_ID } from './testing/outcomes-fixtures';

const recordCommand = (overrides: Partial<RecordCertificate> = {}): RecordCertificate => ({
  type: 'RecordCertificate',
  certificateId: CERTIFICATE_ID,
  labourerId: LABOURER_ID,
  numberKey: NUMBER_KEY,
  certificateType: 'SKILL_LEVEL',
  level: 'JUNIOR',
  occupation: '电工',
  issuer: '晋城市职业技能鉴定中心',
  issuedOn: '2021-03-10',
  context: CONTEXT,
  ...overrides,
});
const recorded: CertificateRecorded = {
  type: 'CertificateRecorded',
  data: { certificateId: CERTIFICATE_ID, labourerId: LABOURER_ID, numberKey: NUMBER_KEY, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '电工', issuer: '晋城市职业技能鉴定中心', issuedOn: '2021-03-10' },
};
const claimed = (labourerId = LABOURER_ID, certificateId = CERTIFICATE_ID) => ({ type: 'CertificateNumberClaimed' as const, data: { certificateId, labourerId } });
const fresh = { certificate: certificateDecider.initialState(), number: certificateNumberDecider.initialState() };

describe('R-CERT-1 certificates', () => {
  it('R-CERT-1 records a certificate and claims its number at its issuer, in one decision', () => {
    expect(decideCertificateRecording(recordCommand(), fresh)).toEqual({
      certificateId: CERTIFICATE_ID,
      outcome: 'RECORDED',
      certificateEvents: [recorded],
      numberEvents: [claimed()],
    });
  });

  it('R-CERT-1 the same number from the same issuer for the same person is a duplicate, answered with the existing certificate', () => {
    const number = given(certificateNumberDecider, [claimed()]).state;
    const again = decideCertificateRecording(recordCommand({ certificateId: OTHER_CERTIFICATE_ID }), { ...fresh, number });
    expect(again).toEqual({ certificateId: CERTIFICATE_ID, outcome: 'DUPLICATE', certificateEvents: [], numberEvents: [] });
  });

  it('R-CERT-1 the same number from the same issuer for another person is refused, naming the certificate and not its holder', () => {
    const error = given(certificateNumberDecider, [claimed()])
      .when({ type: 'ClaimCertificateNumber', certificateId: OTHER_CERTIFICATE_ID, labourerId: OTHER_LABOURER_ID, context: CONTEXT })
      .thenThrows('CERTIFICATE.NUMBER_TAKEN');
    expect(error.kind).toBe('conflict');
    expect(error.details).toEqual({ ruleId: 'R-CERT-1', existingCertificateId: CERTIFICATE_ID });
    expect(JSON.stringify(error)).not.toContain(LABOURER_ID);
  });

  it('R-CERT-1 a number is unique per issuing body: the key of one number differs by issuer and ignores spacing and width', () => {
    expect(certificateNumberKeyMaterial('晋城市职业技能鉴定中心', 'S 1405-0001')).toBe(certificateNumberKeyMaterial(' 晋城市职业技能鉴定中心 ', 's14０5-0001'));
    expect(certificateNumberKeyMaterial('晋城市应急管理局', 'S1405-0001')).not.toBe(certificateNumberKeyMaterial('晋城市职业技能鉴定中心', 'S1405-0001'));
    expect(() => certificateNumberKeyMaterial('x', '  ')).toThrow(RangeError);
  });

  it('R-CERT-1 needs a level for qualification and skill-level certificates, and none for the other three', () => {
    given(certificateDecider).when(recordCommand({ level: undefined })).thenThrows('CERTIFICATE.LEVEL_REQUIRED');
    given(certificateDecider).when(recordCommand({ certificateType: 'VOCATIONAL_QUALIFICATION', level: 'EXPERT' as never })).thenThrows('CERTIFICATE.LEVEL_REQUIRED');
    given(certificateDecider).when(recordCommand({ certificateType: 'SPECIAL_OPERATION' })).thenThrows('CERTIFICATE.LEVEL_NOT_APPLICABLE');
    const [event] = given(certificateDecider).when(recordCommand({ certificateType: 'SPECIAL_EQUIPMENT', level: undefined })).then([
      { type: 'CertificateRecorded', data: { ...recorded.data, type: 'SPECIAL_EQUIPMENT', level: undefined } as never },
    ]);
    expect(Object.keys(event!.data)).not.toContain('level');
  });

  it('R-CERT-1 refuses an unknown type, a missing occupation or issuer, and an issue date after today', () => {
    given(certificateDecider).when(recordCommand({ certificateType: 'DRIVING_LICENCE' as never })).thenThrows('CERTIFICATE.INVALID_TYPE');
    given(certificateDecider).when(recordCommand({ occupation: '  ' })).thenThrows('CERTIFICATE.OCCUPATION_REQUIRED');
    given(certificateDecider).when(recordCommand({ issuer: '' })).thenThrows('CERTIFICATE.ISSUER_REQUIRED');
    given(certificateDecider).when(recordCommand({ issuedOn: '2021-03-16' })).thenThrows('CERTIFICATE.DATE_IN_FUTURE');
    given(certificateDecider).when(recordCommand({ numberKey: '14052119900520123X' })).thenThrows('CERTIFICATE.INVALID_NUMBER_KEY');
  });

  it('treats the same certificate under the same id as a retry, and a different one under that id as a conflict', () => {
    given(certificateDecider, [recorded]).when(recordCommand()).thenNothingHappens();
    given(certificateDecider, [recorded]).when(recordCommand({ level: 'SENIOR' })).thenThrows('CERTIFICATE.ID_REUSED');
  });
});

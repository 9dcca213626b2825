import { DomainError } from '../shared/domain-error';
import { given } from '../shared/testing/given-when-then';
import type { RecordCertificate } from './certificate.commands';
import { certificateDecider } from './certificate.decider';
import type { CertificateNumberClaimed, CertificateRecorded, ClaimRecorder } from './certificate.events';
import { certificateNumberDecider } from './certificate-number.decider';
import { certificateNumberKeyMaterial } from './certificate-number-key';
import { decideCertificateRecording } from './certificate-recording';
import { CERTIFICATE_ID, CONTEXT, LABOURER_ID, NUMBER_KEY, OTHER_CERTIFICATE_ID, OTHER_LABOURER_ID } from './testing/outcomes-fixtures';

const PROVIDER_A = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60';
const PROVIDER_B = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
const byProviderA = { kind: 'PROVIDER', providerId: PROVIDER_A } as const;
const byProviderB = { kind: 'PROVIDER', providerId: PROVIDER_B } as const;
const byBureau = { kind: 'BUREAU' } as const;

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
  recordedBy: byProviderA,
  context: CONTEXT,
  ...overrides,
});
const recorded: CertificateRecorded = {
  type: 'CertificateRecorded',
  data: { certificateId: CERTIFICATE_ID, labourerId: LABOURER_ID, numberKey: NUMBER_KEY, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '电工', issuer: '晋城市职业技能鉴定中心', issuedOn: '2021-03-10' },
};
const claimed = (recordedBy: ClaimRecorder = byProviderA): CertificateNumberClaimed => ({ type: 'CertificateNumberClaimed', data: { certificateId: CERTIFICATE_ID, labourerId: LABOURER_ID, recordedBy } });
const fresh = { certificate: certificateDecider.initialState(), number: certificateNumberDecider.initialState() };
/** The number claimed by `recordedBy` for the certificate above; the caller's new certificate id is another one. */
const takenBy = (recordedBy: ClaimRecorder = byProviderA) => ({
  certificate: certificateDecider.initialState(),
  number: given(certificateNumberDecider, [claimed(recordedBy)]).state,
  claimedCertificate: given(certificateDecider, [recorded]).state,
});
const thrownBy = (work: () => unknown): DomainError => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('R-CERT-1 certificates', () => {
  it('R-CERT-1 records a certificate and claims its number at its issuer for its recorder, in one decision', () => {
    expect(decideCertificateRecording(recordCommand(), fresh)).toEqual({
      certificateId: CERTIFICATE_ID,
      outcome: 'RECORDED',
      certificateEvents: [recorded],
      numberEvents: [claimed()],
    });
  });

  it('R-CERT-1 the recorder sending the same certificate again is a duplicate, answered with the existing certificate', () => {
    const again = decideCertificateRecording(recordCommand({ certificateId: OTHER_CERTIFICATE_ID, occupation: ' 电工 ' }), takenBy());
    expect(again).toEqual({ certificateId: CERTIFICATE_ID, outcome: 'DUPLICATE', certificateEvents: [], numberEvents: [] });
    // The recorder's retry under the same Idempotency-Key is the same certificate id, and a duplicate.
    const retry = decideCertificateRecording(recordCommand(), { ...takenBy(), certificate: given(certificateDecider, [recorded]).state });
    expect(retry).toEqual({ certificateId: CERTIFICATE_ID, outcome: 'DUPLICATE', certificateEvents: [], numberEvents: [] });
    expect(decideCertificateRecording(recordCommand({ certificateId: OTHER_CERTIFICATE_ID, recordedBy: byBureau }), takenBy()).certificateId).toBe(CERTIFICATE_ID);
  });

  it('R-CERT-1 the same number with another person, type, level, occupation or issue date is a conflict naming the fields, and nothing is appended', () => {
    const error = thrownBy(() =>
      decideCertificateRecording(
        recordCommand({ certificateId: OTHER_CERTIFICATE_ID, labourerId: OTHER_LABOURER_ID, certificateType: 'VOCATIONAL_QUALIFICATION', level: 'SENIOR', occupation: '焊工', issuedOn: '2021-03-11' }),
        takenBy(),
      ),
    );
    expect(error.code).toBe('CERTIFICATE.NUMBER_RECORDED_DIFFERENTLY');
    expect(error.kind).toBe('conflict');
    expect(error.details).toEqual({ ruleId: 'R-CERT-1', existingCertificateId: CERTIFICATE_ID, differingFields: ['labourerId', 'type', 'level', 'occupation', 'issuedOn'] });
    expect(error.issues.map((i) => i.field)).toEqual(['labourerId', 'type', 'level', 'occupation', 'issuedOn']);
    // Field names only: none of the values sent or recorded comes back.
    for (const value of [OTHER_LABOURER_ID, LABOURER_ID, '焊工', '2021-03-11', '2021-03-10', 'SENIOR']) expect(JSON.stringify({ ...error, message: error.message })).not.toContain(value);
    const oneField = thrownBy(() => decideCertificateRecording(recordCommand({ certificateId: OTHER_CERTIFICATE_ID, issuedOn: '2021-03-09' }), takenBy()));
    expect(oneField.details['differingFields']).toEqual(['issuedOn']);
    // The recorder's own retry under the same key with another body is refused the same way, not taken as a retry.
    const sameKey = { ...takenBy(), certificate: given(certificateDecider, [recorded]).state };
    expect(thrownBy(() => decideCertificateRecording(recordCommand({ level: 'SENIOR' }), sameKey)).details['differingFields']).toEqual(['level']);
  });

  it('R-CERT-1 anyone but the recorder is refused with NUMBER_TAKEN, without the certificate id or its holder, whatever the form says', () => {
    for (const command of [recordCommand({ certificateId: OTHER_CERTIFICATE_ID, recordedBy: byProviderB }), recordCommand({ certificateId: OTHER_CERTIFICATE_ID, labourerId: OTHER_LABOURER_ID, recordedBy: byProviderB })]) {
      const error = thrownBy(() => decideCertificateRecording(command, takenBy()));
      expect(error.code).toBe('CERTIFICATE.NUMBER_TAKEN');
      expect(error.kind).toBe('conflict');
      expect(error.details).toEqual({ ruleId: 'R-CERT-1' });
      expect(error.issues).toEqual([{ field: 'number', message: expect.stringContaining('check the number with the issuer') }]);
      expect(JSON.stringify({ ...error, message: error.message })).not.toMatch(new RegExp(`${CERTIFICATE_ID}|${LABOURER_ID}|${PROVIDER_A}`));
    }
    // A claim stored before the recorder was kept (v1) tells no provider its id; the bureau still sees it.
    expect(thrownBy(() => decideCertificateRecording(recordCommand({ certificateId: OTHER_CERTIFICATE_ID }), takenBy({ kind: 'UNIDENTIFIED' }))).code).toBe('CERTIFICATE.NUMBER_TAKEN');
    expect(decideCertificateRecording(recordCommand({ certificateId: OTHER_CERTIFICATE_ID, recordedBy: byBureau }), takenBy({ kind: 'UNIDENTIFIED' })).outcome).toBe('DUPLICATE');
    // The provider is compared, not the account: a bureau claim tells a provider nothing.
    given(certificateNumberDecider, [claimed(byBureau)])
      .when({ type: 'ClaimCertificateNumber', certificateId: OTHER_CERTIFICATE_ID, labourerId: LABOURER_ID, recordedBy: byProviderA, context: CONTEXT })
      .thenThrows('CERTIFICATE.NUMBER_TAKEN');
  });

  it('R-CERT-1 the recorder is compared, not the certificate id: another unit sending the claimed certificate\'s id is refused with NUMBER_TAKEN and no id', () => {
    const sameId = { ...takenBy(), certificate: given(certificateDecider, [recorded]).state };
    for (const command of [recordCommand({ recordedBy: byProviderB }), recordCommand({ recordedBy: byProviderB, level: 'SENIOR' })]) {
      const error = thrownBy(() => decideCertificateRecording(command, sameId));
      expect(error.code).toBe('CERTIFICATE.NUMBER_TAKEN');
      expect(error.details).toEqual({ ruleId: 'R-CERT-1' });
      expect(JSON.stringify({ ...error, message: error.message })).not.toContain(CERTIFICATE_ID);
    }
    // Nor does the id let anyone past a claim whose recorder is not known (v1).
    expect(thrownBy(() => decideCertificateRecording(recordCommand(), { ...takenBy({ kind: 'UNIDENTIFIED' }), certificate: sameId.certificate })).code).toBe('CERTIFICATE.NUMBER_TAKEN');
    given(certificateNumberDecider, [claimed(byProviderA)])
      .when({ type: 'ClaimCertificateNumber', certificateId: CERTIFICATE_ID, labourerId: LABOURER_ID, recordedBy: byProviderB, context: CONTEXT })
      .thenThrows('CERTIFICATE.NUMBER_TAKEN');
  });

  it('R-CERT-1 answers bad input before looking at the number', () => {
    expect(thrownBy(() => decideCertificateRecording(recordCommand({ certificateId: OTHER_CERTIFICATE_ID, occupation: '', recordedBy: byProviderB }), takenBy())).code).toBe('CERTIFICATE.OCCUPATION_REQUIRED');
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

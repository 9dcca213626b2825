import { createEventCatalogue } from '../catalogue';
import { CERTIFICATE_ID, LABOURER_ID } from './testing/outcomes-fixtures';

const catalogue = createEventCatalogue();
const PROVIDER_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60';

describe('CertificateNumberClaimed v1, read as v2', () => {
  it('R-CERT-1 reads a v1 claim with its recorder not identified, so no provider is told its certificate', () => {
    expect(catalogue.deserialise({ type: 'CertificateNumberClaimed', schemaVersion: 1, data: { certificateId: CERTIFICATE_ID, labourerId: LABOURER_ID } })).toEqual({
      type: 'CertificateNumberClaimed',
      data: { certificateId: CERTIFICATE_ID, labourerId: LABOURER_ID, recordedBy: { kind: 'UNIDENTIFIED' } },
    });
  });

  it('R-CERT-1 writes version 2 with the recording provider or the bureau, and round-trips it', () => {
    for (const recordedBy of [{ kind: 'PROVIDER', providerId: PROVIDER_ID }, { kind: 'BUREAU' }]) {
      const event = { type: 'CertificateNumberClaimed', data: { certificateId: CERTIFICATE_ID, labourerId: LABOURER_ID, recordedBy } };
      const stored = catalogue.serialise(event);
      expect(stored.schemaVersion).toBe(2);
      expect(catalogue.deserialise(JSON.parse(JSON.stringify(stored)))).toEqual(event);
    }
    expect(() => catalogue.serialise({ type: 'CertificateNumberClaimed', data: { certificateId: CERTIFICATE_ID, labourerId: LABOURER_ID } })).toThrow();
  });
});

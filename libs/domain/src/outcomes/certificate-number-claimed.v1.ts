import { z } from 'zod';
import { defineEvent, type Upcaster } from '../shared/event-definition';
import type { CertificateNumberClaimed } from './certificate.events';

/** CertificateNumberClaimed as first stored, without its recorder. Read only, never written. */
export const CertificateNumberClaimedV1 = defineEvent('CertificateNumberClaimed', 1, z.strictObject({ certificateId: z.uuid(), labourerId: z.uuid() }));

/** v1 → v2: who recorded a v1 claim is not known, so only the bureau learns its id. */
export const certificateNumberClaimedV1ToV2: Upcaster = {
  type: 'CertificateNumberClaimed',
  fromVersion: 1,
  upcast(data: unknown): CertificateNumberClaimed['data'] {
    const v1 = data as z.infer<typeof CertificateNumberClaimedV1.schema>;
    return { certificateId: v1.certificateId, labourerId: v1.labourerId, recordedBy: { kind: 'UNIDENTIFIED' } };
  },
};

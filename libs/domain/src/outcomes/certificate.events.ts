import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { CERTIFICATE_LEVEL, CERTIFICATE_TYPE, LEVELLED_CERTIFICATE_TYPES, occupationSchema } from './outcomes-vocabulary';

/** Keyed HMAC-SHA256 (hex) of certificateNumberKeyMaterial(issuer, number): the number itself is never stored here. */
export const certificateNumberKeySchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected the hex HMAC-SHA256 key of a certificate number');

/** An issuing body (发证机关/评价机构) as printed on the certificate, or its registered code: an organisation, not a person. */
export const issuerSchema = z.string().trim().min(1).max(100);

/**
 * R-CERT-1: a certificate a labourer holds. The certificate number is kept out of the event (a 特种作业操作证 is
 * numbered with its holder's resident ID number); `numberKey` finds duplicates and lets a clerk look a number up.
 */
export const CertificateRecorded = defineEvent(
  'CertificateRecorded',
  1,
  z
    .strictObject({
      certificateId: z.uuid(),
      labourerId: z.uuid(),
      numberKey: certificateNumberKeySchema,
      type: CERTIFICATE_TYPE,
      level: CERTIFICATE_LEVEL.optional(),
      occupation: occupationSchema,
      issuer: issuerSchema,
      issuedOn: calendarDateSchema,
    })
    .refine((c) => LEVELLED_CERTIFICATE_TYPES.has(c.type) === (c.level !== undefined), {
      message: 'a level goes with VOCATIONAL_QUALIFICATION and SKILL_LEVEL certificates only, and they need one',
      path: ['level'],
    }),
);

const providerRecorder = z.strictObject({ kind: z.literal('PROVIDER'), providerId: z.uuid() });
const bureauRecorder = z.strictObject({ kind: z.literal('BUREAU') });

/**
 * R-CERT-1: who records a certificate, an organisation and never a person: a provider, or the bureau (its
 * administrators, reviewers and evaluators). Only the recorder is told which certificate a number is.
 */
export const certificateRecorderSchema = z.discriminatedUnion('kind', [providerRecorder, bureauRecorder]);
export type CertificateRecorder = z.infer<typeof certificateRecorderSchema>;

/** As stored: a v1 claim did not keep its recorder (certificate-number-claimed.v1.ts). */
export const claimRecorderSchema = z.discriminatedUnion('kind', [providerRecorder, bureauRecorder, z.strictObject({ kind: z.literal('UNIDENTIFIED') })]);
export type ClaimRecorder = z.infer<typeof claimRecorderSchema>;

/**
 * R-CERT-1: stored on the reservation stream toCertificateNumberStreamId(numberKey), appended with expected version
 * 'no_stream' together with CertificateRecorded, so one number at one issuer is one certificate, even under races.
 */
export const CertificateNumberClaimed = defineEvent(
  'CertificateNumberClaimed',
  2,
  z.strictObject({ certificateId: z.uuid(), labourerId: z.uuid(), recordedBy: claimRecorderSchema }),
);

export type CertificateRecorded = EventOf<typeof CertificateRecorded>;
export type CertificateNumberClaimed = EventOf<typeof CertificateNumberClaimed>;
export type CertificateEvent = CertificateRecorded;

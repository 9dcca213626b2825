import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { CERTIFICATE_LEVEL, CERTIFICATE_TYPE, occupationSchema } from '../outcomes/outcomes-vocabulary';
import { organiserSchema } from './certification-schemes-vocabulary';

/**
 * R-CERT-2: an organisation organised labourers to take an evaluation of one occupation and certificate type on
 * one day (an evaluation held by a registered evaluation body, when it is one). `freeOfCharge` is the organiser's
 * statement that the labourers paid nothing (免费参加), which is what R-CERT-2 pays for.
 */
export const FreeEvaluationRecorded = defineEvent(
  'FreeEvaluationRecorded',
  1,
  z.strictObject({
    evaluationId: z.uuid(),
    organiser: organiserSchema,
    occupation: occupationSchema,
    certificateType: CERTIFICATE_TYPE,
    evaluatedOn: calendarDateSchema,
    evaluationBodyId: z.uuid().optional(),
    freeOfCharge: z.boolean(),
  }),
);

/**
 * R-CERT-2: a recorded certificate issued from the evaluation, named by its organiser. Its holder, level and issue
 * day are copied from the certificate (never typed); `firstIssue` is the organiser's statement for a special
 * operation or equipment certificate (初次取证, not a review or renewal), absent for the other types.
 */
export const FreeEvaluationCertificateNamed = defineEvent(
  'FreeEvaluationCertificateNamed',
  1,
  z.strictObject({
    evaluationId: z.uuid(),
    certificateId: z.uuid(),
    labourerId: z.uuid(),
    level: CERTIFICATE_LEVEL.optional(),
    issuedOn: calendarDateSchema,
    firstIssue: z.boolean().optional(),
  }),
);

/** R-CERT-2: on toEvaluatedCertificateStreamId(certificateId), 'no_stream': the certificate is this evaluation's for good. */
export const EvaluatedCertificateReserved = defineEvent('EvaluatedCertificateReserved', 1, z.strictObject({ certificateId: z.uuid(), evaluationId: z.uuid() }));

export type FreeEvaluationRecorded = EventOf<typeof FreeEvaluationRecorded>;
export type FreeEvaluationCertificateNamed = EventOf<typeof FreeEvaluationCertificateNamed>;
export type EvaluatedCertificateReserved = EventOf<typeof EvaluatedCertificateReserved>;
export type FreeEvaluationEvent = FreeEvaluationRecorded | FreeEvaluationCertificateNamed;

import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { evidenceRefSchema } from './outcomes-vocabulary';
import { unifiedSocialCreditCodeSchema } from './unified-social-credit-code';

const enterpriseEmployer = z.strictObject({ kind: z.literal('ENTERPRISE'), enterpriseId: z.uuid() });
/**
 * Any other employer, by its 统一社会信用代码. Never by name: events are kept for ever, and the name of a small
 * business (个体工商户) is often its owner's name.
 */
const organisationEmployer = z.strictObject({ kind: z.literal('ORGANISATION'), creditCode: unifiedSocialCreditCodeSchema });
/** Only from EmploymentRecorded v1, which named the organisation in free text: the name is dropped, so it is not identified. */
const unidentifiedEmployer = z.strictObject({ kind: z.literal('UNIDENTIFIED_ORGANISATION') });

/**
 * Who employs the person, as a new record names it: a registered enterprise by id, or another organisation by its
 * credit code. No employer means self-employment; a self-employed person's business could name the person, so none is kept.
 */
export const employerSchema = z.discriminatedUnion('kind', [enterpriseEmployer, organisationEmployer]);
export type Employer = z.infer<typeof employerSchema>;

/** An employer as stored: what a new record names, or an organisation an old (v1) record did not identify. */
export const recordedEmployerSchema = z.discriminatedUnion('kind', [enterpriseEmployer, organisationEmployer, unidentifiedEmployer]);
export type RecordedEmployer = z.infer<typeof recordedEmployerSchema>;

/** R-GATE-3: an employment record; it counts for the employment rate only once verified. v1: employment-recorded.v1.ts. */
export const EmploymentRecorded = defineEvent(
  'EmploymentRecorded',
  2,
  z
    .strictObject({
      employmentId: z.uuid(),
      labourerId: z.uuid(),
      employer: recordedEmployerSchema.optional(),
      startsOn: calendarDateSchema,
      endsOn: calendarDateSchema.optional(),
      evidenceRef: evidenceRefSchema,
    })
    .refine((e) => e.endsOn === undefined || e.startsOn <= e.endsOn, { message: 'endsOn must not be before startsOn', path: ['endsOn'] }),
);

/** R-GATE-3: a bureau reviewer checked the evidence; `verifiedBy` is the reviewer's account id. */
export const EmploymentVerified = defineEvent(
  'EmploymentVerified',
  1,
  z.strictObject({ employmentId: z.uuid(), verifiedOn: calendarDateSchema, verifiedBy: z.string().min(1).max(200) }),
);

/** The employment ended; the record stays as history and still counts for the rate it counted for. */
export const EmploymentEnded = defineEvent('EmploymentEnded', 1, z.strictObject({ employmentId: z.uuid(), endsOn: calendarDateSchema }));

/**
 * Why the bureau rejected an employment record: a code, never free text (events cannot be erased, and a note about
 * a person's job is personal data).
 */
export const EMPLOYMENT_REJECTION_REASON = z.enum([
  'EVIDENCE_MISSING', // no document behind the reference, or not readable
  'EVIDENCE_MISMATCH', // the document names another person, employer or start
  'EMPLOYER_NOT_CONFIRMED', // the employer does not confirm the job
  'NOT_EMPLOYMENT', // an internship, a training placement or the like
  'DUPLICATE_RECORD', // the same job recorded again under another id
]);
export type EmploymentRejectionReason = z.infer<typeof EMPLOYMENT_REJECTION_REASON>;

/**
 * R-GATE-3, R-GATE-4: a bureau reviewer found the evidence does not hold up. The record never counts, and no longer
 * keeps a closed employment gate waiting for its verification. `rejectedBy` is the reviewer's account id.
 */
export const EmploymentRejected = defineEvent(
  'EmploymentRejected',
  1,
  z.strictObject({ employmentId: z.uuid(), rejectedOn: calendarDateSchema, rejectedBy: z.string().min(1).max(200), reason: EMPLOYMENT_REJECTION_REASON }),
);

export type EmploymentRecorded = EventOf<typeof EmploymentRecorded>;
export type EmploymentVerified = EventOf<typeof EmploymentVerified>;
export type EmploymentEnded = EventOf<typeof EmploymentEnded>;
export type EmploymentRejected = EventOf<typeof EmploymentRejected>;
export type EmploymentEvent = EmploymentRecorded | EmploymentVerified | EmploymentEnded | EmploymentRejected;

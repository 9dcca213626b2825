import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { evidenceRefSchema } from './outcomes-vocabulary';

/**
 * Who employs the person: a registered enterprise by id, or another employer organisation by its registered name.
 * No employer means self-employment; a self-employed person's business name could name the person, so none is kept.
 */
export const employerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ENTERPRISE'), enterpriseId: z.uuid() }),
  z.strictObject({ kind: z.literal('ORGANISATION'), name: z.string().trim().min(1).max(100) }),
]);
export type Employer = z.infer<typeof employerSchema>;

/** R-GATE-3: an employment record; it counts for the employment rate only once verified. */
export const EmploymentRecorded = defineEvent(
  'EmploymentRecorded',
  1,
  z
    .strictObject({
      employmentId: z.uuid(),
      labourerId: z.uuid(),
      employer: employerSchema.optional(),
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

export type EmploymentRecorded = EventOf<typeof EmploymentRecorded>;
export type EmploymentVerified = EventOf<typeof EmploymentVerified>;
export type EmploymentEnded = EventOf<typeof EmploymentEnded>;
export type EmploymentEvent = EmploymentRecorded | EmploymentVerified | EmploymentEnded;

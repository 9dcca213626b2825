import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type Upcaster } from '../shared/event-definition';
import type { EmploymentRecorded } from './employment.events';
import { evidenceRefSchema } from './outcomes-vocabulary';

/** EmploymentRecorded as first stored: an organisation employer was named by free text. Read only, never written. */
export const EmploymentRecordedV1 = defineEvent(
  'EmploymentRecorded',
  1,
  z
    .strictObject({
      employmentId: z.uuid(),
      labourerId: z.uuid(),
      employer: z
        .discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('ENTERPRISE'), enterpriseId: z.uuid() }),
          z.strictObject({ kind: z.literal('ORGANISATION'), name: z.string().trim().min(1).max(100) }),
        ])
        .optional(),
      startsOn: calendarDateSchema,
      endsOn: calendarDateSchema.optional(),
      evidenceRef: evidenceRefSchema,
    })
    .refine((e) => e.endsOn === undefined || e.startsOn <= e.endsOn, { message: 'endsOn must not be before startsOn', path: ['endsOn'] }),
);
type EmploymentRecordedV1Data = z.infer<typeof EmploymentRecordedV1.schema>;

/**
 * v1 → v2: an organisation named by free text becomes UNIDENTIFIED_ORGANISATION and its name is not carried on
 * (a small business's name is often its owner's name). Nothing read through the catalogue shows it again; the
 * stored v1 row itself is immutable.
 */
export const employmentRecordedV1ToV2: Upcaster = {
  type: 'EmploymentRecorded',
  fromVersion: 1,
  upcast(data: unknown): EmploymentRecorded['data'] {
    const { employer, ...rest } = data as EmploymentRecordedV1Data;
    if (employer === undefined) return rest;
    return { ...rest, employer: employer.kind === 'ORGANISATION' ? { kind: 'UNIDENTIFIED_ORGANISATION' } : employer };
  },
};

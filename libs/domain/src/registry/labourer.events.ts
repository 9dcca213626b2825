import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { CATEGORY, FLAG, GROUP_CHANGE_REASON, KEY_GROUP, REGISTERING_UNIT_KIND } from './registry-vocabulary';

/**
 * Events are kept for ever, so they hold no ID number, name or birth date: only a person id and a keyed
 * fingerprint (HMAC-SHA256, hex) of the ID number. Strict objects make a stray personal field fail at append.
 */
export const idFingerprintSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected the hex HMAC-SHA256 fingerprint of an ID number');

const distinct = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).refine((items) => new Set(items).size === items.length, 'each value may appear only once');

export const registeringUnitSchema = z.strictObject({ kind: REGISTERING_UNIT_KIND, id: z.uuid() });
export type RegisteringUnit = z.infer<typeof registeringUnitSchema>;

export const LabourerRegistered = defineEvent(
  'LabourerRegistered',
  1,
  z.strictObject({
    labourerId: z.uuid(),
    fingerprint: idFingerprintSchema,
    category: CATEGORY,
    keyGroups: distinct(KEY_GROUP),
    flags: distinct(FLAG),
    insuranceMonths: z.number().int().min(0).default(0),
    subdistrictId: z.uuid(),
    registeringUnit: registeringUnitSchema,
    registeredOn: calendarDateSchema,
  }),
);

export const LabourerGroupsChanged = defineEvent(
  'LabourerGroupsChanged',
  1,
  z.strictObject({
    labourerId: z.uuid(),
    keyGroups: distinct(KEY_GROUP),
    flags: distinct(FLAG),
    insuranceMonths: z.number().int().min(0),
    reason: GROUP_CHANGE_REASON,
  }),
);

/** The person's data key was destroyed (crypto-shredding); the card still counts in every total. */
export const LabourerErased = defineEvent(
  'LabourerErased',
  1,
  z.strictObject({ labourerId: z.uuid(), erasedOn: calendarDateSchema }),
);

/**
 * Stored on the identity-reservation stream of one fingerprint, appended with expected version 'no_stream' in the
 * same atomic append as LabourerRegistered: that is how "one card per ID number, ever" holds under races.
 */
export const LabourerIdentityClaimed = defineEvent(
  'LabourerIdentityClaimed',
  1,
  z.strictObject({ labourerId: z.uuid() }),
);

export type LabourerRegistered = EventOf<typeof LabourerRegistered>;
export type LabourerGroupsChanged = EventOf<typeof LabourerGroupsChanged>;
export type LabourerErased = EventOf<typeof LabourerErased>;
export type LabourerIdentityClaimed = EventOf<typeof LabourerIdentityClaimed>;
export type LabourerEvent = LabourerRegistered | LabourerGroupsChanged | LabourerErased;

import { z } from 'zod';
import { EventCatalogue, InvalidEventPayloadError, UnknownEventTypeError, type SerialisedEvent } from './event-catalogue';
import { defineEvent, type Upcaster } from './event-definition';
import { LabourerRegistered } from '../registry/labourer.events';
import storedV1 from './fixtures/attendance-recorded.v1.stored.json';

// A made-up change of shape, to pin how the catalogue reads old events: v1 kept fractional hours, v2 keeps whole
// minutes and where the record came from (v1 predates uploads, so every v1 record was typed in by hand).
const AttendanceRecordedV1 = defineEvent(
  'AttendanceRecorded',
  1,
  z.object({ enrolmentId: z.uuid(), day: z.iso.date(), hours: z.number().positive().max(24) }),
);
const AttendanceRecordedV2 = defineEvent(
  'AttendanceRecorded',
  2,
  z.object({ enrolmentId: z.uuid(), day: z.iso.date(), minutes: z.int().positive().max(1440), source: z.enum(['MANUAL', 'UPLOAD']) }),
);
const attendanceV1ToV2: Upcaster = {
  type: 'AttendanceRecorded',
  fromVersion: 1,
  upcast: (data) => {
    const v1 = data as z.infer<typeof AttendanceRecordedV1.schema>;
    return { enrolmentId: v1.enrolmentId, day: v1.day, minutes: Math.round(v1.hours * 60), source: 'MANUAL' };
  },
};

function catalogue(...upcasters: Upcaster[]): EventCatalogue {
  return new EventCatalogue().register(AttendanceRecordedV1, AttendanceRecordedV2).registerUpcaster(...upcasters);
}

/** The fixture as the event store hands it back: only type, version and payload matter to the catalogue. */
function stored(overrides: Partial<SerialisedEvent> = {}): SerialisedEvent {
  return { type: storedV1.type, schemaVersion: storedV1.schemaVersion, data: storedV1.data, ...overrides };
}

function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('Expected it to throw');
}

describe('EventCatalogue reading stored events', () => {
  it('reads a stored v1 AttendanceRecorded as v2 through its upcaster', () => {
    expect(catalogue(attendanceV1ToV2).deserialise(stored())).toEqual({
      type: 'AttendanceRecorded',
      data: { enrolmentId: '0d4b9d8e-6a0c-4d59-8a3a-2f4e5c6b7a81', day: '2021-03-02', minutes: 450, source: 'MANUAL' },
    });
  });

  it('writes new events at the current version', () => {
    const event = { type: 'AttendanceRecorded', data: { enrolmentId: storedV1.data.enrolmentId, day: '2021-03-03', minutes: 480, source: 'UPLOAD' } };
    expect(catalogue(attendanceV1ToV2).serialise(event)).toEqual({ ...event, schemaVersion: 2 });
  });

  it('refuses a malformed stored v1 payload against the v1 schema, before upcasting it', () => {
    const upcast = jest.fn(attendanceV1ToV2.upcast);
    const read = () => catalogue({ ...attendanceV1ToV2, upcast }).deserialise(stored({ data: { ...storedV1.data, hours: 'seven' } }));
    const error = thrownBy(read);
    expect(error).toBeInstanceOf(InvalidEventPayloadError);
    expect((error as InvalidEventPayloadError).issues.map((i) => i.path)).toEqual([['hours']]);
    expect(upcast).not.toHaveBeenCalled();
  });

  it('refuses what an upcaster produces when it does not match the current schema', () => {
    const broken: Upcaster = { ...attendanceV1ToV2, upcast: (data) => ({ ...(data as object), minutes: 450.5, source: 'MANUAL' }) };
    expect(() => catalogue(broken).deserialise(stored())).toThrow(InvalidEventPayloadError);
  });

  it('refuses a stored v2 payload that breaks the v2 schema', () => {
    const data = { enrolmentId: storedV1.data.enrolmentId, day: '2021-02-30', minutes: 60, source: 'MANUAL' };
    expect(() => catalogue(attendanceV1ToV2).deserialise(stored({ schemaVersion: 2, data }))).toThrow(InvalidEventPayloadError);
  });

  it('cannot read an old version when the upcaster from it is missing', () => {
    expect(() => catalogue().deserialise(stored())).toThrow(UnknownEventTypeError);
  });

  it('refuses a stored version newer than this code knows instead of reading it with an older schema', () => {
    const stored: SerialisedEvent = { type: 'AttendanceRecorded', schemaVersion: 3, data: { enrolmentId: storedV1.data.enrolmentId, day: '2021-03-01', minutes: 60, source: 'UPLOAD', extra: 1 } };
    expect(() => catalogue(attendanceV1ToV2).deserialise(stored)).toThrow(UnknownEventTypeError);
  });
});

// Issue 7 (speed): the evaluation report re-reads rows serialise() wrote; at the current version it skips the parse.
const CohortNamed = defineEvent(
  'CohortNamed',
  1,
  z.strictObject({
    cohortId: z.uuid(),
    occupation: z.string().trim().min(1),
    groups: z.array(z.enum(['POOR', 'DISABLED'])).refine((g) => new Set(g).size === g.length),
    unit: z.strictObject({ kind: z.enum(['PROVIDER']), id: z.uuid() }),
    note: z.string().optional(),
    months: z.number().int().min(0).default(0),
  }),
);
const HoursRounded = defineEvent('HoursRounded', 1, z.strictObject({ hours: z.number().transform((h) => Math.round(h)) }));

function readCatalogue(): EventCatalogue {
  return catalogue(attendanceV1ToV2).register(CohortNamed, HoursRounded);
}

describe('EventCatalogue.deserialiseStored (issue 7: trusted re-read of current-version rows)', () => {
  const cohortId = '7c1e2a9b-3d4f-4a5b-8c6d-9e0f1a2b3c4d';
  const unit = { kind: 'PROVIDER', id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' };

  it('reads current-version rows of several types exactly as deserialise does', () => {
    const events = [
      { type: 'AttendanceRecorded', data: { enrolmentId: storedV1.data.enrolmentId, day: '2021-03-03', minutes: 480, source: 'UPLOAD' } },
      { type: 'CohortNamed', data: { cohortId, occupation: '  Welder ', groups: ['POOR'], unit, months: 3 } },
      { type: 'CohortNamed', data: { cohortId, occupation: 'Cook', groups: [], unit, note: 'evening' } },
    ];
    const read = readCatalogue();
    for (const event of events) {
      const row = JSON.parse(JSON.stringify(read.serialise(event))) as SerialisedEvent;
      expect(read.deserialiseStored(row)).toEqual(read.deserialise(row));
    }
  });

  it('hands back the stored data itself, unparsed, for a current-version row', () => {
    const row = readCatalogue().serialise({ type: 'CohortNamed', data: { cohortId, occupation: 'Cook', groups: [], unit, months: 1 } });
    expect(readCatalogue().deserialiseStored(row).data).toBe(row.data);
  });

  it('parses a current-version row that lacks a defaulted field, so the default is filled in as deserialise would', () => {
    const row: SerialisedEvent = { type: 'CohortNamed', schemaVersion: 1, data: { cohortId, occupation: 'Cook', groups: [], unit } };
    expect(readCatalogue().deserialiseStored(row)).toEqual({ type: 'CohortNamed', data: { cohortId, occupation: 'Cook', groups: [], unit, months: 0 } });
  });

  it('always parses a type whose schema transforms its input', () => {
    const row: SerialisedEvent = { type: 'HoursRounded', schemaVersion: 1, data: { hours: 7.6 } };
    expect(readCatalogue().deserialiseStored(row)).toEqual({ type: 'HoursRounded', data: { hours: 8 } });
  });

  it('still upcasts (and parses) an older stored version', () => {
    expect(readCatalogue().deserialiseStored(stored())).toEqual({
      type: 'AttendanceRecorded',
      data: { enrolmentId: '0d4b9d8e-6a0c-4d59-8a3a-2f4e5c6b7a81', day: '2021-03-02', minutes: 450, source: 'MANUAL' },
    });
    expect(() => readCatalogue().deserialiseStored(stored({ data: { ...storedV1.data, hours: 'seven' } }))).toThrow(InvalidEventPayloadError);
  });

  it('still refuses an unknown type and a version newer than this code knows', () => {
    expect(() => readCatalogue().deserialiseStored({ type: 'CohortRenamed', schemaVersion: 1, data: {} })).toThrow(UnknownEventTypeError);
    expect(() => readCatalogue().deserialiseStored({ type: 'CohortNamed', schemaVersion: 2, data: {} })).toThrow(UnknownEventTypeError);
  });
});

describe('EventCatalogue.deserialiseStored on the real LabourerRegistered (insuranceMonths has .default(0))', () => {
  const read = () => new EventCatalogue().register(LabourerRegistered);
  const data = {
    labourerId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
    fingerprint: 'a'.repeat(64),
    category: 'RURAL_LABOURER',
    keyGroups: ['POOR_LABOURER'],
    flags: [],
    subdistrictId: '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f',
    registeringUnit: { kind: 'SUBDISTRICT', id: '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f' },
    registeredOn: '2021-04-01',
  };

  it('reads a row written by serialise() as deserialise does, insurance months and all', () => {
    const row = read().serialise({ type: 'LabourerRegistered', data: { ...data, insuranceMonths: 7 } });
    expect(read().deserialiseStored(row)).toEqual(read().deserialise(row));
    expect((read().deserialiseStored(row).data as { insuranceMonths: number }).insuranceMonths).toBe(7);
  });

  it('fills in 0 insurance months for a v1 row stored without them, as the full parse does', () => {
    const row: SerialisedEvent = { type: 'LabourerRegistered', schemaVersion: 1, data };
    expect((read().deserialiseStored(row).data as { insuranceMonths: number }).insuranceMonths).toBe(0);
  });
});

import { z } from 'zod';
import { EventCatalogue, InvalidEventPayloadError, UnknownEventTypeError, type SerialisedEvent } from './event-catalogue';
import { defineEvent, type Upcaster } from './event-definition';
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

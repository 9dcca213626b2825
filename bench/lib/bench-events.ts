import { randomBytes, randomUUID } from 'node:crypto';
import type { EventToAppend } from '@skills/event-store';

/**
 * Every benchmark event is a valid LabourerRegistered v1 (about 330 bytes of data, 150 of metadata), so the same
 * rows can be appended, read back and rebuilt into the labourers read model.
 */
export type BenchEvent = EventToAppend;

const SUBDISTRICTS = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const PROVIDERS = [randomUUID(), randomUUID()];
const ACTOR = randomUUID();

export function labourerRegistered(index: number): BenchEvent {
  const correlationId = randomUUID();
  return {
    eventId: randomUUID(),
    type: 'LabourerRegistered',
    schemaVersion: 1,
    data: {
      labourerId: randomUUID(),
      fingerprint: randomBytes(32).toString('hex'),
      category: 'RURAL_LABOURER',
      keyGroups: [],
      flags: [],
      insuranceMonths: 0,
      subdistrictId: SUBDISTRICTS[index % SUBDISTRICTS.length]!,
      registeringUnit: { kind: 'PROVIDER', id: PROVIDERS[index % PROVIDERS.length]! },
      registeredOn: '2021-03-01',
    },
    metadata: { actor: ACTOR, correlationId, causationId: correlationId, occurredAt: '2021-03-01T02:00:00.000Z', policyVersion: 'JCCQ-2020-12@1' },
  };
}

export const streamIdFor = (): string => `labourer-${randomUUID()}`;

/** One single-event append: `expectedVersion` is the number of events already in the stream (0: new stream). */
export interface SingleAppend {
  readonly streamId: string;
  readonly expectedVersion: number;
  readonly event: BenchEvent;
}

/**
 * Each worker owns its streams and writes `perStream` events into each, one append at a time with the exact
 * expected version: one stream creation, then perStream - 1 appends to an existing stream. Writers never
 * contend for a stream, so the figures measure throughput, not conflict retries.
 */
export function singleAppendPlan(workers: number, totalEvents: number, perStream: number): SingleAppend[][] {
  const plans: SingleAppend[][] = [];
  const perWorker = Math.ceil(totalEvents / workers);
  for (let w = 0; w < workers; w += 1) {
    const plan: SingleAppend[] = [];
    let streamId = streamIdFor();
    for (let i = 0; i < perWorker; i += 1) {
      const version = i % perStream;
      if (version === 0) streamId = streamIdFor();
      plan.push({ streamId, expectedVersion: version, event: labourerRegistered(i) });
    }
    plans.push(plan);
  }
  return plans;
}

export interface BatchAppend {
  readonly streamId: string;
  readonly events: readonly BenchEvent[];
}

/** `batches` appends of `size` events, each into a new stream (expected version: no stream). */
export function batchPlan(batches: number, size: number): BatchAppend[] {
  return Array.from({ length: batches }, () => ({
    streamId: streamIdFor(),
    events: Array.from({ length: size }, (_, i) => labourerRegistered(i)),
  }));
}

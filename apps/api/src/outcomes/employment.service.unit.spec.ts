import { randomUUID } from 'node:crypto';
import { createEventCatalogue, toEmploymentStreamId } from '@skills/domain';
import { InMemoryEventStore } from '@skills/event-store';
import { newEnvelope, toEventsToAppend, type System } from '@skills/platform';
import type { RegistryDirectory } from '../registry/registry-directory';
import { rejectEmployment, verifyEmployment } from './employment.service';

// R-GATE-3: a verification or rejection sent without its day is dated today (in Shanghai); retried under the same
// Idempotency-Key after midnight it must still be the same request, not a reused key.
const catalogue = createEventCatalogue();
const directory = { policyVersionOn: () => 'JCCQ-2020-12@1' } as unknown as RegistryDirectory;
const REAL = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;

/** Date at `instant`; everything else runs for real. */
const at = (instant: string) => jest.useFakeTimers({ now: Date.parse(instant), doNotFake: [...REAL] });
// 23:59 on 2021-05-10 and 00:01 on 2021-05-11, Shanghai time.
const BEFORE_MIDNIGHT = '2021-05-10T15:59:00.000Z';
const AFTER_MIDNIGHT = '2021-05-10T16:01:00.000Z';

async function recordedEmployment(store: InMemoryEventStore): Promise<string> {
  const employmentId = randomUUID();
  const streamId = toEmploymentStreamId(employmentId);
  const recorded = { type: 'EmploymentRecorded', data: { employmentId, labourerId: randomUUID(), startsOn: '2021-04-01', evidenceRef: 'doc:contract-1' } };
  await store.append({ streamId, expectedVersion: 'no_stream', events: toEventsToAppend(catalogue, newEnvelope('clerk', 'c-0'), streamId, [recorded]) });
  return employmentId;
}

describe('employment verification and rejection retried across midnight (Asia/Shanghai)', () => {
  let store: InMemoryEventStore;
  let system: System;
  beforeEach(() => {
    store = new InMemoryEventStore();
    system = { store, catalogue } as unknown as System;
  });
  afterEach(() => jest.useRealTimers());

  it('R-GATE-3 the same verification without a day, retried after midnight under its key, is a retry dated the first day', async () => {
    const employmentId = await recordedEmployment(store);
    const key = randomUUID();
    at(BEFORE_MIDNIGHT);
    const first = await verifyEmployment(system, directory, employmentId, {}, newEnvelope('reviewer', 'c-1', key));
    at(AFTER_MIDNIGHT);
    const retried = await verifyEmployment(system, directory, employmentId, {}, newEnvelope('reviewer', 'c-2', key));
    expect(first).toEqual({ employmentId, verified: true, verifiedOn: '2021-05-10' });
    expect(retried).toEqual(first);
    expect((await store.readStream(toEmploymentStreamId(employmentId))).map((e) => e.type)).toEqual(['EmploymentRecorded', 'EmploymentVerified']);
    // A different request under the key is still refused.
    await expect(verifyEmployment(system, directory, employmentId, { verifiedOn: '2021-05-10' }, newEnvelope('reviewer', 'c-3', key))).rejects.toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
  });

  it('R-GATE-3 the same rejection without a day, retried after midnight under its key, is a retry dated the first day', async () => {
    const employmentId = await recordedEmployment(store);
    const key = randomUUID();
    at(BEFORE_MIDNIGHT);
    const first = await rejectEmployment(system, directory, employmentId, { reason: 'EVIDENCE_MISSING' }, newEnvelope('reviewer', 'c-1', key));
    at(AFTER_MIDNIGHT);
    const retried = await rejectEmployment(system, directory, employmentId, { reason: 'EVIDENCE_MISSING' }, newEnvelope('reviewer', 'c-2', key));
    expect(first).toEqual({ employmentId, rejected: true, rejectedOn: '2021-05-10', reason: 'EVIDENCE_MISSING' });
    expect(retried).toEqual(first);
    expect((await store.readStream(toEmploymentStreamId(employmentId))).map((e) => e.type)).toEqual(['EmploymentRecorded', 'EmploymentRejected']);
    await expect(rejectEmployment(system, directory, employmentId, { reason: 'EVIDENCE_MISSING', rejectedOn: '2021-05-11' }, newEnvelope('reviewer', 'c-3', key))).rejects.toMatchObject({
      code: 'IDEMPOTENCY.KEY_REUSED',
    });
  });
});

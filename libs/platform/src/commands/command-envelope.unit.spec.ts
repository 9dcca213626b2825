import { EventCatalogue, defineEvent } from '@skills/domain';
import { z } from 'zod';
import { newEnvelope, toEventsToAppend } from './command-envelope';
import { deterministicUuid } from './deterministic-id';

describe('command envelopes', () => {
  it('derives stable RFC-4122-shaped ids from their parts', () => {
    const a = deterministicUuid('key', 'labourer', 'row-2');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicUuid('key', 'labourer', 'row-2')).toBe(a);
    expect(deterministicUuid('key', 'labourer', 'row-3')).not.toBe(a);
    expect(deterministicUuid('key', 'labourerrow-2')).not.toBe(deterministicUuid('key', 'labourer', 'row-2'));
  });

  it('gives the same command the same event ids and records actor, correlation and causation', () => {
    const catalogue = new EventCatalogue().register(defineEvent('Thing', 1, z.strictObject({ n: z.number() })));
    const envelope = newEnvelope('user-1', 'corr-1', '3b4c8f1e-2a5d-4e6f-9a1b-0c2d3e4f5a6b', new Date('2021-03-01T02:00:00Z'));
    const once = toEventsToAppend(catalogue, envelope, 'thing-1', [{ type: 'Thing', data: { n: 1 } }, { type: 'Thing', data: { n: 2 } }]);
    const twice = toEventsToAppend(catalogue, envelope, 'thing-1', [{ type: 'Thing', data: { n: 1 } }, { type: 'Thing', data: { n: 2 } }]);
    expect(once.map((e) => e.eventId)).toEqual(twice.map((e) => e.eventId));
    expect(new Set(once.map((e) => e.eventId)).size).toBe(2);
    expect(once[0]!.metadata).toEqual({ actor: 'user-1', correlationId: 'corr-1', causationId: envelope.idempotencyKey, occurredAt: '2021-03-01T02:00:00.000Z' });
    expect(() => toEventsToAppend(catalogue, envelope, 'thing-1', [{ type: 'Thing', data: { n: 'x' } }])).toThrow();
  });
});

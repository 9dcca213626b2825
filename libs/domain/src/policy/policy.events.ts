import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';

/** A policy id as the notices name them: `JCCQ-2020-12`. */
export const policyIdSchema = z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, 'an upper-case policy id such as JCCQ-2020-12');

/**
 * One version of a policy, published by an administrator: stored whole and never edited. The domain cannot see
 * the policy document's schema (libs/policy depends on libs/domain, not the other way), so the document travels
 * as JSON that libs/policy validated before the event was decided and validates again when it loads it.
 * `contentHash` is the SHA-256 of the document's canonical JSON: the same document always has the same hash.
 */
export const PolicyVersionPublished = defineEvent(
  'PolicyVersionPublished',
  1,
  z.strictObject({
    policyId: policyIdSchema,
    version: z.number().int().min(1),
    effectiveFrom: calendarDateSchema,
    effectiveTo: calendarDateSchema.nullable(),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
    /** The administrator's account id. */
    publishedBy: z.string().min(1),
    document: z.record(z.string(), z.unknown()),
  }),
);
export type PolicyVersionPublished = EventOf<typeof PolicyVersionPublished>;

/**
 * The first version of a policy id puts the id on the catalogue stream (in the same transaction), so that every
 * process can find every policy stream by reading one stream: the event-store port has no listing of streams.
 */
export const PolicyListed = defineEvent('PolicyListed', 1, z.strictObject({ policyId: policyIdSchema }));
export type PolicyListed = EventOf<typeof PolicyListed>;

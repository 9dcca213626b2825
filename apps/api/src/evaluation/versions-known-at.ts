import {
  fold,
  policyCatalogueDecider,
  shanghaiDateOf,
  targetSetCatalogueDecider,
  toPolicyCatalogueStreamId,
  toPolicyStreamId,
  toTargetSetCatalogueStreamId,
  toTargetSetStreamId,
  type CalendarDate,
  type PolicyListed,
  type PolicyVersionPublished,
  type TargetSetListed,
  type TargetSetVersionPublished,
} from '@skills/domain';
import { comparePositions, type GlobalPosition, type RecordedEvent } from '@skills/event-store';
import { publishedPolicyVersionOf, publishedTargetSetVersionOf, type PublishedPolicyVersion, type RegistryUnit, type TargetSetVersion } from '@skills/policy';
import type { HistoryHead, System } from '@skills/platform';
import { shippedTargetSetVersions } from '../targets/target-set-versions';

/**
 * The head a report read up to, or none: a report frozen before heads were stored, or a live answer (the progress
 * endpoint), knows whatever is stored now.
 */
export type KnownHead = HistoryHead | null;

/** Known on asOf: a shipped version always, a published one from the day it was published (Asia/Shanghai). */
export const knownOn = (asOf: CalendarDate) => (version: { readonly publishedAt: string | null }) => version.publishedAt === null || shanghaiDateOf(version.publishedAt) <= asOf;

const positionOf = (head: HistoryHead): GlobalPosition => ({ commit: BigInt(head.transactionId), prepare: BigInt(head.position) });

/** The events of these streams in store order, only those at or before the head when one is given. */
async function publishedUpTo(system: Pick<System, 'store'>, streamIds: readonly string[], head: KnownHead): Promise<RecordedEvent[]> {
  const recorded = (await Promise.all(streamIds.map((id) => system.store.readStream(id)))).flat();
  const limit = head === null ? null : positionOf(head);
  // Publication order across ids: it decides between two versions that take effect on the same day.
  return recorded.filter((r) => limit === null || comparePositions(r.position, limit) <= 0).sort((a, b) => comparePositions(a.position, b.position));
}

/**
 * R-TGT-2, R-MON-1: the target-set versions a report knows: shipped ones, and those published by the end of asOf
 * and, when the report names its head, at or before it. A version published later the same day as a report as of
 * today is after its head, so verifying the report later that day still finds the set it used.
 */
export async function targetSetVersionsKnownAt(system: Pick<System, 'store' | 'catalogue'>, units: readonly RegistryUnit[], asOf: CalendarDate, head: KnownHead): Promise<TargetSetVersion[]> {
  const listed = await system.store.readStream(toTargetSetCatalogueStreamId());
  const { targetSetIds } = fold(targetSetCatalogueDecider, listed.map((r) => system.catalogue.deserialise(r) as TargetSetListed));
  const recorded = await publishedUpTo(system, targetSetIds.map(toTargetSetStreamId), head);
  const published = recorded.map((r) => publishedTargetSetVersionOf(system.catalogue.deserialise(r) as TargetSetVersionPublished, r.metadata.occurredAt));
  return [...shippedTargetSetVersions(units), ...published].filter(knownOn(asOf));
}

/** R-CLAIM-1, R-MON-1: the policy versions a report knows, by the same rule as its target sets. */
export async function policyVersionsKnownAt(system: Pick<System, 'store' | 'catalogue' | 'policies'>, asOf: CalendarDate, head: KnownHead): Promise<PublishedPolicyVersion[]> {
  const listed = await system.store.readStream(toPolicyCatalogueStreamId());
  const { policyIds } = fold(policyCatalogueDecider, listed.map((r) => system.catalogue.deserialise(r) as PolicyListed));
  const recorded = await publishedUpTo(system, policyIds.map(toPolicyStreamId), head);
  const published = recorded.map((r) => publishedPolicyVersionOf(system.catalogue.deserialise(r) as PolicyVersionPublished, r.metadata.occurredAt));
  // The shipped versions are the process's own (never published, never in the store).
  const shipped = system.policies.all().filter((v) => v.publishedAt === null);
  return [...shipped, ...published].filter(knownOn(asOf));
}

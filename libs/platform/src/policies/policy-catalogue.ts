import { fold, policyCatalogueDecider, toPolicyCatalogueStreamId, toPolicyStreamId, type CalendarDate, type EventCatalogue, type PolicyListed, type PolicyVersionPublished } from '@skills/domain';
import { comparePositions, type EventStore } from '@skills/event-store';
import { POLICY_DOCUMENTS, builtInPolicyVersion, policyInForceOn, publishedPolicyVersionOf, type PolicyDocument, type PublishedPolicyVersion } from '@skills/policy';
import { policyContentHash } from './policy-content-hash';

/**
 * Every policy version this process computes with: the shipped ones (always there, never published) and every
 * version an administrator published, read from the event store. The store is the only truth, so it is read
 * whole at start, again right after this process publishes, and every few seconds (keepCurrent) so that a
 * process that did not publish (the worker, another api replica) learns of a new version too. Reading it is
 * one small stream plus one stream per policy id: a handful of events.
 */
export class PolicyCatalogue {
  private versions: readonly PublishedPolicyVersion[];
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly store: EventStore,
    private readonly catalogue: EventCatalogue,
    private readonly shipped: readonly PublishedPolicyVersion[],
  ) {
    this.versions = shipped;
  }

  static async load(store: EventStore, catalogue: EventCatalogue, shipped: readonly PolicyDocument[] = POLICY_DOCUMENTS): Promise<PolicyCatalogue> {
    const policies = new PolicyCatalogue(store, catalogue, shipped.map((document) => builtInPolicyVersion(document, policyContentHash(document))));
    await policies.refresh();
    return policies;
  }

  /** Shipped versions first, then published ones in the order they were published. */
  all(): readonly PublishedPolicyVersion[] {
    return this.versions;
  }

  documents(): readonly PolicyDocument[] {
    return this.versions.map((v) => v.document);
  }

  /** By its `JCCQ-2020-12.v2` name. */
  find(policyVersion: string): PublishedPolicyVersion | undefined {
    return this.versions.find((v) => v.policyVersion === policyVersion);
  }

  /** R-CLAIM-1: the version in force on a date (policyInForceOn), or POLICY.NONE_IN_FORCE. */
  inForceOn(date: CalendarDate): PolicyDocument {
    return policyInForceOn(this.documents(), date);
  }

  /** Reads the store again. One read at a time, so an older read can never replace a newer one. */
  refresh(): Promise<void> {
    const read = this.queue.then(() => this.read());
    this.queue = read.catch(() => undefined);
    return read;
  }

  /** Refreshes every `intervalMs` until the returned stop is called (the timer never keeps a process alive). */
  keepCurrent(intervalMs: number, onError: (error: unknown) => void): () => Promise<void> {
    const timer = setInterval(() => void this.refresh().catch(onError), intervalMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await this.queue;
    };
  }

  private async read(): Promise<void> {
    const listed = await this.store.readStream(toPolicyCatalogueStreamId());
    const { policyIds } = fold(policyCatalogueDecider, listed.map((r) => this.catalogue.deserialise(r) as PolicyListed));
    const recorded = (await Promise.all(policyIds.map((id) => this.store.readStream(toPolicyStreamId(id))))).flat();
    // Publication order across policy ids: it decides between two versions that take effect on the same day.
    recorded.sort((a, b) => comparePositions(a.position, b.position));
    const published = recorded.map((r) => publishedPolicyVersionOf(this.catalogue.deserialise(r) as PolicyVersionPublished, r.metadata.occurredAt));
    this.versions = [...this.shipped, ...published];
  }
}

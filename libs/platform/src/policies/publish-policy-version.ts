import { policyCatalogueDecider, toPolicyCatalogueStreamId, toPolicyStreamId, type EventCatalogue } from '@skills/domain';
import { WrongExpectedVersionError, type EventStore, type StreamAppend } from '@skills/event-store';
import { policyVersionDecider, policyVersionOf, validatePolicyDocument, type PublishPolicyVersion, type PublishedPolicyVersion } from '@skills/policy';
import { contextOf, hashCommand, toEventsToAppend, type CommandEnvelope } from '../commands/command-envelope';
import { idempotencyKeyReused, loadStream } from '../commands/decide-and-append';
import { deterministicUuid } from '../commands/deterministic-id';
import type { PolicyCatalogue } from './policy-catalogue';
import { policyContentHash } from './policy-content-hash';

export interface PolicyPublication {
  readonly version: PublishedPolicyVersion;
  /** True when this exact version was already published (a retry, or the same document again): nothing was stored. */
  readonly alreadyPublished: boolean;
}

/**
 * Publishes a policy version: validates the document (POLICY.INVALID_DOCUMENT lists every bad field), decides on
 * the policy id's stream, and appends. The first version of an id also lists the id on the catalogue stream, in
 * the same transaction, so no reader can see the version without finding its stream. A concurrent publish of the
 * same id (or a first publish of another id) makes the append fail its expected version: then load and decide
 * again, and the rules are checked against what the other writer stored.
 */
export async function publishPolicyVersion(
  deps: { store: EventStore; catalogue: EventCatalogue; policies: PolicyCatalogue },
  raw: unknown,
  envelope: CommandEnvelope,
  attempts = 5,
): Promise<PolicyPublication> {
  const document = validatePolicyDocument(raw);
  const command: PublishPolicyVersion = { type: 'PublishPolicyVersion', document, contentHash: policyContentHash(document), context: contextOf(envelope) };
  const commandHash = hashCommand(command);
  const streamId = toPolicyStreamId(document.id);
  let alreadyPublished = true;
  for (let attempt = 1; ; attempt++) {
    const series = await loadStream(deps.store, deps.catalogue, policyVersionDecider, streamId);
    const earlier = series.recorded.find((r) => r.eventId === deterministicUuid(envelope.idempotencyKey, streamId, '0'));
    if (earlier && earlier.metadata.commandHash !== commandHash) throw idempotencyKeyReused();
    const events = earlier ? [] : policyVersionDecider.decide(command, series.state);
    if (events.length === 0) break;
    const appends: StreamAppend[] = [
      { streamId, expectedVersion: series.version === 0 ? 'no_stream' : series.version, events: toEventsToAppend(deps.catalogue, envelope, streamId, events, undefined, commandHash) },
    ];
    const listing = series.version === 0 ? await listPolicyId(deps, document.id, envelope) : undefined;
    if (listing) appends.push(listing);
    try {
      const [appended] = await deps.store.appendMany(appends);
      alreadyPublished = appended?.alreadyAppended ?? false;
      break;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= attempts) throw error;
    }
  }
  await deps.policies.refresh();
  const version = deps.policies.find(policyVersionOf(document));
  if (!version) throw new Error(`${policyVersionOf(document)} was published but is not in the catalogue read back`);
  return { version, alreadyPublished };
}

async function listPolicyId(deps: { store: EventStore; catalogue: EventCatalogue }, policyId: string, envelope: CommandEnvelope): Promise<StreamAppend | undefined> {
  const streamId = toPolicyCatalogueStreamId();
  const index = await loadStream(deps.store, deps.catalogue, policyCatalogueDecider, streamId);
  const events = policyCatalogueDecider.decide({ type: 'ListPolicy', policyId, context: contextOf(envelope) }, index.state);
  if (events.length === 0) return undefined;
  // Event ids from the key and the policy id: one key used again for another policy must not look like a retry here.
  const keyed = { ...envelope, idempotencyKey: deterministicUuid(envelope.idempotencyKey, 'policy-listed', policyId) };
  // Expected version, not 'any': two first publishes of one id race on the policy stream, of two ids on this one.
  return { streamId, expectedVersion: index.version === 0 ? 'no_stream' : index.version, events: toEventsToAppend(deps.catalogue, keyed, streamId, events) };
}

import { claimDecider, claimErrors, toClaimStreamId, type ClaimState, type DomainEvent } from '@skills/domain';
import type { RecordedEvent } from '@skills/event-store';
import { loadStream, type Principal, type System } from '@skills/platform';
import type { SealedTexts } from '@skills/personal-data';
import { isBureau } from '../training/cohort-access';
import { assertMayReadClaim, claimReadScopeOf } from './claim-access';
import { REVIEW_REASON } from './review-decisions.service';

/** Fields that hold a claim's lines: the history says how many, the claim's page shows them. */
const LINE_FIELDS = new Set(['lines']);
/** The fields naming who acted, by event (R-MON-1 "every step with who, when and why"); the metadata's actor otherwise. */
const ACTOR_FIELDS = ['checkedBy', 'approvedBy', 'releasedBy', 'returnedBy', 'rejectedBy', 'assignedBy', 'unassignedBy', 'proposedBy'];

interface Reason {
  readonly code: string;
  readonly textLength?: number;
  /** R-CLAIM-3: the written reason, for the bureau and the claim's own organisation; null once erased. An adjustment's computed explanation. */
  readonly text?: string | null;
}

/**
 * R-CLAIM-3 "every step is an event with its actor, time and reason; a claim's history shows them all": every event of
 * the claim's stream in order, with its type, who acted, when it was recorded (and the instant the command was made),
 * and the reason code. The written reasons of a return or a rejection are read from their seal for the bureau and the
 * claim's own organisation; a subdistrict officer sees the codes. Other free texts (override justifications) stay at
 * /overrides. Lines are counted, not repeated.
 */
export async function claimHistory(system: System, sealedTexts: SealedTexts, principal: Principal, claimId: string) {
  const { state, recorded } = await loadStream(system.store, system.catalogue, claimDecider, toClaimStreamId(claimId));
  if (state.status === 'absent') throw claimErrors.claimNotFound(claimId);
  await assertMayReadClaim(system, principal, organisationOf(state));
  const events = recorded.map((r) => ({ recorded: r, event: system.catalogue.deserialise(r) }));
  const readsTexts = isBureau(principal) || claimReadScopeOf(principal).kind === 'ORGANISATION';
  const noteIds = events.flatMap(({ event }) => (noteOf(event) ? [noteOf(event)!.vaultKey] : []));
  const texts = readsTexts && noteIds.length > 0 ? await sealedTexts.getMany(REVIEW_REASON, noteIds) : undefined;
  return { claimId: claimId.toLowerCase(), items: events.map(({ recorded: r, event }) => itemOf(r, event, texts)) };
}

function organisationOf(state: Exclude<ClaimState, { status: 'absent' }>) {
  return state.status === 'submitted' ? state.claim : state.adjustment;
}

function noteOf(event: DomainEvent): { vaultKey: string; length: number } | undefined {
  const reason = (event.data as { reason?: unknown }).reason;
  if (typeof reason !== 'object' || reason === null || !('note' in reason)) return undefined;
  return (reason as { note: { vaultKey: string; length: number } }).note;
}

function reasonOf(event: DomainEvent, texts: Map<string, string> | undefined): Reason | null {
  const reason = (event.data as { reason?: unknown }).reason;
  if (typeof reason === 'string') {
    // An override's rejection carries a code; an adjustment claim's reason is the computed explanation of its change.
    return /^[A-Z][A-Z0-9_]*$/.test(reason) ? { code: reason } : { code: 'LATE_OUTCOME_CHANGE', text: reason };
  }
  if (typeof reason !== 'object' || reason === null || !('code' in reason)) return null;
  const note = noteOf(event);
  const code = String((reason as { code: unknown }).code);
  if (!note) return { code };
  return { code, textLength: note.length, ...(texts ? { text: texts.get(note.vaultKey.toLowerCase()) ?? null } : {}) };
}

function itemOf(recorded: RecordedEvent, event: DomainEvent, texts: Map<string, string> | undefined) {
  const data = event.data as Record<string, unknown>;
  const actorField = ACTOR_FIELDS.find((field) => typeof data[field] === 'string');
  const details = Object.fromEntries(
    Object.entries(data).flatMap(([key, value]) => {
      if (key === 'reason' || key === 'claimId') return [];
      if (LINE_FIELDS.has(key) && Array.isArray(value)) return [['lineCount', value.length]];
      return [[key, value]];
    }),
  );
  return {
    version: recorded.streamVersion,
    type: event.type,
    actor: actorField ? (data[actorField] as string) : recorded.metadata.actor,
    recordedAt: recorded.recordedAt,
    occurredAt: recorded.metadata.occurredAt,
    reason: reasonOf(event, texts),
    details,
  };
}

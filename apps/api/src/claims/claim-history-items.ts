import type { ClaimCommentAdded, ClaimEvidenceAttached, ClaimObjectionLodged, DomainEvent } from '@skills/domain';
import type { RecordedEvent } from '@skills/event-store';

/** The claim's stream, its notice (objections) or its file (comments, evidence): each numbers its own versions. */
export type HistoryStream = 'CLAIM' | 'NOTICE' | 'RECORDS';

/** What the caller may read of a claim's history, as the endpoints of each part answer it. */
export interface HistoryAccess {
  /** Who objected: the bureau only (GET /api/notices/:id/objections), for an objector must not fear the payee. */
  readonly seesObjectors: boolean;
}

/** The texts opened for this caller, by purpose and owner id; a purpose absent is one the caller does not read. */
export interface OpenedTexts {
  readonly reviewReasons?: Map<string, string>;
  readonly comments?: Map<string, string>;
  readonly statements?: Map<string, string>;
}

export interface HistoryStep {
  readonly stream: HistoryStream;
  readonly recorded: RecordedEvent;
  readonly event: DomainEvent;
}

/** In place of an objector's account id for those who may not know it. */
export const WITHHELD = 'WITHHELD';

/** Fields that hold a claim's lines: the history says how many, the claim's page shows them. */
const LINE_FIELDS = new Set(['lines']);
/** The fields naming who acted, by event (R-MON-1 "every step with who, when and why"); the metadata's actor otherwise. */
const ACTOR_FIELDS = ['checkedBy', 'approvedBy', 'releasedBy', 'returnedBy', 'rejectedBy', 'assignedBy', 'unassignedBy', 'proposedBy'];

interface Reason {
  readonly code: string;
  readonly textLength?: number;
  /** The written reason (or an objection's statement) for those who read it; null once erased. An adjustment's computed explanation. */
  readonly text?: string | null;
}

/** One step of the history: its stream and version there, type, who, when, why and what. */
export function historyItemOf(step: HistoryStep, access: HistoryAccess, texts: OpenedTexts) {
  const { recorded, event } = step;
  const at = { stream: step.stream, version: recorded.streamVersion, type: event.type, recordedAt: recorded.recordedAt, occurredAt: recorded.metadata.occurredAt };
  switch (event.type) {
    case 'ClaimObjectionLodged':
      return { ...at, ...objectionOf(event as ClaimObjectionLodged, access, texts) };
    case 'ClaimCommentAdded':
      return { ...at, ...commentOf(event as ClaimCommentAdded, texts) };
    case 'ClaimEvidenceAttached':
      return { ...at, ...evidenceOf(event as ClaimEvidenceAttached) };
    default:
      return { ...at, ...claimStepOf(recorded, event, access, texts) };
  }
}

/** A sealed review reason's reference (a return or a rejection), when the event has one. */
export function noteOf(event: DomainEvent): { vaultKey: string; length: number } | undefined {
  const reason = (event.data as { reason?: unknown }).reason;
  if (typeof reason !== 'object' || reason === null || !('note' in reason)) return undefined;
  return (reason as { note: { vaultKey: string; length: number } }).note;
}

/** The claim's own events, every field but the claim id and the reason; lines counted. */
function claimStepOf(recorded: RecordedEvent, event: DomainEvent, access: HistoryAccess, texts: OpenedTexts) {
  const data = event.data as Record<string, unknown>;
  // The account that objected is in the return an objection caused: withheld as in the objection itself.
  const withheld = event.type === 'ClaimObjectionReturned' && !access.seesObjectors;
  const actorField = ACTOR_FIELDS.find((field) => typeof data[field] === 'string');
  const details = Object.fromEntries(
    Object.entries(data).flatMap(([key, value]) => {
      if (key === 'reason' || key === 'claimId' || (withheld && key === 'returnedBy')) return [];
      if (LINE_FIELDS.has(key) && Array.isArray(value)) return [['lineCount', value.length]];
      return [[key, value]];
    }),
  );
  const actor = withheld ? WITHHELD : actorField ? (data[actorField] as string) : recorded.metadata.actor;
  return { actor, reason: reasonOf(event, texts.reviewReasons), details };
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

/** R-CLAIM-3 public notice: the reason code, the statement for the roles that read it, the objector for the bureau. */
function objectionOf({ data }: ClaimObjectionLodged, access: HistoryAccess, texts: OpenedTexts) {
  const { objectionId, noticeRound, noticeEndsOn, lineIds, lodgedOn, statement, lodgedBy } = data;
  const text = texts.statements ? { text: texts.statements.get(objectionId.toLowerCase()) ?? null } : {};
  return {
    actor: access.seesObjectors ? lodgedBy : WITHHELD,
    reason: { code: data.reason, textLength: statement.length, ...text },
    details: { objectionId, noticeRound, noticeEndsOn, lineIds, lodgedOn },
  };
}

/** A comment: its author and side, its length, and its text for those who read comments. */
function commentOf({ data }: ClaimCommentAdded, texts: OpenedTexts) {
  const { commentId, author, addedAt, text } = data;
  const opened = texts.comments ? { text: texts.comments.get(commentId.toLowerCase()) ?? null } : {};
  return { actor: author.accountId, reason: null, details: { commentId, side: author.side, addedAt, textLength: text.length, ...opened } };
}

/** An evidence file as its list shows it: id, kind, hash, size, type, side and time (the bytes at /evidence/:id). */
function evidenceOf({ data }: ClaimEvidenceAttached) {
  const { claimId: _claimId, attachedBy, ...file } = data;
  return { actor: attachedBy.accountId, reason: null, details: { ...file, side: attachedBy.side } };
}

import {
  DomainError,
  evaluationBodyDecider,
  freeEvaluationDecider,
  freeEvaluationErrors,
  reservationsFor,
  toEvaluatedCertificateStreamId,
  toEvaluationBodyStreamId,
  toFreeEvaluationStreamId,
  type EvaluatedCertificateReserved,
  type NameEvaluationCertificates,
  type RecordFreeEvaluation,
} from '@skills/domain';
import { policyVersionOf } from '@skills/policy';
import { WrongExpectedVersionError, type StreamAppend } from '@skills/event-store';
import { contextOf, decideAndAppend, deterministicUuid, hashCommand, idempotencyKeyReused, loadStream, toEventsToAppend, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { withinRecordingUnit } from '../outcomes/outcome-recorders';
import type { RegistryDirectory } from '../registry/registry-directory';
import { organiserOf } from './certification-scheme-access';
import type { NameEvaluationCertificatesForm, RecordFreeEvaluationForm } from './certification-scheme-forms';
import { recordedCertificates } from './recorded-certificates';

const ATTEMPTS = 5;

/**
 * R-CERT-2: the caller's organisation records a free evaluation it organised. The id comes from the organisation and
 * its Idempotency-Key, so a retry is the same evaluation and another unit's key names another one.
 */
export async function recordFreeEvaluation(system: System, directory: RegistryDirectory, principal: Principal, form: RecordFreeEvaluationForm, callerEnvelope: CommandEnvelope) {
  const organiser = organiserOf(principal);
  if (form.evaluationBodyId !== undefined) await assertEvaluationBodyRegistered(system, form.evaluationBodyId);
  const envelope = withinRecordingUnit(principal, callerEnvelope);
  const evaluationId = deterministicUuid(envelope.idempotencyKey, 'free-evaluation');
  const command: RecordFreeEvaluation = { type: 'RecordFreeEvaluation', evaluationId, organiser, ...form, context: contextOf(envelope) };
  const { events, state } = await decideAndAppend({
    store: system.store,
    catalogue: system.catalogue,
    decider: freeEvaluationDecider,
    streamId: toFreeEvaluationStreamId(evaluationId),
    command,
    envelope,
    // An evaluation before the notice took effect is not under it: refused here, naming the field.
    policyVersion: policyVersionOf(directory.policyOn(form.evaluatedOn, 'evaluatedOn')),
  });
  if (state.status !== 'recorded') throw new Error('a recorded evaluation has no state');
  const { certificates: _certificates, status: _status, ...evaluation } = state;
  return { ...evaluation, recorded: events.length > 0 };
}

/**
 * R-CERT-2: names recorded certificates issued from the caller's evaluation, all or nothing. Each new one is reserved
 * on its own stream ('no_stream') in the same atomic append, so a certificate is one evaluation's even when two
 * organisers name it at once: the loser decides again and is told it is another evaluation's.
 */
export async function nameEvaluationCertificates(system: System, directory: RegistryDirectory, principal: Principal, evaluationId: string, form: NameEvaluationCertificatesForm, callerEnvelope: CommandEnvelope) {
  const organiser = organiserOf(principal);
  const envelope = withinRecordingUnit(principal, callerEnvelope);
  const evaluationStream = toFreeEvaluationStreamId(evaluationId);
  const ids = form.certificates.map((c) => c.certificateId.toLowerCase());
  const commandHash = hashCommand({ type: 'NameEvaluationCertificates', evaluationId, organiser, certificates: form.certificates.map((c, i) => ({ ...c, certificateId: ids[i] })) });
  for (let attempt = 1; ; attempt++) {
    const evaluation = await loadStream(system.store, system.catalogue, freeEvaluationDecider, evaluationStream);
    const { state } = evaluation;
    // Before any certificate is read: another organiser learns nothing from this request.
    if (state.status !== 'recorded' || state.organiser.kind !== organiser.kind || state.organiser.id !== organiser.id) throw freeEvaluationErrors.evaluationNotFound(evaluationId);
    const earlier = evaluation.recorded.find((r) => r.eventId === deterministicUuid(envelope.idempotencyKey, evaluationStream, '0'));
    if (earlier) {
      if (earlier.metadata.commandHash !== commandHash) throw idempotencyKeyReused();
      return result(state.evaluationId, state.certificates.length, 0);
    }
    const [facts, reservedFor] = await Promise.all([recordedCertificates(system, ids, (i) => `certificates.${i}.certificateId`), Promise.all(ids.map((id) => reservationOf(system, id)))]);
    const command: NameEvaluationCertificates = {
      type: 'NameEvaluationCertificates',
      evaluationId,
      organiser,
      certificates: form.certificates.map((c, i) => ({ certificateId: ids[i]!, ...(c.firstIssue === undefined ? {} : { firstIssue: c.firstIssue }), recorded: facts[i]!, ...(reservedFor[i] ? { reservedFor: reservedFor[i] } : {}) })),
      context: contextOf(envelope),
    };
    const events = freeEvaluationDecider.decide(command, state);
    if (events.length === 0) return result(state.evaluationId, state.certificates.length, 0);
    const policyVersion = directory.policyVersionOn(state.evaluatedOn);
    const appends: StreamAppend[] = [
      { streamId: evaluationStream, expectedVersion: evaluation.version, events: toEventsToAppend(system.catalogue, envelope, evaluationStream, events, policyVersion, commandHash) },
      ...reservationsFor(events).map((reservation) => {
        const streamId = toEvaluatedCertificateStreamId(reservation.data.certificateId);
        return { streamId, expectedVersion: 'no_stream' as const, events: toEventsToAppend(system.catalogue, envelope, streamId, [reservation], policyVersion, commandHash) };
      }),
    ];
    try {
      await system.store.transaction((tx) => system.store.appendManyIn(tx, appends));
      return result(state.evaluationId, state.certificates.length + events.length, events.length);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

const result = (evaluationId: string, certificatesNamed: number, added: number) => ({ evaluationId, added, certificatesNamed, recorded: added > 0 });

/** The evaluation a certificate is reserved for, if any. */
async function reservationOf(system: System, certificateId: string): Promise<string | undefined> {
  const [first] = await system.store.readStream(toEvaluatedCertificateStreamId(certificateId));
  return first ? (system.catalogue.deserialise(first) as EvaluatedCertificateReserved).data.evaluationId : undefined;
}

async function assertEvaluationBodyRegistered(system: System, evaluationBodyId: string): Promise<void> {
  const { state } = await loadStream(system.store, system.catalogue, evaluationBodyDecider, toEvaluationBodyStreamId(evaluationBodyId));
  if (state.status !== 'registered') {
    throw new DomainError('ORGANISATION.NOT_FOUND', 'no evaluation body with this id is registered: check the id, or leave it out', 'not_found', { kind: 'evaluation body', id: evaluationBodyId }, [
      { field: 'evaluationBodyId', message: 'give a registered evaluation body (R-ORG-1), or leave it out' },
    ]);
  }
}

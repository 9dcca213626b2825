import type { FieldIssue } from '../shared/domain-error';
import { assertNever, type Decider } from '../shared/decider';
import { assertDate, assertNotAfterToday, assertUuid } from '../outcomes/outcomes.rules';
import { CERTIFICATE_TYPE, occupationSchema } from '../outcomes/outcomes-vocabulary';
import { FIRST_ISSUE_TYPES, MAX_CERTIFICATES_PER_NAMING, organiserSchema, type Organiser } from './certification-schemes-vocabulary';
import type { FreeEvaluationCommand, NameEvaluationCertificates, RecordFreeEvaluation } from './free-evaluation.commands';
import * as errors from './free-evaluation.errors';
import type { EvaluatedCertificateReserved, FreeEvaluationCertificateNamed, FreeEvaluationEvent, FreeEvaluationRecorded } from './free-evaluation.events';

export type NamedCertificate = Omit<FreeEvaluationCertificateNamed['data'], 'evaluationId'>;

/** The stream toFreeEvaluationStreamId(evaluationId): one free evaluation and the certificates issued from it (R-CERT-2). */
export type FreeEvaluationState =
  | { readonly status: 'absent' }
  | (FreeEvaluationRecorded['data'] & { readonly status: 'recorded'; readonly certificates: readonly NamedCertificate[] });

export const freeEvaluationDecider: Decider<FreeEvaluationCommand, FreeEvaluationState, FreeEvaluationEvent> = {
  initialState: () => ({ status: 'absent' }),
  decide(command, state) {
    switch (command.type) {
      case 'RecordFreeEvaluation':
        return record(command, state);
      case 'NameEvaluationCertificates':
        return name(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'FreeEvaluationRecorded':
        return { status: 'recorded', ...event.data, certificates: [] };
      case 'FreeEvaluationCertificateNamed': {
        if (state.status !== 'recorded') return state;
        const { evaluationId: _evaluationId, ...named } = event.data;
        return { ...state, certificates: [...state.certificates, named] };
      }
      default:
        return assertNever(event);
    }
  },
};

/** The reservation each newly named certificate takes, appended 'no_stream' in the same atomic append. */
export function reservationsFor(events: readonly FreeEvaluationEvent[]): EvaluatedCertificateReserved[] {
  return events.flatMap((event) =>
    event.type === 'FreeEvaluationCertificateNamed' ? [{ type: 'EvaluatedCertificateReserved' as const, data: { certificateId: event.data.certificateId, evaluationId: event.data.evaluationId } }] : [],
  );
}

function record(command: RecordFreeEvaluation, state: FreeEvaluationState): FreeEvaluationEvent[] {
  assertUuid('FREE_EVALUATION', command.evaluationId, 'evaluationId');
  if (command.evaluationBodyId !== undefined) assertUuid('FREE_EVALUATION', command.evaluationBodyId, 'evaluationBodyId');
  assertDate('FREE_EVALUATION', command.evaluatedOn, 'evaluatedOn');
  assertNotAfterToday('FREE_EVALUATION', command.evaluatedOn, 'evaluatedOn', command.context.now);
  const organiser = organiserSchema.safeParse({ kind: command.organiser.kind, id: command.organiser.id.toLowerCase() });
  if (!organiser.success) throw errors.invalidField('organiser', 'an ENTERPRISE or PROVIDER, by its id');
  const occupation = occupationSchema.safeParse(command.occupation);
  if (!occupation.success) throw errors.invalidField('occupation', 'the occupation (职业/工种) as certificates name it, 1 to 100 characters');
  if (!CERTIFICATE_TYPE.safeParse(command.certificateType).success) throw errors.invalidField('certificateType', `one of ${CERTIFICATE_TYPE.options.join(', ')}`);
  const data: FreeEvaluationRecorded['data'] = {
    evaluationId: command.evaluationId.toLowerCase(),
    organiser: organiser.data,
    occupation: occupation.data,
    certificateType: command.certificateType,
    evaluatedOn: command.evaluatedOn,
    ...(command.evaluationBodyId === undefined ? {} : { evaluationBodyId: command.evaluationBodyId.toLowerCase() }),
    freeOfCharge: command.freeOfCharge,
  };
  if (state.status === 'recorded') {
    // The same evaluation under the same id again is a retry.
    const same =
      sameOrganiser(state.organiser, data.organiser) &&
      state.occupation === data.occupation &&
      state.certificateType === data.certificateType &&
      state.evaluatedOn === data.evaluatedOn &&
      state.evaluationBodyId === data.evaluationBodyId &&
      state.freeOfCharge === data.freeOfCharge;
    if (same) return [];
    throw errors.evaluationIdTaken(data.evaluationId);
  }
  return [{ type: 'FreeEvaluationRecorded', data }];
}

/**
 * R-CERT-2: every certificate must be of the evaluation's occupation and type, issued on or after its day, and not
 * another evaluation's; a person is named once. All or nothing, every problem listed at once; a certificate named
 * here before with the same statement is a retry and adds nothing.
 */
function name(command: NameEvaluationCertificates, state: FreeEvaluationState): FreeEvaluationEvent[] {
  if (state.status !== 'recorded' || !sameOrganiser(state.organiser, command.organiser)) throw errors.evaluationNotFound(command.evaluationId.toLowerCase());
  const { certificates } = command;
  if (certificates.length === 0) throw errors.noCertificates();
  if (certificates.length > MAX_CERTIFICATES_PER_NAMING) throw errors.tooManyCertificates(MAX_CERTIFICATES_PER_NAMING);
  const at = (index: number, field = 'certificateId') => `certificates.${index}.${field}`;
  const ids = certificates.map((c) => c.certificateId.toLowerCase());
  throwIfAny(errors.certificateListedTwice, ids.flatMap((id, i) => (ids.indexOf(id) < i ? [{ field: at(i), message: `the same certificate as certificates.${ids.indexOf(id)}` }] : [])));

  throwIfAny(
    errors.invalidFirstIssue,
    certificates.flatMap((c, i): FieldIssue[] => {
      const special = FIRST_ISSUE_TYPES.has(c.recorded.type);
      if (special && c.firstIssue === undefined) return [{ field: at(i, 'firstIssue'), message: 'say whether this special operation or equipment certificate is a first issue (初次取证), not a review or renewal' }];
      if (!special && c.firstIssue !== undefined) return [{ field: at(i, 'firstIssue'), message: 'only special operation and equipment certificates have a first issue: leave it out' }];
      return [];
    }),
  );

  throwIfAny(
    errors.notFromEvaluation,
    certificates.flatMap((c, i): FieldIssue[] => {
      const { recorded } = c;
      if (recorded.type !== state.certificateType) return [{ field: at(i), message: `a ${recorded.type} certificate: this evaluation issues ${state.certificateType} certificates` }];
      if (recorded.occupation !== state.occupation) return [{ field: at(i), message: 'a certificate of another occupation than the evaluation\'s' }];
      if (recorded.issuedOn < state.evaluatedOn) return [{ field: at(i), message: `issued on ${recorded.issuedOn}, before the evaluation of ${state.evaluatedOn}` }];
      return [];
    }),
  );

  throwIfAny(
    errors.inAnotherEvaluation,
    certificates.flatMap((c, i) => (c.reservedFor !== undefined && c.reservedFor.toLowerCase() !== state.evaluationId ? [{ field: at(i), message: 'this certificate is named for another evaluation' }] : [])),
  );

  const existing = new Map(state.certificates.map((c) => [c.certificateId, c]));
  throwIfAny(
    errors.namedDifferently,
    certificates.flatMap((c, i) => {
      const before = existing.get(ids[i]!);
      return before && before.firstIssue !== c.firstIssue ? [{ field: at(i, 'firstIssue'), message: `named before with firstIssue ${String(before.firstIssue)}` }] : [];
    }),
  );

  const fresh = certificates.filter((_, i) => !existing.has(ids[i]!));
  const holders = new Map(state.certificates.map((c) => [c.labourerId, c.certificateId]));
  throwIfAny(
    errors.personAlreadyNamed,
    fresh.flatMap((c) => {
      const i = certificates.indexOf(c);
      const holder = c.recorded.labourerId.toLowerCase();
      const other = holders.get(holder);
      holders.set(holder, ids[i]!);
      return other !== undefined ? [{ field: at(i), message: 'the holder of this certificate is named for this evaluation with another certificate' }] : [];
    }),
  );

  return fresh.map((c) => {
    const { recorded } = c;
    return {
      type: 'FreeEvaluationCertificateNamed',
      data: {
        evaluationId: state.evaluationId,
        certificateId: c.certificateId.toLowerCase(),
        labourerId: recorded.labourerId.toLowerCase(),
        ...(recorded.level === undefined ? {} : { level: recorded.level }),
        issuedOn: recorded.issuedOn,
        ...(c.firstIssue === undefined ? {} : { firstIssue: c.firstIssue }),
      },
    };
  });
}

function throwIfAny(error: (issues: readonly FieldIssue[]) => Error, issues: readonly FieldIssue[]): void {
  if (issues.length > 0) throw error(issues);
}

const sameOrganiser = (a: Organiser, b: Organiser) => a.kind === b.kind && a.id === b.id.toLowerCase();

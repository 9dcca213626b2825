import { given } from '../shared/testing/given-when-then';
import type { CertificateToName, NameEvaluationCertificates, RecordFreeEvaluation } from './free-evaluation.commands';
import { freeEvaluationDecider, reservationsFor } from './free-evaluation.decider';
import type { FreeEvaluationEvent } from './free-evaluation.events';

const EVALUATION = '0c8d7e1f-1111-4a2b-8c3d-000000000001';
const OTHER_EVALUATION = '0c8d7e1f-1111-4a2b-8c3d-000000000002';
const ENTERPRISE = '0c8d7e1f-2222-4a2b-8c3d-000000000001';
const PROVIDER = '0c8d7e1f-2222-4a2b-8c3d-000000000002';
const BODY = '0c8d7e1f-3333-4a2b-8c3d-000000000001';
const [ANNA, BO] = ['0c8d7e1f-4444-4a2b-8c3d-000000000001', '0c8d7e1f-4444-4a2b-8c3d-000000000002'];
const [CERT_A, CERT_B, CERT_C] = ['0c8d7e1f-5555-4a2b-8c3d-000000000001', '0c8d7e1f-5555-4a2b-8c3d-000000000002', '0c8d7e1f-5555-4a2b-8c3d-000000000003'];
// 2021-06-30 noon in Shanghai.
const context = { actor: 'organiser-clerk', now: '2021-06-30T04:00:00.000Z' };
const organiser = { kind: 'ENTERPRISE' as const, id: ENTERPRISE };

const recordCommand = (overrides: Partial<RecordFreeEvaluation> = {}): RecordFreeEvaluation => ({
  type: 'RecordFreeEvaluation',
  evaluationId: EVALUATION,
  organiser,
  occupation: '电工',
  certificateType: 'SKILL_LEVEL',
  evaluatedOn: '2021-05-20',
  evaluationBodyId: BODY,
  freeOfCharge: true,
  context,
  ...overrides,
});
const recorded = (overrides: Record<string, unknown> = {}): FreeEvaluationEvent => ({
  type: 'FreeEvaluationRecorded',
  data: { evaluationId: EVALUATION, organiser, occupation: '电工', certificateType: 'SKILL_LEVEL', evaluatedOn: '2021-05-20', evaluationBodyId: BODY, freeOfCharge: true, ...overrides } as never,
});
const toName = (certificateId: string, labourerId: string, overrides: Partial<CertificateToName> = {}, facts: Partial<CertificateToName['recorded']> = {}): CertificateToName => ({
  certificateId,
  recorded: { labourerId, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '电工', issuedOn: '2021-06-10', ...facts },
  ...overrides,
});
const nameCommand = (certificates: CertificateToName[], overrides: Partial<NameEvaluationCertificates> = {}): NameEvaluationCertificates => ({ type: 'NameEvaluationCertificates', evaluationId: EVALUATION, organiser, certificates, context, ...overrides });
const named = (certificateId: string, labourerId: string, overrides: Record<string, unknown> = {}): FreeEvaluationEvent => ({
  type: 'FreeEvaluationCertificateNamed',
  data: { evaluationId: EVALUATION, certificateId, labourerId, level: 'JUNIOR', issuedOn: '2021-06-10', ...overrides } as never,
});

describe('R-CERT-2 free evaluations', () => {
  it('R-CERT-2 records a free evaluation; the same again is a retry, other facts under its id a conflict', () => {
    given(freeEvaluationDecider).when(recordCommand({ occupation: ' 电工 ' })).then([recorded()]);
    given(freeEvaluationDecider, [recorded()]).when(recordCommand()).thenNothingHappens();
    given(freeEvaluationDecider, [recorded()]).when(recordCommand({ freeOfCharge: false })).thenThrows('FREE_EVALUATION.ID_TAKEN');
  });

  it('R-CERT-2 refuses an evaluation dated after today (1 July on 30 June)', () => {
    expect(given(freeEvaluationDecider).when(recordCommand({ evaluatedOn: '2021-07-01' })).thenThrows('FREE_EVALUATION.DATE_IN_FUTURE').issues[0]!.field).toBe('evaluatedOn');
  });
});

describe('R-CERT-2 certificates issued from a free evaluation', () => {
  it('R-CERT-2 names certificates with their holder, level and issue day copied from the records, and reserves each', () => {
    const events = given(freeEvaluationDecider, [recorded()])
      .when(nameCommand([toName(CERT_A, ANNA), toName(CERT_B, BO, {}, { level: 'SENIOR', issuedOn: '2021-05-20' })]))
      .then([named(CERT_A, ANNA), named(CERT_B, BO, { level: 'SENIOR', issuedOn: '2021-05-20' })]);
    expect(reservationsFor(events)).toEqual([
      { type: 'EvaluatedCertificateReserved', data: { certificateId: CERT_A, evaluationId: EVALUATION } },
      { type: 'EvaluatedCertificateReserved', data: { certificateId: CERT_B, evaluationId: EVALUATION } },
    ]);
  });

  it("R-CERT-2 another organiser's evaluation is not found, and so is one never recorded", () => {
    given(freeEvaluationDecider, [recorded()]).when(nameCommand([toName(CERT_A, ANNA)], { organiser: { kind: 'PROVIDER', id: PROVIDER } })).thenThrows('FREE_EVALUATION.NOT_FOUND');
    given(freeEvaluationDecider, [recorded()]).when(nameCommand([toName(CERT_A, ANNA)], { organiser: { kind: 'PROVIDER', id: ENTERPRISE } })).thenThrows('FREE_EVALUATION.NOT_FOUND');
    given(freeEvaluationDecider).when(nameCommand([toName(CERT_A, ANNA)])).thenThrows('FREE_EVALUATION.NOT_FOUND');
  });

  it('R-CERT-2 refuses, all at once, certificates of another type or occupation, or issued the day before the evaluation', () => {
    const error = given(freeEvaluationDecider, [recorded()])
      .when(
        nameCommand([
          toName(CERT_A, ANNA, {}, { type: 'SPECIAL_ABILITY', level: undefined }),
          toName(CERT_B, BO, {}, { occupation: '焊工' }),
          toName(CERT_C, '0c8d7e1f-4444-4a2b-8c3d-000000000003', {}, { issuedOn: '2021-05-19' }),
        ]),
      )
      .thenThrows('FREE_EVALUATION.CERTIFICATE_NOT_FROM_EVALUATION');
    expect(error.kind).toBe('rule');
    expect(error.issues.map((i) => i.field)).toEqual(['certificates.0.certificateId', 'certificates.1.certificateId', 'certificates.2.certificateId']);
    expect(error.issues[2]!.message).toBe('issued on 2021-05-19, before the evaluation of 2021-05-20');
  });

  it('R-CERT-2 a special operation certificate needs the first-issue statement; other types must leave it out', () => {
    const special = [recorded({ certificateType: 'SPECIAL_OPERATION' })];
    const facts = { type: 'SPECIAL_OPERATION' as const, level: undefined };
    given(freeEvaluationDecider, special).when(nameCommand([toName(CERT_A, ANNA, {}, facts)])).thenThrows('FREE_EVALUATION.INVALID_FIRST_ISSUE');
    given(freeEvaluationDecider, special).when(nameCommand([toName(CERT_A, ANNA, { firstIssue: false }, facts)])).then([named(CERT_A, ANNA, { level: undefined, firstIssue: false })]);
    given(freeEvaluationDecider, [recorded()]).when(nameCommand([toName(CERT_A, ANNA, { firstIssue: true })])).thenThrows('FREE_EVALUATION.INVALID_FIRST_ISSUE');
  });

  it('R-CERT-2 R-CLAIM-2 a certificate reserved for another evaluation is refused; one reserved for this one and named alike is a retry', () => {
    const error = given(freeEvaluationDecider, [recorded()]).when(nameCommand([toName(CERT_A, ANNA, { reservedFor: OTHER_EVALUATION })])).thenThrows('FREE_EVALUATION.CERTIFICATE_IN_ANOTHER_EVALUATION');
    expect(error.kind).toBe('conflict');
    given(freeEvaluationDecider, [recorded(), named(CERT_A, ANNA)]).when(nameCommand([toName(CERT_A, ANNA, { reservedFor: EVALUATION })])).thenNothingHappens();
    // A retry with one more certificate adds only the new one.
    given(freeEvaluationDecider, [recorded(), named(CERT_A, ANNA)]).when(nameCommand([toName(CERT_A, ANNA, { reservedFor: EVALUATION }), toName(CERT_B, BO)])).then([named(CERT_B, BO)]);
  });

  it('R-CERT-2 a person is named once an evaluation: a second certificate of the same holder is refused, in the records or in the request', () => {
    given(freeEvaluationDecider, [recorded(), named(CERT_A, ANNA)]).when(nameCommand([toName(CERT_B, ANNA)])).thenThrows('FREE_EVALUATION.PERSON_ALREADY_NAMED');
    const error = given(freeEvaluationDecider, [recorded()]).when(nameCommand([toName(CERT_A, ANNA), toName(CERT_B, ANNA)])).thenThrows('FREE_EVALUATION.PERSON_ALREADY_NAMED');
    expect(error.issues.map((i) => i.field)).toEqual(['certificates.1.certificateId']);
  });

  it('R-CERT-2 the same certificate twice in one request, or none, is bad input', () => {
    given(freeEvaluationDecider, [recorded()]).when(nameCommand([toName(CERT_A, ANNA), toName(CERT_A.toUpperCase(), ANNA)])).thenThrows('FREE_EVALUATION.CERTIFICATE_LISTED_TWICE');
    given(freeEvaluationDecider, [recorded()]).when(nameCommand([])).thenThrows('FREE_EVALUATION.NO_CERTIFICATES');
  });
});

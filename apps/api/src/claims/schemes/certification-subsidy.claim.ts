import {
  FIRST_ISSUE_TYPES,
  certificateDecider,
  firstIssueOf,
  freeEvaluationDecider,
  toCertificateStreamId,
  toFreeEvaluationStreamId,
  type ClaimLine,
  type FirstIssue,
  type FreeEvaluationState,
  type HeldCertificate,
  type NamedCertificate,
} from '@skills/domain';
import { calculateCertificationSubsidy } from '@skills/policy';
import { loadStream, type System } from '@skills/platform';
import { findLabourerOutcomeIds } from '@skills/projections';
import { awaitReadModel } from './await-read-model';
import type { ClaimSource } from './claim-source';
import { factLinesOf, factsToClaim, latestPolicyVersion, subjectNotFound } from './fact-lines';

type Evaluation = Extract<FreeEvaluationState, { status: 'recorded' }>;

/**
 * R-CERT-2 certification subsidy, claimed by the organiser of a free evaluation (subject EVALUATION) and paid to it:
 * one line a certificate named for the evaluation, keyed by the evaluation and the holder (R-CLAIM-2; a certificate
 * is one evaluation's and a person is named once, so the key is the certificate's). Without a period the claim takes
 * the certificates no claim holds yet, so certificates named later are claimed later. Levels the policy does not
 * price are NO_RULE lines for a reviewer (R-CLAIM-4). No outcome gate applies.
 */
export const certificationSubsidyClaim: ClaimSource = {
  scheme: 'R-CERT-2',
  subjectKind: 'EVALUATION',
  async compute(system, directory, request) {
    const { organisation } = request.submitter;
    const { state } = await loadStream(system.store, system.catalogue, freeEvaluationDecider, toFreeEvaluationStreamId(request.subject.id));
    if (state.status !== 'recorded' || state.organiser.kind !== organisation.kind || state.organiser.id !== organisation.id) {
      throw subjectNotFound(request, 'your organisation recorded no free evaluation with this id: check the evaluation id');
    }
    const period = { from: state.evaluatedOn, to: state.evaluatedOn };
    const named = state.certificates.map((c) => ({ ...c, period, name: c.certificateId }));
    const { facts, period: claimed } = await factsToClaim(system, request, named, 'certificate named for this evaluation');
    const firstIssues = await firstIssuesOf(system, state, facts);
    const policy = directory.policyOn(state.evaluatedOn, 'period');
    const lines = facts.flatMap((fact) => {
      const first = firstIssues.get(fact.certificateId);
      const calculation = calculateCertificationSubsidy({
        policy,
        serviceDate: state.evaluatedOn,
        organiser: state.organiser,
        certificates: [
          {
            certificateId: fact.certificateId,
            labourerId: fact.labourerId,
            type: state.certificateType,
            ...(fact.level === undefined ? {} : { level: fact.level }),
            ...(first ? { firstIssue: first.firstIssue } : {}),
            evaluationFree: state.freeOfCharge,
          },
        ],
      });
      const inputs = { occupation: state.occupation, issuedOn: fact.issuedOn, ...(fact.firstIssue === undefined ? {} : { firstIssueStated: fact.firstIssue }), ...(first?.earlierCertificateId ? { earlierCertificateId: first.earlierCertificateId } : {}) };
      return factLinesOf(calculation, request, fact).map((line): ClaimLine => ({ ...line, explanation: { ...line.explanation, inputs: { ...line.explanation.inputs, ...inputs } } }));
    });
    return { period: claimed, gates: [], lines, policyVersion: latestPolicyVersion(lines) };
  },
};

/**
 * R-CERT-2 first issue of the special operation and equipment certificates: the organiser's statement, contradicted
 * by an earlier certificate of the same type and occupation in the person's records (firstIssueOf). The person's
 * certificates are found through the cohort-outcomes read model, caught up first, and read from their streams.
 */
async function firstIssuesOf(system: System, evaluation: Evaluation, facts: readonly NamedCertificate[]): Promise<Map<string, FirstIssue>> {
  const result = new Map<string, FirstIssue>();
  if (!FIRST_ISSUE_TYPES.has(evaluation.certificateType) || facts.length === 0) return result;
  await awaitReadModel(system, 'cohort-outcomes');
  for (const fact of facts) {
    const { certificateIds } = await findLabourerOutcomeIds(system.db, fact.labourerId);
    const held = (await Promise.all(certificateIds.map((id) => heldCertificate(system, id)))).flatMap((h) => (h ? [h] : []));
    const self: HeldCertificate = { certificateId: fact.certificateId, type: evaluation.certificateType, occupation: evaluation.occupation, issuedOn: fact.issuedOn };
    result.set(fact.certificateId, firstIssueOf(fact.firstIssue ?? false, self, held));
  }
  return result;
}

async function heldCertificate(system: System, certificateId: string): Promise<HeldCertificate | undefined> {
  const { state } = await loadStream(system.store, system.catalogue, certificateDecider, toCertificateStreamId(certificateId));
  return state.status === 'recorded' ? { certificateId: state.certificateId, type: state.type, occupation: state.occupation, issuedOn: state.issuedOn } : undefined;
}

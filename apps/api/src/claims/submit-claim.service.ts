import { DomainError, shanghaiDateOf, type SubmittedClaim } from '@skills/domain';
import { deterministicUuid, hashCommand, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import type { RegistryDirectory } from '../registry/registry-directory';
import { appendClaim } from './append-claim';
import { submitterOf } from './claim-access';
import type { SubmitClaimForm } from './claim-forms';
import { claimSourceFor } from './schemes/claim-sources';

/**
 * R-CLAIM-1: a claim for one scheme and one subject by the caller's organisation, its lines computed by the
 * scheme's source from recorded events. The claim id comes from the Idempotency-Key.
 */
export async function submitClaim(
  system: System,
  directory: RegistryDirectory,
  principal: Principal,
  form: SubmitClaimForm,
  envelope: CommandEnvelope,
): Promise<{ claim: SubmittedClaim; alreadySubmitted: boolean }> {
  const submitter = submitterOf(principal);
  const source = claimSourceFor(form.scheme);
  if (form.subject.kind !== source.subjectKind) {
    throw new DomainError('CLAIM.WRONG_SUBJECT', `${form.scheme} is claimed for a ${source.subjectKind}`, 'validation', { ruleId: form.scheme }, [
      { field: 'subject.kind', message: `must be ${source.subjectKind} for ${form.scheme}` },
    ]);
  }
  const claimId = deterministicUuid(envelope.idempotencyKey, 'claim');
  const subject = { kind: form.subject.kind, id: form.subject.id.toLowerCase() };
  // What the request asks for, and for whom; not the computed lines, which a later retry could compute otherwise.
  const commandHash = hashCommand({ type: 'SubmitClaim', scheme: form.scheme, subject, period: form.period ?? null, organisation: submitter.organisation });
  const request = { claimId, scheme: form.scheme, subject, ...(form.period ? { period: form.period } : {}), submitter, today: shanghaiDateOf(envelope.now) };
  return appendClaim(system, envelope, { claimId, scheme: form.scheme, subject, submitter, commandHash }, () => source.compute(system, directory, request));
}

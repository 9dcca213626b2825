import { claimNoticeDecider, fold, toClaimNoticeStreamId, type ClaimNoticeEvent, type LodgedObjection } from '@skills/domain';
import type { SealedTexts } from '@skills/personal-data';
import { OBJECTION_STATEMENT, lodgeObjection, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { isBureau } from '../training/cohort-access';
import type { ClaimFileAccess } from '../claim-records/claim-file-access';
import type { LodgeObjectionForm } from './notice-forms';

/**
 * R-CLAIM-3: any account lodges an objection during the notice period; it sends the claim back to review in the same
 * transaction (lodgeObjection). The answer names the objection, never the statement.
 */
export async function objectTo(system: System, statements: SealedTexts, claimId: string, form: LodgeObjectionForm, envelope: CommandEnvelope) {
  const { objection, alreadyLodged } = await lodgeObjection(
    { store: system.store, catalogue: system.catalogue, fingerprintKey: system.secrets.fingerprintKey, statements },
    claimId,
    { reason: form.reason, lineIds: form.lineIds, statement: form.statement },
    envelope,
  );
  const { statement, lodgedBy: _lodgedBy, ...shown } = objection;
  return { ...shown, statementLength: statement.length, claimStatus: 'READY_FOR_REVIEW' as const, alreadyLodged };
}

/**
 * The objections to a claim, every notice round's, oldest first, for the bureau and the claim's own organisation. Who
 * objected is for the bureau only (an objector must not fear the payee); the statement for the roles that see
 * personal data (null once shredded).
 */
export async function listObjections(system: System, statements: SealedTexts, principal: Principal, access: ClaimFileAccess) {
  const recorded = await system.store.readStream(toClaimNoticeStreamId(access.claimId));
  const { objections } = fold(claimNoticeDecider, recorded.map((r) => system.catalogue.deserialise(r) as ClaimNoticeEvent));
  const bureau = isBureau(principal);
  const texts = bureau && access.readsTexts ? await statements.getMany(OBJECTION_STATEMENT, objections.map((o) => o.objectionId)) : undefined;
  return { claimId: access.claimId, items: objections.map((o) => viewOf(o, bureau, texts)) };
}

function viewOf(objection: LodgedObjection, bureau: boolean, texts: Map<string, string> | undefined) {
  const { statement, lodgedBy, ...shown } = objection;
  return { ...shown, statementLength: statement.length, ...(bureau ? { lodgedBy } : {}), ...(texts ? { statement: texts.get(objection.objectionId) ?? null } : {}) };
}

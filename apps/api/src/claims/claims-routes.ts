import type { ApiRoute } from '../docs/api-route';
import { CLAIM_SUBMITTERS, CLAIM_VIEWERS } from './claim-access';
import { ClaimListQuery, SubmitClaimForm } from './claim-forms';

const common = { 400: 'Invalid input: every bad field is listed with how to fix it', 401: 'Not logged in', 403: 'Role not allowed, or the account has no organisation' };

/** R-CLAIM-1, R-CLAIM-2 for the OpenAPI document. */
export const CLAIMS_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/api/claims',
    tag: 'claims',
    summary: 'R-CLAIM-1 R-CLAIM-2 Submit a claim for one scheme and one subject (every scheme of the notice: a COHORT for R-FREE-3..8, R-ENT-1, R-ENT-2; a PERSON for R-ENT-3, R-CERT-3; an ENTERPRISE for R-ENT-4; a STUDIO, a BRAND for R-AWARD-1, R-AWARD-2; an EVALUATION for R-CERT-2); lines computed from recorded events, status by R-GATE-4',
    roles: CLAIM_SUBMITTERS,
    body: SubmitClaimForm,
    idempotent: true,
    responses: {
      ...common,
      201: 'Submitted: lines with explanations, gates, status READY_FOR_REVIEW, WAITING_ON_OUTCOMES or BLOCKED',
      200: 'Retry of an earlier submission with the same Idempotency-Key: the same claim',
      404: 'No such subject (cohort, person, enterprise, studio, brand, evaluation) of yours',
      409: 'Already claimed for these people (R-CLAIM-2, people in details), cohort not completed, or the latest records still being processed',
      422: 'Scheme not open yet or not for this programme, every line refused, or the Idempotency-Key reused for another request',
    },
  },
  { method: 'get', path: '/api/claims', tag: 'claims', summary: 'Claims visible to you (a provider or an enterprise: its own; a subdistrict officer: its unit\'s organisations\'), newest first; status follows the review (R-CLAIM-3)', roles: CLAIM_VIEWERS, query: ClaimListQuery, responses: { ...common, 200: 'A page of claims with status, total and `overridden` (R-CLAIM-4: an approved override changed it); R-GATE-4 late changes: `lateFlagsOpen`, `latestLateFlagSequence`, `adjustmentClaimIds`, and on an adjustment claim `adjusts`, `reviewFlag` and `clawbackFen`' } },
  { method: 'get', path: '/api/claims/:claimId', tag: 'claims', summary: 'R-GATE-5 R-CLAIM-4 R-GATE-4 One claim: lines with their explanations (inputs, rule, arithmetic, cap, policy version), the gates as they stood, its override flags, its late-change flags and the adjustment claims raised for it; an adjustment claim shows its TOP_UP and CLAWBACK lines and the claim it adjusts; `status` and `review` follow the review (R-CLAIM-3)', roles: CLAIM_VIEWERS, responses: { ...common, 200: 'The claim', 403: 'Another organisation\'s claim (or, for a subdistrict officer, of an organisation outside its unit)', 404: 'No such claim' } },
];

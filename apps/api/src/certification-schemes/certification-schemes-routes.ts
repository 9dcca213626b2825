import type { ApiRoute } from '../docs/api-route';
import { ORGANISERS, UPGRADE_EMPLOYERS } from './certification-scheme-access';
import { NameEvaluationCertificatesForm, RecordFreeEvaluationForm, RecordUpgradeTrainingForm } from './certification-scheme-forms';

const common = { 400: 'Invalid input: every bad field is listed with how to fix it', 401: 'Not logged in', 403: 'Role not allowed, or the account has no provider or enterprise' };
const written = { 201: 'Recorded', 200: 'Recorded before (a retry): nothing changed' };

/** The facts of R-CERT-2 and R-CERT-3, for the OpenAPI document. Claims go through POST /api/claims. */
export const CERTIFICATION_SCHEME_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/api/free-evaluations',
    tag: 'certification schemes',
    summary: 'R-CERT-2 Your enterprise or institution organised labourers to take an evaluation free of charge: its occupation, certificate type, day and (if registered) evaluation body',
    roles: ORGANISERS,
    body: RecordFreeEvaluationForm,
    idempotent: true,
    responses: { ...common, ...written, 404: 'No such evaluation body', 409: 'Another evaluation has this Idempotency-Key' },
  },
  {
    method: 'post',
    path: '/api/free-evaluations/:evaluationId/certificates',
    tag: 'certification schemes',
    summary:
      'R-CERT-2 Recorded certificates issued from your evaluation (its occupation and type, issued on or after its day), one a person, all or nothing; `firstIssue` (初次取证) for special operation and equipment certificates only',
    roles: ORGANISERS,
    body: NameEvaluationCertificatesForm,
    idempotent: true,
    responses: {
      ...common,
      201: 'Named (`added` new ones)',
      200: 'Named before (a retry)',
      404: 'Your organisation has no such evaluation, or a listed id names no certificate (each listed)',
      409: 'CERTIFICATE_IN_ANOTHER_EVALUATION, PERSON_ALREADY_NAMED or CERTIFICATE_NAMED_DIFFERENTLY (each listed)',
      422: 'CERTIFICATE_NOT_FROM_EVALUATION: another type or occupation, or issued before the evaluation (each listed)',
    },
  },
  {
    method: 'post',
    path: '/api/upgrade-trainings',
    tag: 'certification schemes',
    summary:
      "R-CERT-3 Your employee obtained a recorded certificate through on-the-job upgrade training; the months of unemployment insurance on the certificate's issue day, from the social-insurance record (its document reference)",
    roles: UPGRADE_EMPLOYERS,
    body: RecordUpgradeTrainingForm,
    idempotent: true,
    responses: {
      ...common,
      ...written,
      404: 'No such card, or no certificate of this person has this id',
      409: 'CERTIFICATE_ALREADY_RECORDED by another enterprise, or RECORDED_DIFFERENTLY by yours',
      422: 'CERTIFICATE_HAS_NO_LEVEL: R-CERT-3 pays qualification and skill-level certificates by level',
    },
  },
];

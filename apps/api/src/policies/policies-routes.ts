import { policyDocumentSchema } from '@skills/policy';
import type { ApiRoute } from '../docs/api-route';
import { BUREAU_ROLES } from '../training/cohort-access';

const common = { 401: 'Not logged in', 403: 'Role not allowed' };

/** R-CLAIM-1 policy versions for the OpenAPI document. */
export const POLICY_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/api/policies',
    tag: 'policies',
    summary: 'R-CLAIM-1 Publish a policy version (the whole document); never edited afterwards, the newest effectiveFrom wins on each day',
    roles: ['ADMIN'],
    body: policyDocumentSchema,
    idempotent: true,
    responses: {
      ...common,
      201: 'Published: id, version, effective dates, content hash',
      200: 'This exact version was already published (a retry): nothing stored',
      400: 'Idempotency-Key is not a UUID',
      409: 'The version is built in, or published with another content: publish the next version number (nextVersion in details)',
      422: 'The document is invalid (every bad field listed by path) or its version number is not the next one; nothing stored',
    },
  },
  { method: 'get', path: '/api/policies', tag: 'policies', summary: 'Every policy version (built-in ones marked) and which is in force when', roles: BUREAU_ROLES, responses: { ...common, 200: 'Versions and timeline' } },
  { method: 'get', path: '/api/policies/:policyVersion', tag: 'policies', summary: 'One policy version (such as JCCQ-2020-12.v1) with its whole document', roles: BUREAU_ROLES, responses: { ...common, 200: 'The version and its document', 404: 'No such version' } },
];

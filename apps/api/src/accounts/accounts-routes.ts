import type { ApiRoute } from '../docs/api-route';
import { AccountListQuery } from './account-list';

/** Accounts for the OpenAPI document. */
export const ACCOUNT_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/accounts',
    tag: 'review',
    summary: 'R-CLAIM-3 The accounts holding a review role (role=REVIEWER or APPROVER), to give a queued claim to one of them: ids and usernames only',
    roles: ['ADMIN'],
    query: AccountListQuery,
    responses: { 200: '{ items: [{ userId, username }] } by username', 400: 'role missing or not REVIEWER or APPROVER', 401: 'Not logged in', 403: 'Role not allowed: administrators only' },
  },
];

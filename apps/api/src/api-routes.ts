import { LabourerSearchQuery } from './registry/labourers/labourer-search';
import { ChangeGroupsForm, LabourerForm } from './registry/labourers/labourer-form';
import { ImportQuery } from './registry/labourers/labourers.controller';
import { EnterpriseChangeForm, EnterpriseForm, EvaluationBodyForm, OrganisationListQuery, ProviderForm, RenewQualificationForm } from './registry/organisations/organisation-forms';
import { RegistrationFundingQuery } from './registry/funding/registration-funding.controller';
import { LoginRequest } from './auth/login.controller';
import type { ApiRoute } from './docs/api-route';
import { REGISTRARS, REGISTRY_READERS } from './http/access.decorators';
import { CSV_TYPE, XLSX_TYPE } from './http/upload-parsers';
import { TRAINING_ROUTES } from './training/training-routes';
import { OUTCOMES_ROUTES } from './outcomes/outcomes-routes';
import { OUTCOME_RATES_ROUTES } from './outcome-rates/outcome-rates-routes';
import { COHORT_QUERY_ROUTES } from './cohort-queries/cohort-queries-api';
import { COHORT_RECORD_ROUTES } from './cohort-records/cohort-records-routes';
import { CLAIMS_ROUTES } from './claims/claims-routes';
import { OVERRIDES_ROUTES } from './claims/overrides-routes';
import { REVIEW_ROUTES } from './claims/review-routes';
import { CLAIM_PAYOUTS_ROUTES } from './claims/claim-payouts-routes';
import { CLAIM_PAYOUT_DECISION_ROUTES } from './claims/claim-payout-decisions-routes';
import { PAYOUT_EXPORT_ROUTES } from './payouts/payout-export-routes';
import { PAYEE_BANK_ACCOUNT_ROUTES } from './payouts/payee-bank-account-routes';
import { PAYOUT_RECONCILIATION_ROUTES } from './payouts/payout-reconciliation-routes';
import { POLICY_ROUTES } from './policies/policies-routes';
import { SIMULATION_ROUTES } from './policies/simulations-routes';
import { ENTERPRISE_SCHEME_ROUTES } from './enterprise-schemes/enterprise-schemes-routes';
import { CERTIFICATION_SCHEME_ROUTES } from './certification-schemes/certification-schemes-routes';
import { NOTICE_ROUTES } from './notices/notices-routes';
import { CLAIM_RECORD_ROUTES } from './claim-records/claim-records-routes';
import { TARGET_ROUTES } from './targets/targets-routes';
import { EVALUATION_ROUTES } from './evaluation/evaluation-routes';
import { ACCOUNT_ROUTES } from './accounts/accounts-routes';

const READERS = REGISTRY_READERS;
const common = { 400: 'Invalid input: every bad field is listed with how to fix it', 401: 'Not logged in', 403: 'Role not allowed' };

/** Every route, for the OpenAPI document at /api/docs. */
export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'get', path: '/health', tag: 'system', summary: 'Database status and projection lag', responses: { 200: 'Up', 503: 'Database down' } },
  { method: 'post', path: '/api/auth/login', tag: 'auth', summary: 'Exchange a username and password for a bearer token', body: LoginRequest, responses: { 200: 'Token', 401: 'Wrong username or password' } },
  { method: 'post', path: '/api/labourers', tag: 'registry', summary: 'R-REG-1 Register a labourer (one card per ID number)', roles: REGISTRARS, body: LabourerForm, idempotent: true, responses: { ...common, 201: 'Registered', 200: 'Retry of an earlier registration', 409: 'This person already has a card (existingLabourerId in details)', 422: 'A policy rule broke (age, unknown subdistrict)' } },
  { method: 'get', path: '/api/labourers', tag: 'registry', summary: 'Search cards by subdistrict, category, key group (scoped to the caller)', roles: READERS, query: LabourerSearchQuery, responses: { ...common, 200: 'A page of cards' } },
  { method: 'get', path: '/api/labourers/:labourerId', tag: 'registry', summary: 'One card; ID number and name masked unless the role may see them', roles: READERS, responses: { ...common, 200: 'The card', 404: 'No such card visible to you' } },
  { method: 'patch', path: '/api/labourers/:labourerId/groups', tag: 'registry', summary: 'R-REG-4 Change key groups, flags and insurance months', roles: REGISTRARS, body: ChangeGroupsForm, idempotent: true, responses: { ...common, 200: 'Changed', 404: 'No such card visible to you' } },
  { method: 'post', path: '/api/labourers/:labourerId/erase', tag: 'registry', summary: 'Erase a person (crypto-shredding); counts stay', roles: ['ADMIN'], idempotent: true, responses: { ...common, 200: 'Erased' } },
  { method: 'post', path: '/api/labourers/imports', tag: 'registry', summary: 'Bulk import from CSV or XLSX with a per-row report (?mode=all_or_nothing|valid_rows_only)', roles: REGISTRARS, rawBody: [CSV_TYPE, XLSX_TYPE], query: ImportQuery, idempotent: true, responses: { ...common, 200: 'Imported (report)', 422: 'Rejected, nothing saved (report)' } },
  { method: 'get', path: '/api/registration-funding', tag: 'registry', summary: 'R-REG-3 Registration funding per registering unit for a period', roles: ['ADMIN', 'REVIEWER', 'APPROVER', 'FINANCE', 'EVALUATOR'], query: RegistrationFundingQuery as never, responses: { ...common, 200: 'Lines per unit with explanations' } },
  { method: 'post', path: '/api/providers', tag: 'organisations', summary: 'R-ORG-1 Register a training provider', roles: ['ADMIN'], body: ProviderForm, idempotent: true, responses: { ...common, 201: 'Registered' } },
  { method: 'put', path: '/api/providers/:providerId/qualification', tag: 'organisations', summary: 'R-ORG-1 Renew a provider qualification', roles: ['ADMIN'], body: RenewQualificationForm, idempotent: true, responses: { ...common, 200: 'Renewed', 404: 'No such provider' } },
  { method: 'post', path: '/api/enterprises', tag: 'organisations', summary: 'R-ORG-1 Register an enterprise', roles: ['ADMIN'], body: EnterpriseForm, idempotent: true, responses: { ...common, 201: 'Registered' } },
  { method: 'put', path: '/api/enterprises/:enterpriseId', tag: 'organisations', summary: 'Change headcount or insured status from a date', roles: ['ADMIN'], body: EnterpriseChangeForm, idempotent: true, responses: { ...common, 200: 'Changed' } },
  { method: 'post', path: '/api/evaluation-bodies', tag: 'organisations', summary: 'R-ORG-1 Register an evaluation body', roles: ['ADMIN'], body: EvaluationBodyForm, idempotent: true, responses: { ...common, 201: 'Registered' } },
  { method: 'get', path: '/api/organisations', tag: 'organisations', summary: 'List organisations by kind and subdistrict', roles: READERS, query: OrganisationListQuery, responses: { ...common, 200: 'Organisations' } },
  { method: 'get', path: '/api/subdistricts', tag: 'organisations', summary: 'R-REG-5 The units of the task table', roles: READERS, responses: { ...common, 200: 'Subdistricts' } },
  ...TRAINING_ROUTES,
  ...OUTCOMES_ROUTES,
  ...OUTCOME_RATES_ROUTES,
  ...COHORT_QUERY_ROUTES,
  ...COHORT_RECORD_ROUTES,
  ...CLAIMS_ROUTES,
  ...OVERRIDES_ROUTES,
  ...REVIEW_ROUTES,
  ...CLAIM_PAYOUTS_ROUTES,
  ...CLAIM_PAYOUT_DECISION_ROUTES,
  ...PAYOUT_EXPORT_ROUTES,
  ...PAYEE_BANK_ACCOUNT_ROUTES,
  ...PAYOUT_RECONCILIATION_ROUTES,
  ...POLICY_ROUTES,
  ...SIMULATION_ROUTES,
  ...ENTERPRISE_SCHEME_ROUTES,
  ...CERTIFICATION_SCHEME_ROUTES,
  ...NOTICE_ROUTES,
  ...CLAIM_RECORD_ROUTES,
  ...TARGET_ROUTES,
  ...EVALUATION_ROUTES,
  ...ACCOUNT_ROUTES,
];

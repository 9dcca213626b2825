import type { ApiRoute } from '../docs/api-route';
import { REGISTRARS } from '../http/access.decorators';
import { BankAccountForm } from '../registry/labourers/bank-account-form';
import { PAYEE_BANK_ACCOUNT_READERS } from './payee-bank-account.service';

/** R-PAY-1 for the OpenAPI document: a person payee's bank account, recorded by the registering side, read by finance. */
export const PAYEE_BANK_ACCOUNT_ROUTES: readonly ApiRoute[] = [
  {
    method: 'put',
    path: '/api/labourers/:labourerId/bank-account',
    tag: 'registry',
    summary:
      "R-PAY-1 Record or replace the bank account a person payee is paid into (personal-data vault only). LabourerBankAccountRecorded keeps a keyed fingerprint of the account, never the account. The reply never carries the account",
    roles: REGISTRARS,
    body: BankAccountForm as never,
    idempotent: true,
    responses: { 400: 'accountNumber not 12 to 30 digits, bankName or accountName empty or over 100 characters', 401: 'Not logged in', 403: 'Role not allowed', 404: 'No such card visible to you', 409: "The person's data was erased", 422: 'The Idempotency-Key was already used for other details', 200: 'Recorded (alreadyRecorded on a retry)' },
  },
  {
    method: 'get',
    path: '/api/payouts/:payoutId/bank-account',
    tag: 'payouts',
    summary: "R-PAY-1 Finance reads the bank account of a payout's person payee (LABOURER) from the vault; payoutId is the payout's idempotency key. Each read is logged without the account",
    roles: PAYEE_BANK_ACCOUNT_READERS,
    responses: { 401: 'Not logged in', 403: 'FINANCE only', 404: 'No payout with this id, or its payee is an organisation', 409: 'No bank account recorded for the person, or the person was erased', 200: 'The payee and the account' },
  },
];

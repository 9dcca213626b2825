import { DomainError } from '@skills/domain';
import { fingerprintBankAccount } from '@skills/personal-data';
import { loadPayout, type Principal, type Role, type System } from '@skills/platform';

/** Finance only: it pays. Approvers release money but never need the account; no one else sees it. */
export const PAYEE_BANK_ACCOUNT_READERS: Role[] = ['FINANCE'];

export interface PayeeBankAccount {
  readonly payoutId: string;
  readonly claimId: string;
  readonly payee: { readonly kind: 'LABOURER'; readonly id: string };
  readonly amountFen: number;
  readonly bankAccount: { readonly accountName: string; readonly accountNumber: string; readonly bankName: string };
}

const KEY = /^[0-9a-f]{64}$/;

const notFound = () =>
  new DomainError('PAYOUT.PERSON_PAYEE_NOT_FOUND', 'No payout to a person has this id: check the idempotency key of the payout (organisations are paid from their registered account)', 'not_found');

const noAccount = (code: string, message: string, labourerId: string) => new DomainError(code, message, 'conflict', { labourerId });

/** An account stored by another path may not be digits only: the log line then goes without a fingerprint. */
function fingerprintOrNull(system: System, accountNumber: string): string | null {
  try {
    return fingerprintBankAccount(accountNumber, system.secrets.fingerprintKey);
  } catch {
    return null;
  }
}

/**
 * R-PAY-1: the vault's bank account of a payout's person payee. 404 for an unknown payout or one to an organisation;
 * 409 when the person has none recorded (or was erased), so finance knows to ask the registering unit, not to retry.
 */
export async function readPayeeBankAccount(system: System, principal: Principal, payoutId: string): Promise<PayeeBankAccount> {
  const key = payoutId.toLowerCase();
  if (!KEY.test(key)) throw notFound();
  const payout = await loadPayout(system, key);
  if (payout.status === 'absent' || payout.instruction.payee.kind !== 'LABOURER') throw notFound();
  const labourerId = payout.instruction.payee.id;
  // Finance needs the account to pay, or to pay again after a failure: a paid or cancelled payout needs it no more.
  if (payout.status === 'PAID' || payout.status === 'CANCELLED') {
    system.logger.warn('payee bank account read refused', { payoutId: key, claimId: payout.instruction.claimId, labourerId, actor: principal.userId, reason: payout.status });
    throw new DomainError('PAYOUT.CLOSED', `This payout is ${payout.status.toLowerCase()}: its payee's bank account is read only while it is still to be paid`, 'conflict', { payoutId: key, status: payout.status });
  }
  const record = await system.vault.get(labourerId);
  const access = { payoutId: key, claimId: payout.instruction.claimId, labourerId, actor: principal.userId };
  if (record === 'erased') {
    system.logger.warn('payee bank account read refused', { ...access, reason: 'erased' });
    throw noAccount('PAYOUT.PAYEE_ERASED', "This person's data was erased on request: there is no bank account to pay into; an approver may cancel the payout", labourerId);
  }
  if (record === 'absent' || record.bank === undefined) {
    system.logger.warn('payee bank account read refused', { ...access, reason: 'none recorded' });
    throw noAccount('PAYOUT.PAYEE_BANK_ACCOUNT_MISSING', "No bank account is recorded for this person: ask the unit that registered them to record it (PUT /api/labourers/{labourerId}/bank-account), then read it again", labourerId);
  }
  // The access is the log line; the fingerprint says which account was handed out without saying the account.
  system.logger.info('payee bank account read', { ...access, accountFingerprint: fingerprintOrNull(system, record.bank.accountNumber) });
  const { accountName, accountNumber, bankName } = record.bank;
  return { payoutId: key, claimId: payout.instruction.claimId, payee: { kind: 'LABOURER', id: labourerId }, amountFen: payout.instruction.amountFen, bankAccount: { accountName, accountNumber, bankName } };
}

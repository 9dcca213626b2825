import { z } from 'zod';

/**
 * R-PAY-1: the bank account a person payee is paid into. Goes to the personal-data vault only. Messages name the
 * field and the fix but never echo the value: they end up in responses and logs.
 */
export const BankAccountForm = z.strictObject({
  // Chinese bank cards have 16 to 19 digits, book accounts more: 12 to 30 is accepted. Spaces and hyphens that people
  // type between groups of digits are dropped, and full-width digits (a Chinese input method) become ASCII.
  accountNumber: z
    .string({ error: 'accountNumber is required: the digits of the account or bank card' })
    .transform((value) => value.normalize('NFKC').replace(/[\s-]+/g, ''))
    .pipe(z.string().regex(/^\d{12,30}$/, 'accountNumber must be 12 to 30 digits (a bank card has 16 to 19); spaces and hyphens are ignored')),
  bankName: z
    .string({ error: 'bankName is required: the bank and branch, e.g. 中国工商银行晋城分行' })
    .trim()
    .min(1, 'bankName must not be empty: the bank and branch')
    .max(100, 'bankName must be at most 100 characters'),
  accountName: z
    .string({ error: "accountName is required: the account holder's name as the bank has it" })
    .trim()
    .min(1, "accountName must not be empty: the account holder's name as the bank has it")
    .max(100, 'accountName must be at most 100 characters'),
});
export type BankAccountForm = z.infer<typeof BankAccountForm>;

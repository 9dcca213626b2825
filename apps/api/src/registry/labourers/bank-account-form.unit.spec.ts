import { BankAccountForm } from './bank-account-form';

const valid = { accountNumber: '6222021234567890123', bankName: '中国工商银行晋城分行', accountName: '赵工人' };
const issuesOf = (input: unknown) => {
  const result = BankAccountForm.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
};

describe('a person payee bank account form (R-PAY-1)', () => {
  it('R-PAY-1 keeps the digits of a card typed in groups, with full-width digits and hyphens, and trims the names', () => {
    expect(BankAccountForm.parse({ accountNumber: ' 6222 0212-3456 7890 １２３ ', bankName: ' 中国工商银行晋城分行 ', accountName: ' 赵工人' })).toEqual(valid);
  });

  it('R-PAY-1 accepts 12 and 30 digits, refuses 11 and 31 (bank cards have 16 to 19; book accounts more)', () => {
    expect(issuesOf({ ...valid, accountNumber: '1'.repeat(12) })).toEqual([]);
    expect(issuesOf({ ...valid, accountNumber: '1'.repeat(30) })).toEqual([]);
    expect(issuesOf({ ...valid, accountNumber: '1'.repeat(11) }).map((i) => i.field)).toEqual(['accountNumber']);
    expect(issuesOf({ ...valid, accountNumber: '1'.repeat(31) }).map((i) => i.field)).toEqual(['accountNumber']);
  });

  it('R-PAY-1 names the field and the fix without echoing the value', () => {
    const issues = issuesOf({ ...valid, accountNumber: '6222O21234567890123' });
    expect(issues).toEqual([{ field: 'accountNumber', message: 'accountNumber must be 12 to 30 digits (a bank card has 16 to 19); spaces and hyphens are ignored' }]);
    expect(JSON.stringify(issues)).not.toContain('6222O2');
  });

  it('R-PAY-1 bankName and accountName: not empty after trimming, at most 100 characters; unknown fields refused', () => {
    expect(issuesOf({ ...valid, bankName: '   ', accountName: '张'.repeat(101) }).map((i) => i.field)).toEqual(['bankName', 'accountName']);
    expect(issuesOf({ ...valid, accountName: '张'.repeat(100) })).toEqual([]);
    expect(issuesOf({ accountNumber: valid.accountNumber }).map((i) => i.field)).toEqual(['bankName', 'accountName']);
    expect(issuesOf({ ...valid, idNumber: '140502198503030013' }).map((i) => i.field)).toEqual(['']);
  });
});

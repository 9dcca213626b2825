import { ageOn, birthDateOf, checkCharacterOf, normaliseIdNumber, validateResidentId } from './resident-id';

// Computed here, independently of the code under test (GB 11643-1999 / ISO 7064 MOD 11-2).
function withCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}
const idBornOn = (yyyymmdd: string, sequence = '123') => withCheckDigit(`140502${yyyymmdd}${sequence}`);
const wrongCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

describe('R-REG-1 resident ID number', () => {
  it('R-REG-1 accepts the example number of GB 11643 (check character X) and reads its birth date', () => {
    expect(validateResidentId('11010519491231002X')).toEqual({ ok: true, idNumber: '11010519491231002X', birthDate: '1949-12-31' });
  });

  it('R-REG-1 accepts a lower-case x, spaces and full-width digits, normalising them', () => {
    expect(normaliseIdNumber(' 110105 19491231 002x ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(validateResidentId('11010519491231002x')).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
  });

  it('R-REG-1 computes each check character like the standard', () => {
    for (const sequence of ['001', '002', '017', '123', '456', '789', '999']) {
      const id = idBornOn('19900101', sequence);
      expect(checkCharacterOf(id.slice(0, 17))).toBe(id[17]);
      expect(validateResidentId(id).ok).toBe(true);
    }
  });

  it('R-REG-1 rejects a wrong check digit without echoing the number', () => {
    const id = wrongCheckDigit(idBornOn('19900101'));
    const result = validateResidentId(id);
    expect(result).toEqual({ ok: false, issues: [{ field: 'idNumber', message: 'the check digit does not match: re-type the ID number from the card' }] });
    expect(JSON.stringify(result)).not.toContain(id.slice(6, 14));
  });

  it('R-REG-1 rejects 17 digits, 19 digits and letters', () => {
    const id = idBornOn('19900101');
    for (const bad of [id.slice(0, 17), `${id}1`, `A${id.slice(1)}`, `${id.slice(0, 16)}X${id[17]}`]) {
      const result = validateResidentId(bad, 'rows.3.idNumber');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.issues).toHaveLength(1);
        expect(result.issues[0]!.field).toBe('rows.3.idNumber');
        expect(result.issues[0]!.message).not.toMatch(/\d{6}/);
      }
    }
  });

  it('R-REG-1 rejects a birth date that does not exist, even with a correct check digit', () => {
    const result = validateResidentId(idBornOn('19900230'));
    expect(result).toEqual({ ok: false, issues: [{ field: 'idNumber', message: expect.stringContaining('not a real birth date') }] });
    expect(validateResidentId(idBornOn('20010229')).ok).toBe(false);
    expect(validateResidentId('440524188001010014').ok).toBe(false); // valid check digit, born 1880
  });

  it('R-REG-1 accepts 29 February in a leap year and reads it back', () => {
    expect(validateResidentId(idBornOn('20000229'))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(birthDateOf(idBornOn('20040229'))).toBe('2004-02-29');
    expect(birthDateOf('not an id')).toBeNull();
  });

  it('R-REG-1 reports both a bad birth date and a bad check digit', () => {
    const result = validateResidentId(wrongCheckDigit(idBornOn('19901301')));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toHaveLength(2);
  });
});

describe('R-REG-1 ageOn', () => {
  it('R-REG-1 turns 16 on the sixteenth birthday, not the day before', () => {
    expect(ageOn('2004-10-15', '2020-10-14')).toBe(15);
    expect(ageOn('2004-10-15', '2020-10-15')).toBe(16);
  });

  it('R-REG-1 is 60 until the day before the sixty-first birthday', () => {
    expect(ageOn('1959-10-15', '2020-10-14')).toBe(60);
    expect(ageOn('1959-10-15', '2020-10-15')).toBe(61);
  });

  it('R-REG-1 counts a 29 February birthday on 1 March in common years and on 29 February in leap years', () => {
    expect(ageOn('2004-02-29', '2020-02-28')).toBe(15);
    expect(ageOn('2004-02-29', '2020-02-29')).toBe(16);
    expect(ageOn('2004-02-29', '2021-02-28')).toBe(16);
    expect(ageOn('2005-02-28', '2021-02-28')).toBe(16);
    expect(ageOn('2000-02-29', '2017-02-28')).toBe(16);
    expect(ageOn('2000-02-29', '2017-03-01')).toBe(17);
  });

  it('rejects dates that are not calendar dates', () => {
    expect(() => ageOn('2001-02-29', '2020-01-01')).toThrow(RangeError);
  });
});

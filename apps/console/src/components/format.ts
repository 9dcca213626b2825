/** Integer fen as yuan with two decimals and thousands separators, without floating point: 290000 → ¥2,900.00. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** An exact fraction as the api gives it, with the percentage truncated to two decimals like the api's arithmetic. */
export function formatRate(rate: { numerator: number; denominator: number }): string {
  if (rate.denominator === 0) return `${rate.numerator} / 0`;
  const hundredths = Math.trunc((rate.numerator * 10000) / rate.denominator);
  return `${rate.numerator} / ${rate.denominator} = ${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}%`;
}

/** The first block of a UUID: enough to tell records apart on a screen, the full id is in the link and title. */
export const shortId = (id: string): string => id.slice(0, 8);

/** An instant as a Shanghai wall-clock time, the programme's calendar. */
export function formatInstant(iso: string, language: 'zh' | 'en'): string {
  return new Date(iso).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
}

/** The programme's masking (libs/personal-data/src/masking.ts): the surname only, every other character a star. */
export function maskName(name: string): string {
  const characters = Array.from(name.trim());
  if (characters.length <= 1) return '*'.repeat(characters.length);
  if (characters.slice(1).every((c) => c === '*')) return name;
  return characters[0] + '*'.repeat(characters.length - 1);
}

/** The first 3 and the last 4 characters of an ID number; anything shorter than 15 characters masked entirely. */
export function maskIdNumber(idNumber: string): string {
  const characters = Array.from(idNumber.replace(/\s+/g, '').toUpperCase());
  if (characters.length < 15) return '*'.repeat(characters.length);
  return characters.slice(0, 3).join('') + '*'.repeat(characters.length - 7) + characters.slice(-4).join('');
}

import { z } from 'zod';

/** Money is integer fen (1 yuan = 100 fen), never a float. */
export const fenSchema = z.number().int('money is integer fen, never a fraction').min(0).refine(Number.isSafeInteger, 'too large');
export type Fen = number;

/** 49200 → "492.00" (thousands are not grouped, so the text reads back as a number). */
export function formatYuan(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError('fen must be a safe integer');
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** count × rate in fen, exact: refuses a fraction or a product past 2^53 instead of rounding it. */
export function multiplyFen(count: number, rateFen: Fen): Fen {
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(rateFen)) throw new RangeError('money arithmetic needs whole numbers');
  const product = count * rateFen;
  if (!Number.isSafeInteger(product)) throw new RangeError('amount too large to compute exactly');
  return product;
}

export function sumFen(amounts: readonly Fen[]): Fen {
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  if (!Number.isSafeInteger(total)) throw new RangeError('total too large to compute exactly');
  return total;
}

import { z } from 'zod';

/** Headings compared without spaces, brackets' contents, case, `_` or `-`: `月均推进数(人)\n(2020.8-2021.12)` is 月均推进数. */
export const normalise = (text: string) =>
  text
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s_-]+/g, '')
    .toLowerCase();

/** A cell that holds a figure, for telling lines from headings. */
export const NUMBER = /^\d[\d,，]*$/;

/** A whole, non-negative figure as printed, thousands separators allowed (1,600 or 1600). */
export const figure = z
  .string({ error: 'required: write the number as printed, such as 1600' })
  .regex(/^(\d{1,3}([,，]\d{3})+|\d+)$/, 'a whole number, such as 1600: no decimals, signs or words')
  .transform((text) => Number(text.replace(/[,，]/g, '')))
  .pipe(z.number().max(100_000_000, 'at most 100,000,000'));

/** An empty cell is null. */
export const blankOr = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? null : v), schema.nullable());

/** An empty cell is missing, so the schema's "required" message is the one shown. */
export const required = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);

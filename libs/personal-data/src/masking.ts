/**
 * What people without the right to see personal data are shown instead. Pure functions; the length is kept
 * so that a masked column still lines up and a clerk can tell an ID number from a name at a glance.
 */

const MASK = '*';
/** Shorter than the first-generation 15-digit number: too short to reveal 7 characters of it. */
const SHORTEST_PARTLY_SHOWN_ID = 15;

/**
 * Keeps the first 3 and the last 4 characters: `11010519491231002X` → `110***********002X`. Not the first 6:
 * in a district bureau those are the district's own code (or the person's birthplace), and together with
 * the date of birth they narrow a person down; 3 + 4 is enough for a clerk to match a paper form.
 * Anything shorter than 15 characters is masked entirely.
 */
export function maskIdNumber(idNumber: string): string {
  const characters = Array.from(idNumber.normalize('NFKC').replace(/\s+/g, '').toUpperCase());
  if (characters.length < SHORTEST_PARTLY_SHOWN_ID) return MASK.repeat(characters.length);
  const head = characters.slice(0, 3).join('');
  const tail = characters.slice(-4).join('');
  return head + MASK.repeat(characters.length - 7) + tail;
}

/**
 * Keeps the first character (the surname, in a Chinese name) and masks every other one: `张三丰` → `张**`,
 * `李四` → `李*`, `John Smith` → `J*********`. A one-character name is masked entirely, since keeping its only
 * character would show all of it. Characters are user-perceived ones (grapheme clusters), so a rare
 * surname outside the Basic Multilingual Plane or an accented letter is never cut in half.
 */
export function maskName(name: string): string {
  const characters = graphemes(name.trim());
  if (characters.length <= 1) return MASK.repeat(characters.length);
  return characters[0] + MASK.repeat(characters.length - 1);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

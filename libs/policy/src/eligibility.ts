import { z } from 'zod';
import { FLAG, KEY_GROUP } from '@skills/domain';

/** What a card says about a person (R-REG-4): a key group or an allowance flag. The two lists share no value. */
export const PERSON_MARKER = z.enum([...KEY_GROUP.options, ...FLAG.options]);
export type PersonMarker = z.infer<typeof PERSON_MARKER>;

/**
 * Who a scheme pays for, as data: any one of the combinations, each combination needing all of its markers.
 * R-FREE-5 reads `[["POOR_LABOURER"], ["TWO_AFTER_STUDENT", "RURAL_STUDENT"], …]`: a poor labourer, or a
 * two-after student who is a rural student, or ….
 */
export const eligibleGroupsSchema = z
  .array(z.array(PERSON_MARKER).min(1, 'a combination needs at least one group or flag'))
  .min(1, 'name at least one eligible group: an empty list would pay no one');
export type EligibleGroups = z.infer<typeof eligibleGroupsSchema>;

/** The first combination the person meets, or null: the explanation shows which one made the person eligible. */
export function matchEligibleGroups(eligible: EligibleGroups, markers: ReadonlySet<string>): readonly PersonMarker[] | null {
  return eligible.find((combination) => combination.every((marker) => markers.has(marker))) ?? null;
}

/** "POOR_LABOURER | TWO_AFTER_STUDENT+RURAL_STUDENT": the rule as a reviewer reads it. */
export function eligibleGroupsText(eligible: EligibleGroups): string {
  return eligible.map((combination) => combination.join('+')).join(' | ');
}

import { trainingStartOf, type CalendarDate, type ClaimLine } from '@skills/domain';
import type { System } from '@skills/platform';
import { cardMarkersFromStore } from './card-markers';

/**
 * R-REG-4: who R-FREE-6, R-FREE-7 and R-FREE-8 pay is read from the card as it stood when the trainee's training
 * began (trainingStartOf: the cohort's start, or a later enrolment), the rule R-FREE-5 follows (docs/decisions.md),
 * so a card changed after the training does not change who was paid. An erased card keeps no group, so its line is
 * refused. Each trainee comes back with the key groups and flags of their card on that day (`cardAsOf`).
 */
export function withMarkers<T extends { readonly labourerId: string; readonly enrolledOn: CalendarDate }>(system: System, cohort: { readonly startedOn: CalendarDate }, trainees: readonly T[]) {
  return Promise.all(
    trainees.map(async (trainee) => {
      const cardAsOf = trainingStartOf(cohort, trainee);
      return { ...trainee, cardAsOf, ...(await cardMarkersFromStore(system, trainee.labourerId, cardAsOf)) };
    }),
  );
}

/** Shows on each person's line the day whose card decided it, as R-FREE-5's lines do. */
export function withCardAsOf(lines: readonly ClaimLine[], trainees: readonly { readonly labourerId: string; readonly cardAsOf: CalendarDate }[]): ClaimLine[] {
  const asOf = new Map(trainees.map((t) => [t.labourerId, t.cardAsOf]));
  return lines.map((line) => {
    const cardAsOf = line.labourerId === undefined ? undefined : asOf.get(line.labourerId);
    return cardAsOf === undefined ? line : { ...line, explanation: { ...line.explanation, inputs: { ...line.explanation.inputs, cardAsOf } } };
  });
}

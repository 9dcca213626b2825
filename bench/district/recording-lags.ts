/**
 * When a fact reaches the system (metadata.occurredAt, read as a Shanghai day by the gates: R-GATE-2..4).
 *
 * Dates the system takes from its own clock (a plan, an approval, an enrolment and its free-training reservation,
 * a start, a correction, a verification) are recorded on their day, as the API writes them. Facts a clerk enters
 * after they happened (attendance, withdrawals, completion, assessments, certificates, employment) arrive on a
 * working day some days later, and a small share arrive late: a certificate or employment recorded after its window,
 * a withdrawal recorded after the 20% cut-off, a verification after the evaluation date.
 */
import { DAY_MS, isWeekday } from './district-calendar';
import type { Prng } from './prng';

/** Days after the fact (both ends included), each range with its weight. */
export type RecordingLag = readonly (readonly [readonly [number, number], number])[];

export const RECORDING_LAGS = {
  /** Ticked on the day, or with the week's sheet; a few sheets come in weeks late. */
  attendance: [[[0, 0], 60], [[1, 4], 35], [[5, 15], 5]],
  /** Providers enter a withdrawal promptly (an early one keeps the trainee out of the base), but not always. */
  withdrawal: [[[0, 0], 85], [[1, 2], 12], [[3, 15], 3]],
  completion: [[[0, 0], 70], [[1, 5], 27], [[6, 20], 3]],
  /** A cohort's final results, all on one day. */
  assessment: [[[0, 2], 80], [[3, 10], 17], [[11, 30], 3]],
  /** A correction of a mistyped assessment, after the assessment was recorded. */
  correction: [[[1, 10], 100]],
  /** Certificates reach the provider from the issuer a few days after issue. */
  certificate: [[[1, 10], 85], [[11, 30], 11], [[31, 120], 4]],
  /** Employment is reported once the contract is in hand. */
  employment: [[[5, 30], 85], [[31, 90], 11], [[91, 200], 4]],
  /** The bureau verifies an employment some days after it is recorded (counted from the recording). */
  verification: [[[5, 30], 75], [[31, 90], 20], [[91, 240], 5]],
} satisfies Record<string, RecordingLag>;

/** The working day on which a fact of day `on` is recorded. */
export function recordedDay(rng: Prng, on: number, lag: RecordingLag): number {
  const [min, max] = rng.weighted(lag);
  let day = on + rng.int(min, max);
  while (!isWeekday(day)) day++;
  return day;
}

/** An instant in office hours of `day`: 08:30 to 16:50 Shanghai time (00:30 to 08:50 UTC), so the same Shanghai day. */
export function recordedAt(rng: Prng, day: number): number {
  return day * DAY_MS + 1_800_000 + (rng.uint32() % 30_000_000);
}

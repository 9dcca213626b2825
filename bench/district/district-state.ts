/** What the generator's phases share: the district's people and organisations so far, and its cohorts in flight. */
import type { FreeTrainingReservation } from '@skills/domain';
import type { EventWriter } from './event-writer';
import type { Prng } from './prng';
import type { Programme } from './district-vocabulary';

export interface Provider {
  readonly providerId: string;
  readonly subdistrict: number;
  /** Pass rate the provider's cohorts centre on. */
  readonly passRate: number;
}

export interface Trainee {
  readonly labourerId: string;
  /** Index into the cohort's training days of the withdrawal day; undefined: stayed to the end. */
  readonly withdrawAt?: number;
  readonly withdrawReason?: string;
  readonly passed: boolean;
}

export interface Cohort {
  readonly cohortId: string;
  readonly providerId: string;
  readonly subdistrict: number;
  readonly programme: Programme;
  readonly occupation: string;
  readonly level: 'JUNIOR' | 'INTERMEDIATE';
  readonly days: number[];
  readonly trainees: Trainee[];
  readonly capacity: number;
  readonly plannedOn: number;
  readonly approvedOn: number;
  /** R-FREE-4 per-person amount of an employment-oriented cohort; null for the others. */
  readonly perPersonAmountFen: number | null;
  /** The cohort stream's version after the events generated so far. */
  version: number;
  /** When the latest event on the cohort stream was recorded (epoch ms): its next command comes after it. */
  lastRecordAt: number;
}

export interface DistrictState {
  readonly rng: Prng;
  readonly writer: EventWriter;
  /** Cohorts in the whole district; their starts spread over `spanDays` from `firstStart`. */
  readonly cohorts: number;
  readonly firstStart: number;
  readonly spanDays: number;
  /** Share of enrolments that are of a labourer trained before. */
  readonly returningShare: number;
  readonly fullAttendance: boolean;
  /** Programme types whose every attended day is recorded whatever `fullAttendance` says (claimed per day). */
  readonly everyDayOf: ReadonlySet<string>;
  /** Bureau accounts that verify employments. */
  readonly reviewers: readonly string[];
  readonly subdistrictIds: readonly string[];
  readonly providers: readonly Provider[];
  /** Labourers who finished a training and may enrol again, per subdistrict. */
  readonly returning: string[][];
  /** Each registered labourer's free trainings, as on the ledger stream (its version is their count). */
  readonly ledgers: Map<string, FreeTrainingReservation[]>;
}

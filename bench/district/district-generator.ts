/**
 * A generated district for benchmarks and demos: 8 subdistricts (the task table's units, with the ids, codes and names
 * the app registers them under), 200 providers and 20,000 free-training cohorts (scale 1.0) with their labourers,
 * enrolments, attendance, withdrawals, assessments, certificates and employment, as the StreamAppend batches the
 * system itself would have written, in a plausible order.
 *
 * Seeded and repeatable: the same options give the same events, ids and instants included (every id, fingerprint,
 * key and metadata.occurredAt comes from the seeded PRNG, never from crypto or the clock). Streaming: batches are
 * produced one at a time and only a few waves of cohorts are held in memory, besides every labourer's free
 * trainings (for R-FREE-2): about 150 MiB of live heap at scale 1.0.
 *
 * Every event goes through createEventCatalogue().serialise, so a schema change that the generator does not follow
 * fails here, not in the database. No personal data: people are UUIDs, ID-number fingerprints and certificate-number
 * keys are random hex, organisation names and credit codes are made up.
 *
 * Each event carries the instant the system would have accepted its command (recording-lags.ts): the gates read
 * that day (R-GATE-2..4), so late records count as they would. The phases live in files of their own
 * (organisations, labourers, enrolment, attendance, outcomes); this file holds the options and runs the pipeline.
 *
 * Order: cohorts start in date order, in waves of `waveSize`. Each wave is planned and enrolled; the next step starts
 * the previous wave, the one after that completes and assesses the wave before, then certificates, then employment
 * (a pipeline five waves deep), so one batch holds one phase of one wave and later phases follow earlier ones.
 */
import { createEventCatalogue, type EventCatalogue } from '@skills/domain';
import type { StreamAppend } from '@skills/event-store';
import { DEFAULT_TASK_TABLE, readTaskTableUnits, type SubdistrictEntry } from '../../apps/api/src/registry/registry-directory';
import { runCohort } from './attendance.phase';
import { ClaimFacts } from './claim-facts';
import { CLAIMED_PROGRAMMES, claimCohort } from './claims.phase';
import { toDay } from './district-calendar';
import type { Cohort, DistrictState } from './district-state';
import { setUpCohort } from './enrolment.phase';
import { EventWriter } from './event-writer';
import { registerOrganisations } from './organisations.phase';
import { certify, completeCohort, employ } from './outcomes.phase';
import { Prng } from './prng';

export { Prng } from './prng';

export interface DistrictOptions {
  /** Same seed, same district (ids included). */
  readonly seed?: string | number;
  /** 1.0: 20,000 cohorts: 2,936,235 events with the default seed and attendance. Cohorts scale; subdistricts and providers do not. */
  readonly scale?: number;
  /** Overrides the scaled number of cohorts. */
  readonly cohorts?: number;
  /** The first this many units of the task table (default 8); more than the table has is an error. */
  readonly subdistricts?: number;
  readonly providers?: number;
  /** Cohorts per wave (one batch holds one phase of one wave). */
  readonly waveSize?: number;
  /**
   * 'withdrawals' (default): attendance days of trainees who later withdrew (what the R-GATE base reads);
   * 'full': every trainee's every attended day (about 200 more events per cohort).
   */
  readonly attendance?: 'withdrawals' | 'full';
  /** First planned start; cohorts spread over `years` from it. */
  readonly firstStartOn?: string;
  readonly years?: number;
  /** Share of enrolments that are of a labourer trained before (registered earlier). */
  readonly returningShare?: number;
  /**
   * R-CLAIM-1: once every wave is done, most completed GENERAL and ORDER_BASED cohorts are claimed (claims.phase.ts), and
   * every attended day of those programmes is recorded, since their claims pay per day. Off by default, which keeps
   * the district of the rates bench as it was.
   */
  readonly claims?: boolean;
  readonly catalogue?: EventCatalogue;
}

export const DEFAULT_SEED = 'skills-claims-district-1';
export const COHORTS_AT_SCALE_1 = 20_000;

export interface DistrictBatch {
  /** registry, setup, run, completion, certificates, employment */
  readonly phase: Phase;
  readonly wave: number;
  readonly appends: StreamAppend[];
  readonly events: number;
}

export type Phase = 'registry' | 'setup' | 'run' | 'completion' | 'certificates' | 'employment' | 'claims';

/** Counts of a generated district (known only after generating it; `estimateEvents` tells before). */
export function estimateEvents(options: DistrictOptions = {}): number {
  const cohorts = cohortCount(options);
  return Math.round(cohorts * (options.attendance === 'full' ? 360 : 145)) + 8 + (options.providers ?? 200);
}

export function cohortCount(options: DistrictOptions = {}): number {
  return options.cohorts ?? Math.max(1, Math.round(COHORTS_AT_SCALE_1 * (options.scale ?? 1)));
}

/** The district as batches of appends, in order. Each stream's expected version is exact (or no_stream). */
export function* generateDistrict(options: DistrictOptions = {}): Generator<DistrictBatch> {
  const rng = new Prng(options.seed ?? DEFAULT_SEED);
  const catalogue = options.catalogue ?? createEventCatalogue();
  const cohorts = cohortCount(options);
  const waveSize = options.waveSize ?? 50;
  const firstStart = toDay(options.firstStartOn ?? '2021-03-01');
  const actors = Array.from({ length: 12 }, () => rng.uuid()); // bureau clerks' and providers' account ids
  const writer = new EventWriter(rng, catalogue, actors);
  // The claims read what was recorded, so they see every batch.
  const claimFacts = options.claims ? new ClaimFacts(catalogue) : undefined;
  const batch = (phase: Phase, wave: number, appends: StreamAppend[]): DistrictBatch => {
    claimFacts?.observe(appends);
    return { phase, wave, appends, events: appends.reduce((n, a) => n + a.events.length, 0) };
  };

  const organisations = registerOrganisations(rng, writer, firstStart, taskTableUnits(options.subdistricts ?? 8), options.providers ?? 200);
  yield batch('registry', -1, organisations.appends);

  const state: DistrictState = {
    rng,
    writer,
    cohorts,
    firstStart,
    spanDays: Math.round(365 * (options.years ?? 2)),
    returningShare: options.returningShare ?? 0.45,
    fullAttendance: options.attendance === 'full',
    everyDayOf: options.claims ? CLAIMED_PROGRAMMES : new Set(),
    reviewers: actors.slice(0, 4),
    subdistrictIds: organisations.subdistrictIds,
    providers: organisations.providers,
    returning: organisations.subdistrictIds.map(() => []),
    ledgers: new Map(),
  };
  const PIPELINE: readonly Phase[] = ['setup', 'run', 'completion', 'certificates', 'employment'];
  const MOVE_ON = [runCohort, completeCohort, certify, employ]; // phases 1.. of PIPELINE
  const inFlight: Cohort[][] = [];
  const waves = Math.ceil(cohorts / waveSize);

  for (let step = 0; step < waves + PIPELINE.length - 1; step++) {
    if (step < waves) {
      const count = Math.min(waveSize, cohorts - step * waveSize);
      const wave: Cohort[] = [];
      const appends: StreamAppend[] = [];
      for (let i = 0; i < count; i++) wave.push(setUpCohort(state, step * waveSize + i, appends));
      inFlight.unshift(wave);
      yield batch('setup', step, appends);
    } else {
      inFlight.unshift([]); // draining: the older waves still move on
    }
    // Older waves move on one phase each step (newest first in inFlight; index = phase).
    for (let phase = 1; phase < PIPELINE.length; phase++) {
      const wave = inFlight[phase];
      const waveIndex = step - phase;
      if (!wave || wave.length === 0 || waveIndex < 0 || waveIndex >= waves) continue;
      const appends: StreamAppend[] = [];
      for (const cohort of wave) MOVE_ON[phase - 1]!(state, cohort, appends);
      yield batch(PIPELINE[phase]!, waveIndex, appends);
    }
    if (inFlight.length >= PIPELINE.length) {
      // Their outcomes are recorded: these people may enrol again.
      for (const cohort of inFlight.pop()!) for (const t of cohort.trainees) state.returning[cohort.subdistrict]!.push(t.labourerId);
    }
  }
  if (claimFacts) {
    const ctx = { rng: new Prng(`${options.seed ?? DEFAULT_SEED}/claims`), catalogue, facts: claimFacts };
    const cohortIds = [...claimFacts.cohorts.keys()];
    for (let wave = 0; wave * waveSize < cohortIds.length; wave++) {
      yield batch('claims', wave, cohortIds.slice(wave * waveSize, (wave + 1) * waveSize).flatMap((id) => claimCohort(ctx, id)));
    }
  }
}

/**
 * The district's subdistricts: the first `count` units of the task table (data/task-table), which the app registers
 * at boot under the same ids, so reports over the district count for the units as they would in production.
 */
function taskTableUnits(count: number): readonly SubdistrictEntry[] {
  const units = readTaskTableUnits(DEFAULT_TASK_TABLE);
  if (!Number.isInteger(count) || count < 1 || count > units.length) {
    throw new Error(`generateDistrict: subdistricts must be 1..${units.length}, the units of the task table ${DEFAULT_TASK_TABLE} (asked for ${count})`);
  }
  return units.slice(0, count);
}

/** Splits a batch's appends into chunks of at most `maxStreams` streams (a batch never names a stream twice). */
export function* chunks(appends: readonly StreamAppend[], maxStreams: number): Generator<StreamAppend[]> {
  for (let i = 0; i < appends.length; i += maxStreams) yield appends.slice(i, i + maxStreams);
}

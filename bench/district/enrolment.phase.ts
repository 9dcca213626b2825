/**
 * Setup phase of a cohort: drawn (provider, programme, days, trainees and how each will fare), its newcomers
 * registered, then planned, approved and joined, each enrolment reserving a free training on the person's ledger.
 */
import { DomainError, freeTrainingRules, toFreeTrainingLedgerStreamId, type FreeTrainingCandidate, type FreeTrainingReservation } from '@skills/domain';
import { JCCQ_2020_12 } from '@skills/policy';
import type { EventToAppend, StreamAppend } from '@skills/event-store';
import { isoOf, trainingDays } from './district-calendar';
import type { Cohort, DistrictState, Trainee } from './district-state';
import { EARLY_REASONS, EMPLOYMENT_ORIENTED, LATE_REASONS, OCCUPATIONS, PROGRAMMES } from './district-vocabulary';
import { registerNewcomers } from './labourers.phase';
import { recordedAt } from './recording-lags';

/** The `index`th cohort of the district (starts follow the index), with its appends added to `appends`. */
export function setUpCohort(state: DistrictState, index: number, appends: StreamAppend[]): Cohort {
  const cohort = drawCohort(state, index);
  registerNewcomers(state, cohort, appends);
  planAndEnrol(state, cohort, appends);
  return cohort;
}

function drawCohort(state: DistrictState, index: number): Cohort {
  const { rng } = state;
  const provider = state.providers[rng.uint32() % state.providers.length]!;
  const programme = rng.weighted(PROGRAMMES.map((p) => [p, p.weight] as const));
  const start = state.firstStart + Math.floor((index / state.cohorts) * state.spanDays);
  const days = trainingDays(start, rng.int(programme.days[0], programme.days[1]));
  const capacity = rng.int(20, 30);
  const enrolled = rng.chance(0.85) ? 20 : rng.int(15, 19);
  // Most cohorts sit near their provider's pass rate; one in ten has a bad run.
  const passRate = Math.min(0.995, provider.passRate * (rng.chance(0.1) ? rng.between(0.6, 0.9) : 1));
  const cohortId = rng.uuid();
  const occupation = rng.pick(OCCUPATIONS);
  const level = rng.chance(0.8) ? 'JUNIOR' : 'INTERMEDIATE';
  const candidate: FreeTrainingCandidate = { cohortId, occupation, level, startsOn: isoOf(days[0]!) };
  const trainees: Trainee[] = [];
  const withdrawalRate = rng.chance(0.7) ? 0.03 : 0.12;
  const pool = state.returning[provider.subdistrict]!;
  for (let t = 0; t < enrolled; t++) {
    let labourerId: string | undefined;
    if (pool.length > 0 && rng.chance(state.returningShare)) {
      const k = rng.uint32() % pool.length;
      // One the system would refuse (R-FREE-2) stays in the pool for a later cohort; a newcomer takes the place.
      if (mayReserve(state.ledgers.get(pool[k]!)!, candidate)) {
        labourerId = pool[k]!;
        pool[k] = pool[pool.length - 1]!;
        pool.pop();
      }
    }
    labourerId ??= rng.uuid();
    let withdrawAt: number | undefined;
    let withdrawReason: string | undefined;
    if (rng.chance(withdrawalRate)) {
      const early = rng.chance(0.55);
      const cut = Math.max(1, Math.floor(days.length * 0.2));
      withdrawAt = early ? rng.int(0, cut - 1) : rng.int(cut, days.length - 1);
      withdrawReason = rng.pick(early ? EARLY_REASONS : LATE_REASONS);
    }
    trainees.push({ labourerId, passed: withdrawAt === undefined && rng.chance(passRate), ...(withdrawAt === undefined ? {} : { withdrawAt, withdrawReason }) });
  }
  const plannedOn = start - rng.int(20, 40);
  const approvedOn = plannedOn + rng.int(3, 10);
  const perPersonAmountFen = EMPLOYMENT_ORIENTED.has(programme.type) ? rng.int(12, 30) * 10_000 : null;
  const { providerId, subdistrict } = provider;
  return { cohortId, providerId, subdistrict, programme, occupation, level, days, trainees, capacity, plannedOn, approvedOn, perPersonAmountFen, version: 0, lastRecordAt: 0 };
}

function planAndEnrol(state: DistrictState, cohort: Cohort, appends: StreamAppend[]): void {
  const { rng, writer } = state;
  const { cohortId, days, plannedOn, approvedOn, perPersonAmountFen: amount } = cohort;
  // Planning, approval and enrolment take their dates from the system's clock: each is recorded on its day.
  writer.newCommand(plannedOn);
  const cohortEvents: EventToAppend[] = [
    writer.event(
      'CohortPlanned',
      {
        cohortId,
        providerId: cohort.providerId,
        programmeType: cohort.programme.type,
        occupation: cohort.occupation,
        level: cohort.level,
        plannedStartOn: isoOf(days[0]!),
        plannedEndOn: isoOf(days[days.length - 1]!),
        plannedDays: days.length,
        capacity: cohort.capacity,
        requestedPerPersonAmountFen: amount,
        plannedOn: isoOf(plannedOn),
      },
    ),
  ];
  writer.newCommand(approvedOn);
  cohortEvents.push(writer.event('CohortApproved', { cohortId, approvedOn: isoOf(approvedOn), approvedPerPersonAmountFen: amount }));
  // Trainees join on different days; the streams hold the enrolments in the order they were recorded.
  const enrolments = cohort.trainees
    .map((t) => {
      const enrolledOn = approvedOn + rng.int(1, Math.max(1, days[0]! - approvedOn - 1));
      return { t, enrolledOn, at: recordedAt(rng, enrolledOn) };
    })
    .sort((a, b) => a.at - b.at);
  for (const { t, enrolledOn, at } of enrolments) {
    writer.newCommandAt(at);
    cohortEvents.push(writer.event('TraineeEnrolled', { cohortId, labourerId: t.labourerId, enrolledOn: isoOf(enrolledOn) }));
    // The enrolment reserves one of the person's free trainings (R-FREE-2), in the same command.
    const held = state.ledgers.get(t.labourerId)!;
    const version = held.length;
    const reservation = { cohortId, occupation: cohort.occupation, level: cohort.level, startsOn: isoOf(days[0]!), reservedOn: isoOf(enrolledOn) };
    appends.push({
      streamId: toFreeTrainingLedgerStreamId(t.labourerId),
      expectedVersion: version === 0 ? 'no_stream' : version,
      events: [writer.event('FreeTrainingReserved', { labourerId: t.labourerId, ...reservation })],
    });
    held.push(reservation);
  }
  appends.push(writer.cohortAppend(cohort, cohortEvents));
}

const { maxPerCalendarYear, sameOccupationLevelWindowMonths } = JCCQ_2020_12.parameters.freeTraining;

/** R-FREE-2 as the enrolment handler applies it: at most three a calendar year, never the same occupation and level within 12 months. */
function mayReserve(held: readonly FreeTrainingReservation[], candidate: FreeTrainingCandidate): boolean {
  try {
    freeTrainingRules.assertAnnualTrainingLimit(held, candidate, maxPerCalendarYear);
    freeTrainingRules.assertSameOccupationLevelNotWithinWindow(held, candidate, sameOccupationLevelWindowMonths);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

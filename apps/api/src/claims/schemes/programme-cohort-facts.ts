import {
  DomainError,
  cohortErrors,
  type CalendarDate,
  type ClaimPeriod,
  type CohortState,
  type ProgrammeType,
  type SubmitterKind,
} from '@skills/domain';
import type { PolicyDocument } from '@skills/policy';
import type { System } from '@skills/platform';
import { findCohortAttendance } from '@skills/projections';
import type { RegistryDirectory } from '../../registry/registry-directory';
import { loadCohort } from '../../training/cohort-access';
import { awaitReadModel } from './await-read-model';
import type { ClaimRequest } from './claim-source';

export type ClaimableCohort = Extract<CohortState, { status: 'started' | 'completed' }>;
export type FinishedCohort = Extract<CohortState, { status: 'completed' }>;

/** The programme a scheme is claimed for, and who claims it: the payee organisation of its training subsidy. */
export interface ProgrammeTerms {
  readonly programme: ProgrammeType;
  readonly description: string;
  readonly claimant: SubmitterKind;
}

/** One person ever enrolled, withdrawn ones included, with the days the read model holds for them. */
export interface ProgrammeTrainee {
  readonly labourerId: string;
  readonly enrolledOn: CalendarDate;
  readonly withdrawnOn: CalendarDate | null;
  readonly attendedDays: number;
}

/** What R-FREE-6/7/8 and R-ENT-1 compute from: a completed cohort, claimed once for its whole training. */
export interface CompletedProgrammeFacts {
  readonly cohort: FinishedCohort;
  /** The cohort's training, from its actual start to its completion. */
  readonly period: ClaimPeriod;
  /** The start: its policy version prices every line, as for the R-FREE-3/4 cohorts. */
  readonly serviceDate: CalendarDate;
  readonly policy: PolicyDocument;
  /** Days on which anyone of the cohort attended. */
  readonly trainingDaysHeld: number;
  readonly trainees: readonly ProgrammeTrainee[];
}

const PROJECTION = 'cohort-outcomes';
const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * R-CLAIM-1: the cohort of a programme claim. A provider sees the cohorts it runs, an enterprise those that train
 * its own people (R-ENT-1, R-ENT-2); any other cohort is a 404 like a missing one. The programme decides the scheme,
 * and the scheme who claims it: an enterprise cohort's provider is told the enterprise claims, not shown a 404.
 */
export async function claimableCohort(system: System, request: ClaimRequest, terms: ProgrammeTerms): Promise<ClaimableCohort> {
  const cohortId = request.subject.id;
  const { state } = await loadCohort(system, cohortId);
  const { organisation } = request.submitter;
  if (state.status === 'absent') throw cohortErrors.cohortNotFound(cohortId);
  const runs = organisation.kind === 'PROVIDER' && sameId(state.providerId, organisation.id);
  const trains = organisation.kind === 'ENTERPRISE' && state.enterpriseId !== undefined && sameId(state.enterpriseId, organisation.id);
  if (!runs && !trains) throw cohortErrors.cohortNotFound(cohortId);
  if (state.programmeType !== terms.programme) {
    throw new DomainError('CLAIM.SCHEME_NOT_FOR_PROGRAMME', `${request.scheme} is claimed for ${terms.description}; this cohort is ${state.programmeType}: choose the scheme of its programme`, 'rule', {
      ruleId: request.scheme,
      cohortId,
      programmeType: state.programmeType,
    });
  }
  if (organisation.kind !== terms.claimant) {
    const who = terms.claimant === 'ENTERPRISE' ? 'the enterprise whose people it trains' : 'the provider that runs it';
    throw new DomainError('CLAIM.NOT_THE_CLAIMANT', `${request.scheme} is claimed by ${who}, which is paid for it: ask it to submit the claim`, 'forbidden', { ruleId: request.scheme, cohortId });
  }
  if (state.status !== 'started' && state.status !== 'completed') {
    throw new DomainError('CLAIM.COHORT_NOT_COMPLETED', `the cohort is ${state.status}: a cohort is claimed once its training has run`, 'conflict', { cohortId, status: state.status });
  }
  return state;
}

/**
 * The facts of a completed cohort. It must be completed: the lines cover the whole training and their keys are
 * reserved for good, so a claim made halfway would leave the rest unclaimable (as for R-FREE-3).
 */
export async function completedProgrammeFacts(system: System, directory: RegistryDirectory, request: ClaimRequest, terms: ProgrammeTerms): Promise<CompletedProgrammeFacts> {
  const cohort = await claimableCohort(system, request, terms);
  if (cohort.status !== 'completed') {
    throw new DomainError('CLAIM.COHORT_NOT_COMPLETED', `the cohort is ${cohort.status}: a cohort is claimed once it is completed, for its whole training`, 'conflict', { cohortId: cohort.cohortId, status: cohort.status });
  }
  const period = { from: cohort.startedOn, to: cohort.completedOn };
  if (request.period && (request.period.from !== period.from || request.period.to !== period.to)) {
    throw new DomainError('CLAIM.PERIOD_NOT_COHORT', `a cohort claim covers the cohort's training, ${period.from} to ${period.to}: omit the period or give exactly that`, 'validation', { cohortId: cohort.cohortId }, [
      { field: 'period', message: `omit it, or give ${period.from} to ${period.to}` },
    ]);
  }
  const { trainees, trainingDaysHeld } = await programmeTrainees(system, cohort);
  return { cohort, period, serviceDate: cohort.startedOn, policy: directory.policyOn(cohort.startedOn, 'startedOn'), trainingDaysHeld, trainees };
}

/**
 * Everyone ever enrolled, from the cohort's stream, with their attended days from the read model once it has
 * applied everything committed when the request arrived (the keys a claim reserves are for ever: await-read-model.ts).
 */
export async function programmeTrainees(system: System, cohort: ClaimableCohort): Promise<{ trainees: ProgrammeTrainee[]; trainingDaysHeld: number }> {
  await awaitReadModel(system, PROJECTION);
  const attendance = await findCohortAttendance(system.db, cohort.cohortId);
  const attended = new Map(attendance.trainees.map((t) => [t.labourerId.toLowerCase(), t.daysAttended]));
  const daysOf = (labourerId: string) => attended.get(labourerId.toLowerCase()) ?? 0;
  const trainees = [
    ...cohort.trainees.map((t) => ({ labourerId: t.labourerId.toLowerCase(), enrolledOn: t.enrolledOn, withdrawnOn: null, attendedDays: daysOf(t.labourerId) })),
    ...cohort.withdrawn.map((w) => ({ labourerId: w.labourerId.toLowerCase(), enrolledOn: w.enrolledOn, withdrawnOn: w.withdrawnOn, attendedDays: daysOf(w.labourerId) })),
  ];
  return { trainees, trainingDaysHeld: attendance.days.length };
}

/** A cohort planned or approved before this fact was kept cannot be claimed under its scheme: say which fact. */
export function missingCohortFact(request: ClaimRequest, field: string, who: string): DomainError {
  return new DomainError('CLAIM.COHORT_FACT_MISSING', `${request.scheme} needs the cohort's ${field}, which ${who} did not record for this cohort: ask the bureau how to claim it`, 'conflict', {
    ruleId: request.scheme,
    cohortId: request.subject.id,
    field,
  });
}

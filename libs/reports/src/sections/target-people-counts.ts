import {
  ENTERPRISE_PROGRAMMES,
  FREE_TRAINING_PROGRAMMES,
  toCertificateStreamId,
  toCohortStreamId,
  toEmploymentStreamId,
  toLabourerStreamId,
  trainingStartOf,
  type CalendarDate,
  type CertificateLevel,
  type ProgrammeType,
} from '@skills/domain';
import { calculateOutcomeRates, type PolicyDocument } from '@skills/policy';
import { outcomeFactsOf } from '@skills/platform';
import type { EvaluationHistory } from '../history/evaluation-history';
import type { TraceRef } from '../tracing';
import type { TargetActual } from './target-status';

/** The report's unit (null: the district) and the target's own period cut at reportEnd, both ends included. */
export interface TargetScope {
  readonly unitId: string | null;
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly asOf: CalendarDate;
  policyOn(day: CalendarDate): PolicyDocument | undefined;
}

/** A target's actual and, asked for only when traced, the streams it was counted from (R-MON-1). */
export interface Counted {
  readonly actual: TargetActual;
  readonly refs: () => TraceRef[];
}

/** R-TGT-1 高技能人才: 高级工 and above (R-CERT-1 levels). */
const HIGH_SKILLED: ReadonlySet<CertificateLevel> = new Set(['SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN']);
const CERTIFICATE = ['CertificateRecorded'];
const ROSTER = ['CohortStarted', 'TraineeEnrolled', 'TraineeWithdrawn'];
const CARD = ['LabourerRegistered', 'LabourerGroupsChanged'];
const EMPLOYMENT = ['EmploymentRecorded', 'EmploymentVerified'];

const within = (day: CalendarDate, scope: TargetScope) => day >= scope.from && day <= scope.to;
const inUnit = (history: EvaluationHistory, labourerId: string, scope: TargetScope) => scope.unitId === null || history.simulation.people.cards.get(labourerId)?.subdistrictId === scope.unitId;

/**
 * R-TGT-1 新增技能劳动者: people whose first certificate known by asOf (any R-CERT-1 type) was issued in the scope,
 * counted for the unit of their card. A person certified before the period is no new skilled worker. `ids` is the
 * first certificate of each, the one that made them new.
 */
export function newSkilledWorkers(history: EvaluationHistory, scope: TargetScope): { readonly people: Map<string, string>; readonly counted: Counted } {
  const people = new Map<string, string>();
  for (const [labourerId, rows] of history.simulation.people.certificates) {
    let first = rows[0]!;
    for (const row of rows) if (row.issuedOn < first.issuedOn || (row.issuedOn === first.issuedOn && row.certificateId < first.certificateId)) first = row;
    if (within(first.issuedOn, scope) && inUnit(history, labourerId, scope)) people.set(labourerId, first.certificateId);
  }
  return { people, counted: { actual: { kind: 'COUNT', count: people.size }, refs: () => [...people.values()].map((id) => ({ streamId: toCertificateStreamId(id), types: CERTIFICATE })) } };
}

/**
 * R-TGT-1 "其中高技能人才占30%": of the new skilled workers of the scope (POLICY.md: "of whom"), those holding a
 * certificate of 高级工 or above issued in the scope. The holders before the plan are not in the system, so the share
 * of all skilled workers cannot be counted; this is the share of the new ones.
 */
export function highSkilledShare(history: EvaluationHistory, scope: TargetScope): Counted {
  const { people } = newSkilledWorkers(history, scope);
  const highSkilled = new Map<string, string>();
  for (const [certificateId, c] of history.registry.certificates) {
    if (c.level !== null && HIGH_SKILLED.has(c.level) && within(c.issuedOn, scope) && people.has(c.labourerId) && !highSkilled.has(c.labourerId)) highSkilled.set(c.labourerId, certificateId);
  }
  return {
    actual: { kind: 'SHARE', numerator: highSkilled.size, denominator: people.size },
    refs: () => [...new Set([...people.values(), ...highSkilled.values()])].map((id) => ({ streamId: toCertificateStreamId(id), types: CERTIFICATE })),
  };
}

interface TrainingTime {
  readonly cohortId: string;
  readonly labourerId: string;
  readonly startedOn: CalendarDate;
}

/**
 * The person-times (人次) of cohorts of `programmes` whose training began in the scope: one per trainee and cohort,
 * on the day the trainee's training began (trainingStartOf), for a cohort that started and a trainee who had not
 * left by that day (withdrawnOn is the first day away). Counted for the unit of the trainee's card.
 */
function trainingTimes(history: EvaluationHistory, programmes: ReadonlySet<ProgrammeType>, scope: TargetScope): TrainingTime[] {
  const times: TrainingTime[] = [];
  for (const [cohortId, cohort] of history.simulation.cohorts) {
    const row = cohort.row;
    if (!row || row.actualStart === null || row.status === 'cancelled' || !programmes.has(row.programmeType as ProgrammeType)) continue;
    for (const [labourerId, trainee] of cohort.trainees) {
      const startedOn = trainingStartOf({ startedOn: row.actualStart }, trainee);
      if (trainee.withdrawnOn !== null && trainee.withdrawnOn <= startedOn) continue;
      if (within(startedOn, scope) && inUnit(history, labourerId, scope)) times.push({ cohortId, labourerId, startedOn });
    }
  }
  return times;
}

const rosterRefs = (times: readonly TrainingTime[]): TraceRef[] => [...new Set(times.map((t) => t.cohortId))].map((id) => ({ streamId: toCohortStreamId(id), types: ROSTER }));

/** R-TGT-1 企业职工技能提升培训: person-times of the enterprise programmes (R-ENT-1 employee training, R-ENT-2 apprenticeship). */
export function enterpriseUpgradeTrainings(history: EvaluationHistory, scope: TargetScope): Counted {
  const times = trainingTimes(history, ENTERPRISE_PROGRAMMES, scope);
  return { actual: { kind: 'COUNT', count: times.length }, refs: () => rosterRefs(times) };
}

/** R-REG-4: a key-group member (十类重点就业群体) by the card as it stood the day the training began. */
const isKeyGroup = (history: EvaluationHistory, labourerId: string, day: CalendarDate) => history.simulation.people.markersOn(labourerId, day).keyGroups.length > 0;

/** R-TGT-1 重点就业群体补贴性职业技能培训: person-times of key-group trainees in free training (R-FREE-1). */
export function keyGroupTrainings(history: EvaluationHistory, scope: TargetScope): Counted {
  const times = trainingTimes(history, FREE_TRAINING_PROGRAMMES, scope).filter((t) => isKeyGroup(history, t.labourerId, t.startedOn));
  return {
    actual: { kind: 'COUNT', count: times.length },
    refs: () => [...rosterRefs(times), ...[...new Set(times.map((t) => t.labourerId))].map((id) => ({ streamId: toLabourerStreamId(id), types: CARD }))],
  };
}

/**
 * R-TGT-1 重点就业群体培训后就业率, by R-GATE-3: over the cohorts with an employment gate (GENERAL and the
 * employment-oriented ones) completed in the scope, the key-group trainees of each cohort's R-GATE base (key group
 * by the card on the day their training began), and of them those the cohort's employment gate counts, by the
 * policy in force on the cohort's start and the facts known on asOf. A window still open counts what is known.
 */
export function keyGroupEmploymentRate(history: EvaluationHistory, scope: TargetScope): Counted {
  const cohorts: string[] = [];
  const employments: string[] = [];
  let numerator = 0;
  let denominator = 0;
  for (const [cohortId, cohort] of history.simulation.cohorts) {
    const row = cohort.row;
    if (!row || row.completedOn === null || row.actualStart === null || !within(row.completedOn, scope)) continue;
    const facts = outcomeFactsOf(history.simulation, cohortId);
    const policy = scope.policyOn(row.actualStart);
    if (!facts || !policy) continue;
    const rates = calculateOutcomeRates({ ...facts, asOf: scope.asOf, policy });
    let any = false;
    for (const trainee of rates.trainees) {
      const enrolledOn = cohort.trainees.get(trainee.labourerId)?.enrolledOn ?? row.actualStart;
      if (!trainee.base.inBase || !inUnit(history, trainee.labourerId, scope) || !isKeyGroup(history, trainee.labourerId, trainingStartOf({ startedOn: row.actualStart }, { enrolledOn }))) continue;
      any = true;
      denominator++;
      if (!trainee.employment.counted) continue;
      numerator++;
      if (trainee.employment.evidenceId !== undefined) employments.push(trainee.employment.evidenceId);
    }
    if (any) cohorts.push(cohortId);
  }
  return {
    actual: { kind: 'SHARE', numerator, denominator },
    refs: () => [...cohorts.map((id) => ({ streamId: toCohortStreamId(id), types: [...ROSTER, 'CohortCompleted'] })), ...employments.map((id) => ({ streamId: toEmploymentStreamId(id), types: EMPLOYMENT }))],
  };
}

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
import type { EvaluationHistory } from '../history/evaluation-history';
import type { TraceRef } from '../tracing';
import { cohortEvaluation, type CohortJudge } from './cohort-evaluations';
import type { TargetActual } from './target-status';

/**
 * The report's unit (null: the district) and the target's own period cut at reportEnd, both ends included, which
 * selects facts by their own day; `judge` is the report's context (asOf, the policy in force), THE RULE of
 * report-context.ts.
 */
export interface TargetScope {
  readonly unitId: string | null;
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly judge: CohortJudge;
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

interface FirstCertificate {
  readonly certificateId: string;
  readonly issuedOn: CalendarDate;
}

/** Each person's first certificate known by asOf (the earliest issued, ties to the smaller id), once per history. */
const firstCertificatesMemo = new WeakMap<EvaluationHistory, ReadonlyMap<string, FirstCertificate>>();
/** newSkilledWorkers per history and scope (unit, from, to): the repeated lines and the high-skilled share share it. */
const newSkilledMemo = new WeakMap<EvaluationHistory, Map<string, NewSkilledWorkers>>();

function firstCertificates(history: EvaluationHistory): ReadonlyMap<string, FirstCertificate> {
  let firsts = firstCertificatesMemo.get(history);
  if (firsts) return firsts;
  const computed = new Map<string, FirstCertificate>();
  for (const [labourerId, rows] of history.simulation.people.certificates) {
    let first = rows[0]!;
    for (const row of rows) if (row.issuedOn < first.issuedOn || (row.issuedOn === first.issuedOn && row.certificateId < first.certificateId)) first = row;
    computed.set(labourerId, { certificateId: first.certificateId, issuedOn: first.issuedOn });
  }
  firstCertificatesMemo.set(history, (firsts = computed));
  return firsts;
}

export interface NewSkilledWorkers {
  /** By labourer id, the first certificate, the one that made them new. */
  readonly people: ReadonlyMap<string, string>;
  readonly counted: Counted;
}

/**
 * R-TGT-1 新增技能劳动者: people whose first certificate known by asOf (any R-CERT-1 type) was issued in the scope
 * (its own issue day, THE RULE of report-context.ts), counted for the unit of their card. A person certified before
 * the period is no new skilled worker. Memoised per history and scope.
 */
export function newSkilledWorkers(history: EvaluationHistory, scope: TargetScope): NewSkilledWorkers {
  let byScope = newSkilledMemo.get(history);
  if (!byScope) newSkilledMemo.set(history, (byScope = new Map()));
  const key = `${scope.unitId ?? 'district'}|${scope.from}|${scope.to}`;
  const known = byScope.get(key);
  if (known) return known;
  const people = new Map<string, string>();
  for (const [labourerId, first] of firstCertificates(history)) {
    if (within(first.issuedOn, scope) && inUnit(history, labourerId, scope)) people.set(labourerId, first.certificateId);
  }
  const found: NewSkilledWorkers = { people, counted: { actual: { kind: 'COUNT', count: people.size }, refs: () => [...people.values()].map((id) => ({ streamId: toCertificateStreamId(id), types: CERTIFICATE })) } };
  byScope.set(key, found);
  return found;
}

/**
 * R-TGT-1 "其中高技能人才占30%": of the new skilled workers of the scope (POLICY.md: "of whom"), those holding a
 * certificate of 高级工 or above issued in the scope. The holders before the plan are not in the system, so the share
 * of all skilled workers cannot be counted; this is the share of the new ones.
 */
export function highSkilledShare(history: EvaluationHistory, scope: TargetScope): Counted {
  const { people } = newSkilledWorkers(history, scope);
  const highSkilled = new Map<string, string>();
  // Only the new skilled workers' own certificates, in the order recorded: the first high-skilled one is named.
  for (const labourerId of people.keys()) {
    for (const { certificateId } of history.simulation.people.certificates.get(labourerId) ?? []) {
      const c = history.registry.certificates.get(certificateId);
      if (c && c.level !== null && HIGH_SKILLED.has(c.level) && within(c.issuedOn, scope)) {
        highSkilled.set(labourerId, certificateId);
        break;
      }
    }
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
 * employment-oriented ones) completed in the scope (the completion's own day, THE RULE of report-context.ts), the
 * key-group trainees of each cohort's R-GATE base (key group by the card on the day their training began), and of
 * them those the cohort's employment gate counts, by the policy in force on the cohort's start and the facts known
 * on asOf: the very evaluation the rates section shows (cohortEvaluation, once per cohort). A window still open
 * counts what is known. R-MON-1: the trace names the cohorts, the cards that put each trainee of the base in the
 * key group and the unit, and the employments counted.
 */
export function keyGroupEmploymentRate(history: EvaluationHistory, scope: TargetScope): Counted {
  const cohorts: string[] = [];
  const cards = new Set<string>();
  const employments: string[] = [];
  let numerator = 0;
  let denominator = 0;
  for (const [cohortId, cohort] of history.simulation.cohorts) {
    // Cheap checks first: only the cohorts completed in the scope are evaluated.
    const row = cohort.row;
    if (!row || row.completedOn === null || row.actualStart === null || !within(row.completedOn, scope)) continue;
    const evaluation = cohortEvaluation(history, scope.judge, cohortId);
    if (!evaluation) continue;
    let any = false;
    for (const trainee of evaluation.rates.trainees) {
      const enrolledOn = cohort.trainees.get(trainee.labourerId)?.enrolledOn ?? row.actualStart;
      if (!trainee.base.inBase || !inUnit(history, trainee.labourerId, scope) || !isKeyGroup(history, trainee.labourerId, trainingStartOf({ startedOn: row.actualStart }, { enrolledOn }))) continue;
      any = true;
      denominator++;
      cards.add(trainee.labourerId);
      if (!trainee.employment.counted) continue;
      numerator++;
      if (trainee.employment.evidenceId !== undefined) employments.push(trainee.employment.evidenceId);
    }
    if (any) cohorts.push(cohortId);
  }
  return {
    actual: { kind: 'SHARE', numerator, denominator },
    refs: () => [
      ...cohorts.map((id) => ({ streamId: toCohortStreamId(id), types: [...ROSTER, 'CohortCompleted'] })),
      ...[...cards].map((id) => ({ streamId: toLabourerStreamId(id), types: CARD })),
      ...employments.map((id) => ({ streamId: toEmploymentStreamId(id), types: EMPLOYMENT })),
    ],
  };
}

import { GATED_PROGRAMME_TYPE, type CertificateFacts, type CohortFacts, type EmploymentFacts, type TraineeFacts } from '@skills/policy';
import type { AssessmentRecord, CohortHistory, TraineeRow } from './cohort-history';
import type { CertificateRow, EmploymentRow } from './person-history';
import type { SimulationHistory } from './simulation-history';

/** PostgreSQL's btrim(text): spaces only, as the certificate-ownership query compares occupations. */
const btrim = (text: string) => text.replace(/^ +| +$/g, '');

/**
 * A gated cohort's facts for calculateOutcomeRates, built from the folded history exactly as traineeFactsOf and
 * cohortOutcomeRates build them from the read model (libs/projections/src/training/cohort-outcome-facts.query.ts):
 * every trainee ever enrolled, by labourer id, with every assessment record of the cohort, every certificate and
 * employment of the person. undefined when the cohort was never planned, or its programme has no gates.
 */
export function outcomeFactsOf(
  history: SimulationHistory,
  cohortId: string,
  outcomesOf: (labourerId: string) => PersonOutcomes = (labourerId) => personOutcomesOf(history, labourerId),
): { readonly cohort: CohortFacts; readonly trainees: TraineeFacts[] } | undefined {
  const record = history.cohorts.get(cohortId);
  const row = record?.row;
  if (!record || !row) return undefined;
  const programmeType = GATED_PROGRAMME_TYPE.safeParse(row.programmeType);
  if (!programmeType.success) return undefined;
  const cohort: CohortFacts = {
    cohortId,
    programmeType: programmeType.data,
    occupation: row.occupation,
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    plannedDays: row.plannedDays,
    ...(row.actualStart ? { actualStart: row.actualStart } : {}),
    ...(row.completedOn ? { completedOn: row.completedOn } : {}),
    ...(row.completionRecordedOn ? { completionRecordedOn: row.completionRecordedOn } : {}),
  };
  // The cohort's assessment records by person, once, in the order recorded (a filter per trainee is quadratic).
  const assessments = new Map<string, { result: AssessmentRecord['result']; recordedOn: string }[]>();
  for (const a of record.assessments) {
    const list = assessments.get(a.labourerId);
    if (list) list.push({ result: a.result, recordedOn: a.recordedOn });
    else assessments.set(a.labourerId, [{ result: a.result, recordedOn: a.recordedOn }]);
  }
  const ids = [...record.trainees.keys()].sort();
  const trainees = ids.map((labourerId): TraineeFacts => {
    const trainee = record.trainees.get(labourerId)!;
    const outcomes = outcomesOf(labourerId);
    return {
      labourerId,
      enrolledOn: trainee.enrolledOn,
      ...(trainee.withdrawnOn === null ? {} : { withdrawal: withdrawalOf(record, trainee, trainee.withdrawnOn) }),
      assessments: assessments.get(labourerId) ?? [],
      certificates: outcomes.certificates.map(({ facts, owner }) => ({ ...facts, countsForThisCohort: owner === undefined || owner === cohortId })),
      employments: [...outcomes.employments],
    };
  });
  return { cohort, trainees };
}

/** A person's certificates and employments as every cohort of theirs sees them; only countsForThisCohort differs by cohort. */
export interface PersonOutcomes {
  /** By issue day then id, each with the cohort it counts for (R-GATE-2), undefined when none of theirs qualifies. */
  readonly certificates: readonly { readonly facts: Omit<CertificateFacts, 'countsForThisCohort'>; readonly owner: string | undefined }[];
  /** By start day then id. */
  readonly employments: readonly EmploymentFacts[];
}

/** The person's outcomes in the history as it stands: for a read that is still folding (the simulation's claims). */
export function personOutcomesOf(history: SimulationHistory, labourerId: string): PersonOutcomes {
  return {
    certificates: [...(history.people.certificates.get(labourerId) ?? [])]
      .sort((a, b) => compare(a.issuedOn, b.issuedOn) || compare(a.certificateId, b.certificateId))
      .map((c) => ({ facts: { certificateId: c.certificateId, occupation: c.occupation, issuedOn: c.issuedOn, type: c.type, recordedOn: c.recordedOn }, owner: certificateOwner(history, c, labourerId) })),
    employments: [...(history.people.employments.get(labourerId) ?? [])].sort((a, b) => compare(a.startsOn, b.startsOn) || compare(a.employmentId, b.employmentId)).map(employmentFacts),
  };
}

/**
 * Issue 7 (speed): personOutcomesOf once per person for a history that is fully folded (a report's), instead of
 * once per person and cohort: a person in several cohorts has the same records, with the same owners, in each.
 * Not for a history still folding: a later certificate would not be seen.
 */
export function memoisedPersonOutcomes(history: SimulationHistory): (labourerId: string) => PersonOutcomes {
  const byPerson = new Map<string, PersonOutcomes>();
  return (labourerId) => {
    let outcomes = byPerson.get(labourerId);
    if (!outcomes) byPerson.set(labourerId, (outcomes = personOutcomesOf(history, labourerId)));
    return outcomes;
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function withdrawalOf(record: CohortHistory, trainee: TraineeRow, on: string) {
  const recordedOn = trainee.withdrawalRecordedOn === null ? {} : { recordedOn: trainee.withdrawalRecordedOn };
  return { on, reasonCode: trainee.withdrawalReason, ...recordedOn, trainingDaysHeldBefore: record.daysHeldBefore(trainee) };
}

/**
 * R-GATE-2, one certificate for one cohort (CERTIFICATES_SQL): of the person's cohorts in the certificate's occupation
 * that started on or before the issue day, are not cancelled, and that the person joined by the start and never
 * withdrew from, the one with the latest actual start, ties to the smaller cohort id.
 */
function certificateOwner(history: SimulationHistory, c: CertificateRow, labourerId: string): string | undefined {
  let owner: { id: string; start: string } | undefined;
  for (const id of history.cohortsOfPerson.get(labourerId) ?? []) {
    const record = history.cohorts.get(id)!;
    const row = record.row;
    const trainee = record.trainees.get(labourerId);
    if (!row || !trainee || row.status === 'cancelled' || btrim(row.occupation) !== btrim(c.occupation)) continue;
    const start = row.actualStart;
    if (start === null || start > c.issuedOn || trainee.enrolledOn > start || trainee.withdrawnOn !== null) continue;
    if (!owner || start > owner.start || (start === owner.start && id < owner.id)) owner = { id, start };
  }
  return owner?.id;
}

/** R-GATE-3: verified wins over rejected, as verificationOf reads the row. */
function employmentFacts(e: EmploymentRow): EmploymentFacts {
  const verification = e.verifiedOn !== null ? { verifiedOn: e.verifiedOn } : e.rejectedOn !== null && e.rejectionReason !== null ? { rejection: { on: e.rejectedOn, reasonCode: e.rejectionReason } } : {};
  return { employmentId: e.employmentId, startsOn: e.startsOn, recordedOn: e.recordedOn, ...verification };
}

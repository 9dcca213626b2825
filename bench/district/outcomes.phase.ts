/**
 * The outcome phases of a cohort, one wave apart: completion and final assessments (with the training certificate
 * of a pass), then skill certificates, then employment.
 */
import { toAssessmentStreamId, toCertificateNumberStreamId, toCertificateStreamId, toEmploymentStreamId } from '@skills/domain';
import type { StreamAppend } from '@skills/event-store';
import { MINUTE_MS, isoOf } from './district-calendar';
import type { Cohort, DistrictState } from './district-state';
import { EMPLOYER_CREDIT_CODES, ISSUERS } from './district-vocabulary';
import { RECORDING_LAGS, recordedAt, recordedDay } from './recording-lags';

const isEntrepreneurship = (cohort: Cohort): boolean => cohort.programme.type === 'ENTREPRENEURSHIP' || cohort.programme.type === 'COLLEGE_ENTREPRENEURSHIP';

export function completeCohort(state: DistrictState, cohort: Cohort, appends: StreamAppend[]): void {
  const { rng, writer } = state;
  const { cohortId, days } = cohort;
  const end = days[days.length - 1]!;
  const result = (pass: boolean): string => (pass ? 'PASS' : 'FAIL');
  // The results are entered in one sitting, the day the provider has the sheet.
  const recordedOn = recordedDay(rng, end, RECORDING_LAGS.assessment);
  let resultsInAt = cohort.lastRecordAt;
  for (const t of cohort.trainees) {
    if (t.withdrawAt !== undefined) continue;
    const { labourerId } = t;
    const assessedOn = isoOf(end);
    const at = recordedAt(rng, recordedOn);
    resultsInAt = Math.max(resultsInAt, at);
    writer.newCommandAt(at);
    // One in three hundred results is entered wrong and corrected some days later.
    const mistyped = rng.chance(1 / 300);
    const recorded = mistyped ? !t.passed : t.passed;
    const events = [writer.event('FinalAssessmentRecorded', { cohortId, labourerId, result: result(recorded), assessedOn })];
    // R-GATE-1: a pass issues the training certificate in the same command, dated the assessment day (as the assessment decider does).
    if (recorded) events.push(writer.event('TrainingCertificateIssued', { cohortId, labourerId, issuedOn: assessedOn }));
    if (mistyped) {
      const correctedOn = recordedDay(rng, recordedOn, RECORDING_LAGS.correction);
      writer.newCommand(correctedOn);
      const reason = 'DATA_ENTRY_ERROR';
      events.push(writer.event('FinalAssessmentCorrected', { cohortId, labourerId, result: result(t.passed), assessedOn, previousResult: result(recorded), reason, correctedOn: isoOf(correctedOn) }));
      events.push(
        t.passed
          ? writer.event('TrainingCertificateIssued', { cohortId, labourerId, issuedOn: assessedOn })
          : writer.event('TrainingCertificateRevoked', { cohortId, labourerId, revokedOn: isoOf(correctedOn), reason }),
      );
    }
    appends.push({ streamId: toAssessmentStreamId(cohortId, labourerId), expectedVersion: 'no_stream', events });
  }
  // Completed on the last planned day; the provider closes the cohort once its withdrawals (a completed cohort takes
  // none) and final results (R-GATE-1 reads those recorded by the completion) are in, so some days later at times.
  writer.newCommandAt(Math.max(recordedAt(rng, recordedDay(rng, end, RECORDING_LAGS.completion)), resultsInAt + MINUTE_MS));
  appends.push(writer.cohortAppend(cohort, [writer.event('CohortCompleted', { cohortId, completedOn: isoOf(end) })]));
}

export function certify(state: DistrictState, cohort: Cohort, appends: StreamAppend[]): void {
  const { rng, writer } = state;
  const end = cohort.days[cohort.days.length - 1]!;
  const entrepreneurship = isEntrepreneurship(cohort);
  // About two thirds of those who passed sit (and pass) the occupation's skill evaluation.
  const share = Math.min(0.97, cohort.programme.certificate / 0.95);
  for (const t of cohort.trainees) {
    if (!t.passed || !rng.chance(share)) continue;
    const certificateId = rng.uuid();
    const numberKey = rng.hex(32);
    const issuedOn = end + rng.int(15, 75);
    // The certificate and the reservation of its number, one command, some days after issue (a few after the window).
    writer.newCommand(recordedDay(rng, issuedOn, RECORDING_LAGS.certificate));
    appends.push({
      streamId: toCertificateStreamId(certificateId),
      expectedVersion: 'no_stream',
      events: [
        writer.event(
          'CertificateRecorded',
          {
            certificateId,
            labourerId: t.labourerId,
            numberKey,
            ...(entrepreneurship ? { type: 'SPECIAL_ABILITY' } : { type: 'SKILL_LEVEL', level: cohort.level }),
            occupation: cohort.occupation,
            issuer: rng.pick(ISSUERS),
            issuedOn: isoOf(issuedOn),
          },
        ),
      ],
    });
    appends.push({ streamId: toCertificateNumberStreamId(numberKey), expectedVersion: 'no_stream', events: [writer.event('CertificateNumberClaimed', { certificateId, labourerId: t.labourerId, recordedBy: { kind: 'PROVIDER', providerId: cohort.providerId } })] });
  }
}

export function employ(state: DistrictState, cohort: Cohort, appends: StreamAppend[]): void {
  const { rng, writer } = state;
  const end = cohort.days[cohort.days.length - 1]!;
  for (const t of cohort.trainees) {
    const foundWork = t.withdrawReason === 'FOUND_EMPLOYMENT';
    if (t.withdrawAt !== undefined && !foundWork) continue;
    const p = foundWork ? 0.9 : cohort.programme.employment * (t.passed ? 1 : 0.5);
    if (!rng.chance(p)) continue;
    const employmentId = rng.uuid();
    const startsOn = foundWork ? cohort.days[t.withdrawAt!]! + rng.int(0, 10) : end + rng.int(3, 120);
    const selfEmployed = isEntrepreneurship(cohort) ? rng.chance(0.7) : rng.chance(0.05);
    const recordedOn = recordedDay(rng, startsOn, RECORDING_LAGS.employment);
    writer.newCommand(recordedOn);
    const events = [
      writer.event(
        'EmploymentRecorded',
        {
          employmentId,
          labourerId: t.labourerId,
          ...(selfEmployed ? {} : { employer: rng.chance(0.3) ? { kind: 'ORGANISATION', creditCode: rng.pick(EMPLOYER_CREDIT_CODES) } : { kind: 'ENTERPRISE', enterpriseId: rng.uuid() } }),
          startsOn: isoOf(startsOn),
          evidenceRef: `doc:${rng.uuid()}`,
        },
      ),
    ];
    if (rng.chance(0.85)) {
      // The bureau verifies on the day it checks (the system dates it by its clock), some days after the record.
      const verifiedOn = recordedDay(rng, recordedOn, RECORDING_LAGS.verification);
      writer.newCommand(verifiedOn);
      events.push(writer.event('EmploymentVerified', { employmentId, verifiedOn: isoOf(verifiedOn), verifiedBy: rng.pick(state.reviewers) }));
    } else if (rng.chance(0.6)) {
      // Most records that fail the check are rejected (R-GATE-3), which decides a gate waiting on them; the rest
      // stay pending, as some do in any district.
      const rejectedOn = recordedDay(rng, recordedOn, RECORDING_LAGS.verification);
      writer.newCommand(rejectedOn);
      const reason = rng.pick(['EVIDENCE_MISSING', 'EVIDENCE_MISMATCH', 'EMPLOYER_NOT_CONFIRMED'] as const);
      events.push(writer.event('EmploymentRejected', { employmentId, rejectedOn: isoOf(rejectedOn), rejectedBy: rng.pick(state.reviewers), reason }));
    }
    appends.push({ streamId: toEmploymentStreamId(employmentId), expectedVersion: 'no_stream', events });
  }
}

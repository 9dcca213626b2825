import { shanghaiDateOf, type CalendarDate } from '../shared/calendar-date';
import { assertNever, type Decider } from '../shared/decider';
import type { AssessmentCommand, CorrectFinalAssessment, RecordFinalAssessment } from './assessment.commands';
import * as errors from './assessment.errors';
import type { AssessmentEvent } from './assessment.events';
import { assertDate, assertNotAfterToday, assertUuid } from './outcomes.rules';
import { ASSESSMENT_CORRECTION_REASON, ASSESSMENT_RESULT, type AssessmentResult } from './outcomes-vocabulary';

/**
 * The stream toAssessmentStreamId(cohortId, labourerId). One final assessment per trainee and cohort (no retakes:
 * the notice counts one 培训合格证 per trainee); a wrong record is corrected with a reason code, never replaced.
 */
export type AssessmentState =
  | { readonly status: 'none' }
  | { readonly status: 'assessed'; readonly result: AssessmentResult; readonly assessedOn: CalendarDate; readonly certified: boolean };

export const assessmentDecider: Decider<AssessmentCommand, AssessmentState, AssessmentEvent> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'RecordFinalAssessment':
        return record(command, state);
      case 'CorrectFinalAssessment':
        return correct(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'FinalAssessmentRecorded':
        return { status: 'assessed', result: event.data.result, assessedOn: event.data.assessedOn, certified: false };
      case 'FinalAssessmentCorrected':
        return state.status === 'assessed' ? { ...state, result: event.data.result, assessedOn: event.data.assessedOn } : state;
      case 'TrainingCertificateIssued':
        return state.status === 'assessed' ? { ...state, certified: true } : state;
      case 'TrainingCertificateRevoked':
        return state.status === 'assessed' ? { ...state, certified: false } : state;
      default:
        return assertNever(event);
    }
  },
};

function record(command: RecordFinalAssessment, state: AssessmentState): AssessmentEvent[] {
  if (state.status === 'assessed') {
    // The same result on the same day again is a retry.
    if (state.result === command.result && state.assessedOn === command.assessedOn) return [];
    throw errors.alreadyRecorded(state.result, state.assessedOn);
  }
  assertAssessment(command);
  const { cohortId, labourerId } = lowerCaseIds(command);
  const { result, assessedOn } = command;
  const recorded: AssessmentEvent = { type: 'FinalAssessmentRecorded', data: { cohortId, labourerId, result, assessedOn } };
  if (result === 'FAIL') return [recorded];
  return [recorded, { type: 'TrainingCertificateIssued', data: { cohortId, labourerId, issuedOn: assessedOn } }];
}

function correct(command: CorrectFinalAssessment, state: AssessmentState): AssessmentEvent[] {
  if (state.status === 'none') throw errors.notRecorded(command.cohortId, command.labourerId);
  if (!ASSESSMENT_CORRECTION_REASON.safeParse(command.reason).success) throw errors.reasonRequired();
  if (state.result === command.result && state.assessedOn === command.assessedOn) return [];
  assertAssessment(command);
  const { cohortId, labourerId } = lowerCaseIds(command);
  const { result, assessedOn, reason } = command;
  const correctedOn = shanghaiDateOf(command.context.now);
  const events: AssessmentEvent[] = [
    { type: 'FinalAssessmentCorrected', data: { cohortId, labourerId, result, assessedOn, previousResult: state.result, reason, correctedOn } },
  ];
  if (result === 'PASS' && !state.certified) events.push({ type: 'TrainingCertificateIssued', data: { cohortId, labourerId, issuedOn: assessedOn } });
  if (result === 'FAIL' && state.certified) events.push({ type: 'TrainingCertificateRevoked', data: { cohortId, labourerId, revokedOn: correctedOn, reason } });
  return events;
}

function assertAssessment(command: RecordFinalAssessment | CorrectFinalAssessment): void {
  assertUuid('ASSESSMENT', command.cohortId, 'cohortId');
  assertUuid('ASSESSMENT', command.labourerId, 'labourerId');
  if (!ASSESSMENT_RESULT.safeParse(command.result).success) throw errors.invalidResult();
  assertDate('ASSESSMENT', command.assessedOn, 'assessedOn');
  assertNotAfterToday('ASSESSMENT', command.assessedOn, 'assessedOn', command.context.now);
  const { enrolment, cohort } = command;
  if (enrolment.status === 'NOT_ENROLLED') throw errors.traineeNotEnrolled(command.cohortId, command.labourerId);
  if (enrolment.withdrawnOn !== undefined && enrolment.withdrawnOn <= command.assessedOn) throw errors.traineeWithdrawn(enrolment.withdrawnOn);
  if (command.assessedOn < cohort.plannedStart) throw errors.beforeCohortStart(command.assessedOn, cohort.plannedStart);
}

function lowerCaseIds(command: { readonly cohortId: string; readonly labourerId: string }) {
  return { cohortId: command.cohortId.toLowerCase(), labourerId: command.labourerId.toLowerCase() };
}

import { DomainError } from '../shared/domain-error';
import { ASSESSMENT_CORRECTION_REASON } from './outcomes-vocabulary';

export const invalidResult = () =>
  new DomainError('ASSESSMENT.INVALID_RESULT', 'the result must be PASS or FAIL', 'validation', {}, [{ field: 'result', message: 'choose PASS or FAIL' }]);

export const traineeNotEnrolled = (cohortId: string, labourerId: string) =>
  new DomainError('ASSESSMENT.TRAINEE_NOT_ENROLLED', 'this person is not enrolled in the cohort: check the labourer id', 'rule', { cohortId, labourerId }, [
    { field: 'labourerId', message: 'not enrolled in this cohort' },
  ]);

export const traineeWithdrawn = (withdrawnOn: string) =>
  new DomainError('ASSESSMENT.TRAINEE_WITHDRAWN', `the trainee withdrew on ${withdrawnOn}: a later assessment cannot be recorded for this cohort`, 'rule', { withdrawnOn }, [
    { field: 'assessedOn', message: `the trainee withdrew on ${withdrawnOn}` },
  ]);

export const beforeCohortStart = (assessedOn: string, plannedStart: string) =>
  new DomainError('ASSESSMENT.BEFORE_COHORT_START', `the cohort starts on ${plannedStart}: a final assessment cannot come before it`, 'rule', { assessedOn, plannedStart }, [
    { field: 'assessedOn', message: `use a date on or after ${plannedStart}` },
  ]);

// R-GATE-1: one final assessment per trainee and cohort; a wrong one is corrected, with a reason.
export const alreadyRecorded = (result: string, assessedOn: string) =>
  new DomainError('ASSESSMENT.ALREADY_RECORDED', `a final assessment (${result} on ${assessedOn}) is recorded already: correct it with a reason instead`, 'conflict', {
    ruleId: 'R-GATE-1',
    result,
    assessedOn,
  });

export const notRecorded = (cohortId: string, labourerId: string) =>
  new DomainError('ASSESSMENT.NOT_RECORDED', 'no final assessment is recorded for this trainee: record it before correcting it', 'not_found', { cohortId, labourerId });

export const reasonRequired = () =>
  new DomainError('ASSESSMENT.REASON_REQUIRED', `say why with one of: ${ASSESSMENT_CORRECTION_REASON.options.join(', ')}`, 'validation', {}, [
    { field: 'reason', message: 'choose a reason from the list' },
  ]);

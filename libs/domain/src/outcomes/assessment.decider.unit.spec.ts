import { given } from '../shared/testing/given-when-then';
import type { CorrectFinalAssessment, RecordFinalAssessment } from './assessment.commands';
import { assessmentDecider } from './assessment.decider';
import type { AssessmentEvent } from './assessment.events';
import { COHORT, COHORT_ID, CONTEXT, ENROLLED, LABOURER_ID } from './testing/outcomes-fixtures';

const ids = { cohortId: COHORT_ID, labourerId: LABOURER_ID };
const record = (overrides: Partial<RecordFinalAssessment> = {}): RecordFinalAssessment => ({
  type: 'RecordFinalAssessment',
  ...ids,
  result: 'PASS',
  assessedOn: '2021-03-12',
  cohort: COHORT,
  enrolment: ENROLLED,
  context: CONTEXT,
  ...overrides,
});
const correct = (overrides: Partial<CorrectFinalAssessment> = {}): CorrectFinalAssessment => ({
  ...record(),
  type: 'CorrectFinalAssessment',
  reason: 'DATA_ENTRY_ERROR',
  ...overrides,
});
const recorded = (result: 'PASS' | 'FAIL', assessedOn = '2021-03-12'): AssessmentEvent => ({ type: 'FinalAssessmentRecorded', data: { ...ids, result, assessedOn } });
const certificate = (issuedOn = '2021-03-12'): AssessmentEvent => ({ type: 'TrainingCertificateIssued', data: { ...ids, issuedOn } });

describe('final assessment and training certificate (培训合格证)', () => {
  it('R-GATE-1 a pass records the assessment and issues the training certificate', () => {
    given(assessmentDecider).when(record()).then([recorded('PASS'), certificate()]);
  });

  it('R-GATE-1 a fail issues no certificate', () => {
    given(assessmentDecider).when(record({ result: 'FAIL' })).then([recorded('FAIL')]);
  });

  it('R-GATE-1 keeps one final assessment per trainee: a retry is nothing, a different result needs a correction', () => {
    const history = [recorded('FAIL')];
    given(assessmentDecider, history).when(record({ result: 'FAIL' })).thenNothingHappens();
    const error = given(assessmentDecider, history).when(record({ result: 'PASS' })).thenThrows('ASSESSMENT.ALREADY_RECORDED');
    expect(error.kind).toBe('conflict');
  });

  it('R-GATE-1 a fail corrected to a pass issues the certificate, with the reason and the earlier result', () => {
    given(assessmentDecider, [recorded('FAIL', '2021-03-11')])
      .when(correct({ reason: 'RESULT_REVISED_BY_EVALUATION_BODY' }))
      .then([
        {
          type: 'FinalAssessmentCorrected',
          data: { ...ids, result: 'PASS', assessedOn: '2021-03-12', previousResult: 'FAIL', reason: 'RESULT_REVISED_BY_EVALUATION_BODY', correctedOn: '2021-03-15' },
        },
        certificate(),
      ]);
  });

  it('R-GATE-1 a pass corrected to a fail revokes the certificate; correcting to the same record is nothing', () => {
    const history = [recorded('PASS'), certificate()];
    const events = given(assessmentDecider, history).when(correct({ result: 'FAIL' })).then([
      expect.objectContaining({ type: 'FinalAssessmentCorrected' }) as AssessmentEvent,
      { type: 'TrainingCertificateRevoked', data: { ...ids, revokedOn: '2021-03-15', reason: 'DATA_ENTRY_ERROR' } },
    ]);
    const after = [...history, ...events];
    expect(given(assessmentDecider, after).state).toEqual({ status: 'assessed', result: 'FAIL', assessedOn: '2021-03-12', certified: false });
    given(assessmentDecider, after).when(correct({ result: 'FAIL' })).thenNothingHappens();
  });

  it('needs a recorded assessment and a reason code to correct', () => {
    given(assessmentDecider).when(correct()).thenThrows('ASSESSMENT.NOT_RECORDED');
    given(assessmentDecider, [recorded('FAIL')]).when(correct({ reason: 'because' as never })).thenThrows('ASSESSMENT.REASON_REQUIRED');
  });

  it('R-GATE-1 refuses an assessment of someone not enrolled, withdrawn, before the cohort, or in the future', () => {
    given(assessmentDecider).when(record({ enrolment: { status: 'NOT_ENROLLED' } })).thenThrows('ASSESSMENT.TRAINEE_NOT_ENROLLED');
    given(assessmentDecider).when(record({ enrolment: { ...ENROLLED, withdrawnOn: '2021-03-05' } })).thenThrows('ASSESSMENT.TRAINEE_WITHDRAWN');
    given(assessmentDecider).when(record({ assessedOn: '2021-02-28' })).thenThrows('ASSESSMENT.BEFORE_COHORT_START');
    given(assessmentDecider).when(record({ assessedOn: '2021-03-16' })).thenThrows('ASSESSMENT.DATE_IN_FUTURE');
    given(assessmentDecider).when(record({ result: 'MAYBE' as never })).thenThrows('ASSESSMENT.INVALID_RESULT');
  });
});

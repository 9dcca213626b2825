import { given } from '../shared/testing/given-when-then';
import type { RecordEmployment } from './employment.commands';
import { employmentDecider } from './employment.decider';
import type { EmploymentEvent } from './employment.events';
import { CONTEXT, EMPLOYMENT_ID, ENTERPRISE_ID, LABOURER_ID, OTHER_LABOURER_ID } from './testing/outcomes-fixtures';

const recordCommand = (overrides: Partial<RecordEmployment> = {}): RecordEmployment => ({
  type: 'RecordEmployment',
  employmentId: EMPLOYMENT_ID,
  labourerId: LABOURER_ID,
  employer: { kind: 'ENTERPRISE', enterpriseId: ENTERPRISE_ID },
  startsOn: '2021-03-01',
  evidenceRef: 'doc:contract-0001',
  context: CONTEXT,
  ...overrides,
});
const recorded: EmploymentEvent = {
  type: 'EmploymentRecorded',
  data: { employmentId: EMPLOYMENT_ID, labourerId: LABOURER_ID, employer: { kind: 'ENTERPRISE', enterpriseId: ENTERPRISE_ID }, startsOn: '2021-03-01', evidenceRef: 'doc:contract-0001' },
};
const verified: EmploymentEvent = { type: 'EmploymentVerified', data: { employmentId: EMPLOYMENT_ID, verifiedOn: '2021-03-14', verifiedBy: 'clerk-1' } };
const verify = { type: 'VerifyEmployment' as const, employmentId: EMPLOYMENT_ID, verifiedOn: '2021-03-14', context: CONTEXT };
const endOn = (endsOn: string) => ({ type: 'EndEmployment' as const, employmentId: EMPLOYMENT_ID, endsOn, context: CONTEXT });

describe('R-GATE-3 employment records', () => {
  it('R-GATE-3 records an employment with an enterprise, an organisation by its credit code, or none (self-employed)', () => {
    given(employmentDecider).when(recordCommand()).then([recorded]);
    given(employmentDecider)
      .when(recordCommand({ employer: { kind: 'ORGANISATION', creditCode: ' 92140502ma0k12345d ' } }))
      .then([{ type: 'EmploymentRecorded', data: { ...recorded.data, employer: { kind: 'ORGANISATION', creditCode: '92140502MA0K12345D' } } } as EmploymentEvent]);
    given(employmentDecider).when(recordCommand({ employer: undefined })).then([{ type: 'EmploymentRecorded', data: { ...recorded.data, employer: undefined } } as never]);
  });

  it('R-GATE-3 verification is what makes a record count; verifying twice is nothing', () => {
    given(employmentDecider, [recorded]).when(verify).then([verified]);
    given(employmentDecider, [recorded, verified]).when({ ...verify, verifiedOn: '2021-03-15' }).thenNothingHappens();
    given(employmentDecider).when(verify).thenThrows('EMPLOYMENT.NOT_FOUND');
  });

  it('R-GATE-3 an employment that ended is kept as history, still verified', () => {
    const { state } = given(employmentDecider, [recorded, verified, { type: 'EmploymentEnded', data: { employmentId: EMPLOYMENT_ID, endsOn: '2021-03-10' } }]);
    expect(state).toMatchObject({ status: 'recorded', startsOn: '2021-03-01', endsOn: '2021-03-10', verified: { verifiedOn: '2021-03-14' } });
    given(employmentDecider, [recorded]).when(endOn('2021-03-10')).then([{ type: 'EmploymentEnded', data: { employmentId: EMPLOYMENT_ID, endsOn: '2021-03-10' } }]);
  });

  it('R-GATE-3 refuses an end before the start or a second, different end', () => {
    given(employmentDecider, [recorded]).when(endOn('2021-02-28')).thenThrows('EMPLOYMENT.ENDS_BEFORE_START');
    const ended: EmploymentEvent = { type: 'EmploymentEnded', data: { employmentId: EMPLOYMENT_ID, endsOn: '2021-03-10' } };
    given(employmentDecider, [recorded, ended]).when(endOn('2021-03-10')).thenNothingHappens();
    given(employmentDecider, [recorded, ended]).when(endOn('2021-03-11')).thenThrows('EMPLOYMENT.ALREADY_ENDED');
  });

  it('R-GATE-3 refuses a start after today, missing evidence, or a bad employer', () => {
    given(employmentDecider).when(recordCommand({ startsOn: '2021-04-01' })).thenThrows('EMPLOYMENT.DATE_IN_FUTURE');
    given(employmentDecider).when(recordCommand({ evidenceRef: 'the contract in the blue folder' })).thenThrows('EMPLOYMENT.INVALID_EVIDENCE');
    given(employmentDecider).when(recordCommand({ employer: { kind: 'ENTERPRISE', enterpriseId: 'acme' } })).thenThrows('EMPLOYMENT.INVALID_EMPLOYER');
    // A name is no longer accepted (it may be a person's), nor a code whose check character is wrong.
    given(employmentDecider).when(recordCommand({ employer: { kind: 'ORGANISATION', name: '张三便利店' } as never })).thenThrows('EMPLOYMENT.INVALID_EMPLOYER');
    given(employmentDecider).when(recordCommand({ employer: { kind: 'ORGANISATION', creditCode: '92140502MA0K12345E' } })).thenThrows('EMPLOYMENT.INVALID_EMPLOYER');
    given(employmentDecider).when(recordCommand({ employer: { kind: 'UNIDENTIFIED_ORGANISATION' } as never })).thenThrows('EMPLOYMENT.INVALID_EMPLOYER');
  });

  it('treats the same record again as a retry and another record under the same id as a conflict', () => {
    given(employmentDecider, [recorded]).when(recordCommand()).thenNothingHappens();
    given(employmentDecider, [recorded]).when(recordCommand({ labourerId: OTHER_LABOURER_ID })).thenThrows('EMPLOYMENT.ALREADY_RECORDED');
  });
});

describe('R-GATE-3 R-GATE-4 the bureau rejects an employment whose evidence does not hold up', () => {
  const reject = (overrides: Record<string, unknown> = {}) => ({ type: 'RejectEmployment' as const, employmentId: EMPLOYMENT_ID, reason: 'EVIDENCE_MISMATCH' as const, rejectedOn: '2021-03-14', context: CONTEXT, ...overrides });
  const rejected: EmploymentEvent = { type: 'EmploymentRejected', data: { employmentId: EMPLOYMENT_ID, rejectedOn: '2021-03-14', rejectedBy: 'clerk-1', reason: 'EVIDENCE_MISMATCH' } };

  it('R-GATE-3 rejects an unverified record with a reason code, the reviewer and the day', () => {
    given(employmentDecider, [recorded]).when(reject()).then([rejected]);
    const { state } = given(employmentDecider, [recorded, rejected]);
    expect(state).toMatchObject({ status: 'recorded', rejected: { rejectedOn: '2021-03-14', rejectedBy: 'clerk-1', reason: 'EVIDENCE_MISMATCH' } });
    expect(state).not.toHaveProperty('verified');
  });

  it('R-GATE-3 a verified record cannot be rejected, and a rejected one cannot be verified', () => {
    const refused = given(employmentDecider, [recorded, verified]).when(reject()).thenThrows('EMPLOYMENT.ALREADY_VERIFIED');
    expect(refused.message).toContain('verified on 2021-03-14');
    const unverifiable = given(employmentDecider, [recorded, rejected]).when(verify).thenThrows('EMPLOYMENT.REJECTED');
    expect(unverifiable.message).toContain('rejected on 2021-03-14 (EVIDENCE_MISMATCH)');
  });

  it('R-GATE-3 the same rejection again is a retry; another reason is a conflict', () => {
    given(employmentDecider, [recorded, rejected]).when(reject({ rejectedOn: '2021-03-15' })).thenNothingHappens();
    given(employmentDecider, [recorded, rejected]).when(reject({ reason: 'NOT_EMPLOYMENT' })).thenThrows('EMPLOYMENT.ALREADY_REJECTED');
  });

  it('R-GATE-3 refuses a rejection without a listed reason, dated after today, or of no record', () => {
    given(employmentDecider, [recorded]).when(reject({ reason: 'the contract looks forged' })).thenThrows('EMPLOYMENT.REJECTION_REASON_REQUIRED');
    given(employmentDecider, [recorded]).when(reject({ rejectedOn: '2021-03-16' })).thenThrows('EMPLOYMENT.DATE_IN_FUTURE');
    given(employmentDecider).when(reject()).thenThrows('EMPLOYMENT.NOT_FOUND');
  });
});

import type { CalendarDate } from '../shared/calendar-date';
import { assertNever, type Decider } from '../shared/decider';
import type { EmploymentCommand, EndEmployment, RecordEmployment, RejectEmployment, VerifyEmployment } from './employment.commands';
import * as errors from './employment.errors';
import { EMPLOYMENT_REJECTION_REASON, employerSchema, type EmploymentEvent, type EmploymentRecorded, type EmploymentRejectionReason } from './employment.events';
import { assertDate, assertNotAfterToday, assertUuid } from './outcomes.rules';
import { evidenceRefSchema } from './outcomes-vocabulary';

/**
 * The stream toEmploymentStreamId(employmentId). R-GATE-3 counts a record only once verified; the bureau may instead
 * reject it, and then it never counts. Either decision is final: a verified record cannot be rejected, nor a rejected
 * one verified. Facts are recorded once they have happened: a start or an end after today is refused. An ended
 * employment stays as history.
 */
export type EmploymentState =
  | { readonly status: 'absent' }
  | (EmploymentRecorded['data'] & {
      readonly status: 'recorded';
      readonly verified?: { readonly verifiedOn: CalendarDate; readonly verifiedBy: string };
      readonly rejected?: { readonly rejectedOn: CalendarDate; readonly rejectedBy: string; readonly reason: EmploymentRejectionReason };
    });

export const employmentDecider: Decider<EmploymentCommand, EmploymentState, EmploymentEvent> = {
  initialState: () => ({ status: 'absent' }),
  decide(command, state) {
    switch (command.type) {
      case 'RecordEmployment':
        return record(command, state);
      case 'VerifyEmployment':
        return verify(command, state);
      case 'EndEmployment':
        return end(command, state);
      case 'RejectEmployment':
        return reject(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'EmploymentRecorded':
        return { status: 'recorded', ...event.data };
      case 'EmploymentVerified':
        return state.status === 'recorded' ? { ...state, verified: { verifiedOn: event.data.verifiedOn, verifiedBy: event.data.verifiedBy } } : state;
      case 'EmploymentEnded':
        return state.status === 'recorded' ? { ...state, endsOn: event.data.endsOn } : state;
      case 'EmploymentRejected': {
        const { rejectedOn, rejectedBy, reason } = event.data;
        return state.status === 'recorded' ? { ...state, rejected: { rejectedOn, rejectedBy, reason } } : state;
      }
      default:
        return assertNever(event);
    }
  },
};

function record(command: RecordEmployment, state: EmploymentState): EmploymentEvent[] {
  assertUuid('EMPLOYMENT', command.employmentId, 'employmentId');
  assertUuid('EMPLOYMENT', command.labourerId, 'labourerId');
  if (command.employer !== undefined && !employerSchema.safeParse(command.employer).success) throw errors.invalidEmployer();
  assertDate('EMPLOYMENT', command.startsOn, 'startsOn');
  assertNotAfterToday('EMPLOYMENT', command.startsOn, 'startsOn', command.context.now);
  if (command.endsOn !== undefined) assertEnd(command.startsOn, command.endsOn, command.context.now);
  if (!evidenceRefSchema.safeParse(command.evidenceRef).success) throw errors.invalidEvidenceRef();
  const { employmentId, labourerId, employer, startsOn, endsOn, evidenceRef } = command;
  const data: EmploymentRecorded['data'] = {
    employmentId: employmentId.toLowerCase(),
    labourerId: labourerId.toLowerCase(),
    ...(employer === undefined ? {} : { employer: employerSchema.parse(employer) }),
    startsOn,
    ...(endsOn === undefined ? {} : { endsOn }),
    evidenceRef,
  };
  if (state.status === 'recorded') {
    // The same record under the same id again is a retry.
    const same =
      state.labourerId === data.labourerId &&
      state.startsOn === startsOn &&
      (endsOn === undefined || state.endsOn === endsOn) &&
      state.evidenceRef === evidenceRef &&
      JSON.stringify(state.employer) === JSON.stringify(data.employer);
    if (same) return [];
    throw errors.alreadyRecorded(command.employmentId);
  }
  return [{ type: 'EmploymentRecorded', data }];
}

function verify(command: VerifyEmployment, state: EmploymentState): EmploymentEvent[] {
  if (state.status === 'absent') throw errors.notFound(command.employmentId);
  if (state.rejected) throw errors.rejectedCannotBeVerified(state.employmentId, state.rejected.rejectedOn, state.rejected.reason);
  if (state.verified) return [];
  assertDate('EMPLOYMENT', command.verifiedOn, 'verifiedOn');
  assertNotAfterToday('EMPLOYMENT', command.verifiedOn, 'verifiedOn', command.context.now);
  return [{ type: 'EmploymentVerified', data: { employmentId: state.employmentId, verifiedOn: command.verifiedOn, verifiedBy: command.context.actor } }];
}

/** R-GATE-3, R-GATE-4: the bureau's "no", so a record made in time but never provable stops keeping a closed gate waiting. */
function reject(command: RejectEmployment, state: EmploymentState): EmploymentEvent[] {
  if (state.status === 'absent') throw errors.notFound(command.employmentId);
  if (!EMPLOYMENT_REJECTION_REASON.safeParse(command.reason).success) throw errors.rejectionReasonRequired();
  if (state.verified) throw errors.verifiedCannotBeRejected(state.employmentId, state.verified.verifiedOn);
  if (state.rejected) {
    // The same reason again is a retry; another reason would rewrite the decision taken.
    if (state.rejected.reason === command.reason) return [];
    throw errors.alreadyRejected(state.employmentId, state.rejected.rejectedOn, state.rejected.reason);
  }
  assertDate('EMPLOYMENT', command.rejectedOn, 'rejectedOn');
  assertNotAfterToday('EMPLOYMENT', command.rejectedOn, 'rejectedOn', command.context.now);
  const data = { employmentId: state.employmentId, rejectedOn: command.rejectedOn, rejectedBy: command.context.actor, reason: command.reason };
  return [{ type: 'EmploymentRejected', data }];
}

function end(command: EndEmployment, state: EmploymentState): EmploymentEvent[] {
  if (state.status === 'absent') throw errors.notFound(command.employmentId);
  if (state.endsOn === command.endsOn) return [];
  if (state.endsOn !== undefined) throw errors.alreadyEnded(state.employmentId, state.endsOn);
  assertEnd(state.startsOn, command.endsOn, command.context.now);
  return [{ type: 'EmploymentEnded', data: { employmentId: state.employmentId, endsOn: command.endsOn } }];
}

function assertEnd(startsOn: CalendarDate, endsOn: CalendarDate, now: string): void {
  assertDate('EMPLOYMENT', endsOn, 'endsOn');
  assertNotAfterToday('EMPLOYMENT', endsOn, 'endsOn', now);
  if (endsOn < startsOn) throw errors.endBeforeStart(startsOn, endsOn);
}

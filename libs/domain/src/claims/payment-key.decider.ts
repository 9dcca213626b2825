import { assertNever, type Decider } from '../shared/decider';
import type { ReservePaymentKey } from './claim.commands';
import type { PaymentKeyReserved } from './claim.events';

export type PaymentKeyState = { readonly status: 'free' } | ({ readonly status: 'reserved' } & PaymentKeyReserved['data']);

/**
 * R-CLAIM-2: one payment key (one person, one scheme, one subject, one period) held by one claim line. The first
 * reservation wins; the store's 'no_stream' check makes that hold when two claims race. Release on rejection is
 * the review's (R-CLAIM-3), on this stream.
 */
export const paymentKeyDecider: Decider<ReservePaymentKey, PaymentKeyState, PaymentKeyReserved> = {
  initialState: () => ({ status: 'free' }),
  decide(command, state) {
    switch (state.status) {
      case 'free': {
        const { claimId, scheme, subject, period, submittedBy, line } = command;
        const labourerId = line.labourerId === undefined ? {} : { labourerId: line.labourerId };
        return [{ type: 'PaymentKeyReserved', data: { claimId: claimId.toLowerCase(), lineId: line.lineId, scheme, subject: { kind: subject.kind, id: subject.id.toLowerCase() }, period, ...labourerId, organisation: submittedBy.organisation } }];
      }
      case 'reserved':
        // claim-submission.ts collects every taken key first to name them all in one error; this is the last guard.
        throw new Error(`payment key of line ${command.line.lineId} is reserved by claim ${state.claimId}`);
      default:
        return assertNever(state);
    }
  },
  evolve(state, event) {
    return state.status === 'free' ? { status: 'reserved', ...event.data } : state;
  },
};

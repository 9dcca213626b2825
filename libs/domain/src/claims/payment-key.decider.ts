import { assertNever, type Decider } from '../shared/decider';
import type { ReservePaymentKey } from './claim.commands';
import type { PaymentKeyReserved } from './claim.events';
import type { PaymentKeyReleased } from './review.events';

/** Free: never reserved, or released by the claim that held it (`released`: the last release, for the record). */
export type PaymentKeyState =
  | { readonly status: 'free'; readonly released?: PaymentKeyReleased['data'] }
  | ({ readonly status: 'reserved' } & PaymentKeyReserved['data']);

export type PaymentKeyEvent = PaymentKeyReserved | PaymentKeyReleased;

/**
 * R-CLAIM-2: one payment key (one person, one scheme, one subject, one period) held by one claim line. The first
 * reservation wins; the store's expected-version check makes that hold when two claims race. A rejected claim, or a
 * resubmitted one that dropped the line, releases the key on this stream (review-payment-keys.ts), and it may be
 * reserved again by a later claim, at the stream's version.
 */
export const paymentKeyDecider: Decider<ReservePaymentKey, PaymentKeyState, PaymentKeyEvent> = {
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
    switch (event.type) {
      case 'PaymentKeyReserved':
        return state.status === 'free' ? { status: 'reserved', ...event.data } : state;
      case 'PaymentKeyReleased':
        return state.status === 'reserved' && state.claimId === event.data.claimId ? { status: 'free', released: event.data } : state;
      default:
        return assertNever(event);
    }
  },
};

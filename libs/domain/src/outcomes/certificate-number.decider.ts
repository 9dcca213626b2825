import { assertNever, type CommandContext, type Decider } from '../shared/decider';
import * as errors from './certificate.errors';
import type { CertificateNumberClaimed } from './certificate.events';

/** R-CERT-1: claims one (issuer, number) for one certificate, on toCertificateNumberStreamId(numberKey). */
export interface ClaimCertificateNumber {
  readonly type: 'ClaimCertificateNumber';
  readonly certificateId: string;
  readonly labourerId: string;
  readonly context: CommandContext;
}

export type CertificateNumberState =
  | { readonly status: 'unclaimed' }
  | { readonly status: 'claimed'; readonly certificateId: string; readonly labourerId: string };

export const certificateNumberDecider: Decider<ClaimCertificateNumber, CertificateNumberState, CertificateNumberClaimed> = {
  initialState: () => ({ status: 'unclaimed' }),
  decide(command, state) {
    const labourerId = command.labourerId.toLowerCase();
    switch (state.status) {
      case 'unclaimed':
        return [{ type: 'CertificateNumberClaimed', data: { certificateId: command.certificateId.toLowerCase(), labourerId } }];
      case 'claimed':
        // The same person again is the same certificate recorded twice: a duplicate, not a second certificate.
        if (state.labourerId === labourerId) return [];
        throw errors.numberTaken(state.certificateId);
      default:
        return assertNever(state);
    }
  },
  evolve(state, event) {
    // The first claim wins for ever; a later one could only come from a broken append.
    return state.status === 'unclaimed' ? { status: 'claimed', ...event.data } : state;
  },
};

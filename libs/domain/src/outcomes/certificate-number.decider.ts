import { assertNever, type CommandContext, type Decider } from '../shared/decider';
import * as errors from './certificate.errors';
import type { CertificateNumberClaimed, CertificateRecorder, ClaimRecorder } from './certificate.events';

/** R-CERT-1: claims one (issuer, number) for one certificate, on toCertificateNumberStreamId(numberKey). */
export interface ClaimCertificateNumber {
  readonly type: 'ClaimCertificateNumber';
  readonly certificateId: string;
  readonly labourerId: string;
  readonly recordedBy: CertificateRecorder;
  readonly context: CommandContext;
}

export type CertificateNumberState =
  | { readonly status: 'unclaimed' }
  | { readonly status: 'claimed'; readonly certificateId: string; readonly labourerId: string; readonly recordedBy: ClaimRecorder };

/**
 * A claimed number answers nothing (an empty decision) to those who may then be told which certificate it is: the
 * provider that recorded it, or the bureau, which sees every record. Anyone else is refused without learning the
 * certificate or its holder, whatever certificate id it sends: the recorder is compared, never the id, because an id
 * derived from an Idempotency-Key another unit also sends would otherwise let that unit in.
 */
export const certificateNumberDecider: Decider<ClaimCertificateNumber, CertificateNumberState, CertificateNumberClaimed> = {
  initialState: () => ({ status: 'unclaimed' }),
  decide(command, state) {
    switch (state.status) {
      case 'unclaimed':
        return [{ type: 'CertificateNumberClaimed', data: { certificateId: command.certificateId.toLowerCase(), labourerId: command.labourerId.toLowerCase(), recordedBy: normalised(command.recordedBy) } }];
      case 'claimed':
        if (mayKnowOfClaim(state, command)) return [];
        throw errors.numberTaken();
      default:
        return assertNever(state);
    }
  },
  evolve(state, event) {
    // The first claim wins for ever; a later one could only come from a broken append.
    return state.status === 'unclaimed' ? { status: 'claimed', ...event.data } : state;
  },
};

function mayKnowOfClaim(claim: Extract<CertificateNumberState, { status: 'claimed' }>, command: ClaimCertificateNumber): boolean {
  const caller = command.recordedBy;
  if (caller.kind === 'BUREAU') return true;
  return claim.recordedBy.kind === 'PROVIDER' && claim.recordedBy.providerId === caller.providerId.toLowerCase();
}

function normalised(recorder: CertificateRecorder): CertificateRecorder {
  return recorder.kind === 'PROVIDER' ? { kind: 'PROVIDER', providerId: recorder.providerId.toLowerCase() } : { kind: 'BUREAU' };
}

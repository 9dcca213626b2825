import { assertNever, type Decider } from '../shared/decider';
import type { CertificateCommand, RecordCertificate } from './certificate.commands';
import * as errors from './certificate.errors';
import type { CertificateEvent, CertificateRecorded } from './certificate.events';
import { assertCertificate } from './certificate.rules';

/** The stream toCertificateStreamId(certificateId). */
export type CertificateState = { readonly status: 'absent' } | ({ readonly status: 'recorded' } & CertificateRecorded['data']);

export const certificateDecider: Decider<CertificateCommand, CertificateState, CertificateEvent> = {
  initialState: () => ({ status: 'absent' }),
  decide(command, state) {
    switch (command.type) {
      case 'RecordCertificate':
        return record(command, state);
      default:
        return assertNever(command.type);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'CertificateRecorded':
        return { status: 'recorded', ...event.data };
      default:
        return assertNever(event.type);
    }
  },
};

function record(command: RecordCertificate, state: CertificateState): CertificateEvent[] {
  assertCertificate(command);
  const data = certificateData(command);
  if (state.status === 'recorded') {
    const { status: _status, ...recorded } = state;
    // The same certificate under the same id again is a retry; anything else reuses an id.
    if (sameFields(recorded, data)) return [];
    throw errors.idReused(command.certificateId);
  }
  return [{ type: 'CertificateRecorded', data }];
}

export function certificateData(command: RecordCertificate): CertificateRecorded['data'] {
  const { certificateId, labourerId, numberKey, certificateType: type, level, issuedOn } = command;
  return {
    certificateId: certificateId.toLowerCase(),
    labourerId: labourerId.toLowerCase(),
    numberKey,
    type,
    ...(level === undefined ? {} : { level }),
    occupation: command.occupation.trim(),
    issuer: command.issuer.trim(),
    issuedOn,
  };
}

function sameFields(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].every((key) => a[key] === b[key]);
}

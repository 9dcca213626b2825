import type { RecordCertificate } from './certificate.commands';
import * as errors from './certificate.errors';
import { certificateNumberKeySchema, issuerSchema } from './certificate.events';
import { assertDate, assertNotAfterToday, assertUuid } from './outcomes.rules';
import { CERTIFICATE_LEVEL, CERTIFICATE_TYPE, LEVELLED_CERTIFICATE_TYPES, occupationSchema } from './outcomes-vocabulary';

/** R-CERT-1: five types; a level for the first two only; a real issue date, not after today. */
export function assertCertificate(command: RecordCertificate): void {
  assertUuid('CERTIFICATE', command.certificateId, 'certificateId');
  assertUuid('CERTIFICATE', command.labourerId, 'labourerId');
  if (!certificateNumberKeySchema.safeParse(command.numberKey).success) throw errors.invalidNumberKey();
  if (!CERTIFICATE_TYPE.safeParse(command.certificateType).success) throw errors.invalidType();
  if (LEVELLED_CERTIFICATE_TYPES.has(command.certificateType)) {
    if (!CERTIFICATE_LEVEL.safeParse(command.level).success) throw errors.levelRequired();
  } else if (command.level !== undefined) {
    throw errors.levelNotApplicable();
  }
  if (!occupationSchema.safeParse(command.occupation).success) throw errors.occupationRequired();
  if (!issuerSchema.safeParse(command.issuer).success) throw errors.issuerRequired();
  assertDate('CERTIFICATE', command.issuedOn, 'issuedOn');
  assertNotAfterToday('CERTIFICATE', command.issuedOn, 'issuedOn', command.context.now);
}

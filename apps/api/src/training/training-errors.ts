import { DomainError } from '@skills/domain';

/** No card, or an erased one: nobody can be enrolled without a card (R-REG-1), and the id says nothing more. */
export const labourerNotEnrollable = (labourerId: string) =>
  new DomainError('ENROLMENT.LABOURER_NOT_FOUND', 'No registered card has this labourer id: register the person first (R-REG-1), then enrol', 'not_found', { labourerId });

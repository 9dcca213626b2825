import { DomainError } from '../shared/domain-error';

/** R-ENT-3's broken rules, with stable codes (WORK_FOR_TRAINING.*); messages carry ids and months only. */
export const invalidMonth = (field: string) =>
  new DomainError('WORK_FOR_TRAINING.INVALID_MONTH', `${field} must be a month written YYYY-MM`, 'validation', {}, [{ field, message: 'write the month as YYYY-MM, such as 2021-03' }]);

export const monthInFuture = (field: string, month: string) =>
  new DomainError('WORK_FOR_TRAINING.MONTH_IN_FUTURE', `${field} ${month} has not begun: record a placement from the month it started`, 'validation', { [field]: month }, [
    { field, message: 'use this month or an earlier one' },
  ]);

export const monthNotOver = (month: string, lastDay: string) =>
  new DomainError('WORK_FOR_TRAINING.MONTH_NOT_OVER', `${month} is not over: record a month of work once it has been worked, from ${lastDay}`, 'validation', { month }, [
    { field: 'month', message: 'use a month that has ended' },
  ]);

export const placementIdTaken = (placementId: string) =>
  new DomainError('WORK_FOR_TRAINING.PLACEMENT_ID_TAKEN', 'another placement was recorded under this id (the same Idempotency-Key with other facts): send a new key', 'conflict', { placementId });

/** Another employer's placement is answered like a missing one: the id tells the caller nothing. */
export const placementNotFound = (placementId: string) =>
  new DomainError('WORK_FOR_TRAINING.PLACEMENT_NOT_FOUND', 'your enterprise has no placement of this person with this id: check the placement id and the labourer id', 'not_found', { placementId });

export const monthBeforeStart = (month: string, startMonth: string) =>
  new DomainError('WORK_FOR_TRAINING.MONTH_BEFORE_START', `the placement starts in ${startMonth}: ${month} is before it`, 'validation', { month, startMonth }, [
    { field: 'month', message: `use ${startMonth} or a later month` },
  ]);

// R-ENT-3 with R-CLAIM-2: one month of one person is one month of work-for-training, whoever the employer.
export const monthAlreadyRecorded = (month: string) =>
  new DomainError('WORK_FOR_TRAINING.MONTH_ALREADY_RECORDED', `${month} is recorded for this person in another placement: a month of work-for-training is counted once`, 'conflict', {
    ruleId: 'R-ENT-3',
    month,
  });

export const monthsExhausted = (maxMonths: number, recorded: readonly string[]) =>
  new DomainError('WORK_FOR_TRAINING.MONTHS_EXHAUSTED', `this person has ${recorded.length} months of work-for-training recorded: R-ENT-3 pays at most ${maxMonths} months a person, over every employer`, 'rule', {
    ruleId: 'R-ENT-3',
    maxMonths,
    months: recorded,
  });

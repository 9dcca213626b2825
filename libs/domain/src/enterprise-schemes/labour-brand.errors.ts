import { DomainError, type FieldIssue } from '../shared/domain-error';
import { BRAND_COUNT, BRAND_LEVEL } from './enterprise-schemes-vocabulary';

/** R-AWARD-2's broken rules, with stable codes (LABOUR_BRAND.*); messages carry ids, counts and dates only. */
export const invalidLevel = () =>
  new DomainError('LABOUR_BRAND.INVALID_LEVEL', `the notice prices ${BRAND_LEVEL.options.join(' and ')} brands only`, 'validation', {}, [
    { field: 'level', message: `choose one of ${BRAND_LEVEL.options.join(', ')}` },
  ]);

export const invalidHolder = () =>
  new DomainError('LABOUR_BRAND.INVALID_HOLDER', 'the holder is a registered enterprise or provider, by its id', 'validation', {}, [
    { field: 'holder', message: 'give { kind: ENTERPRISE or PROVIDER, id }' },
  ]);

export const brandIdTaken = (brandId: string) =>
  new DomainError('LABOUR_BRAND.ID_TAKEN', 'another brand was recorded under this id (the same Idempotency-Key with other facts): send a new key', 'conflict', { brandId });

export const brandNotFound = (brandId: string) => new DomainError('LABOUR_BRAND.NOT_FOUND', 'no labour brand with this id: check the id', 'not_found', { brandId });

export const invalidCount = (issues: readonly FieldIssue[]) =>
  new DomainError('LABOUR_BRAND.INVALID_COUNT', `${issues.length} field(s) need fixing: every one is listed`, 'validation', {}, issues);

export const countKindIssue: FieldIssue = { field: 'count', message: `choose one of ${BRAND_COUNT.options.join(', ')}` };

export const countedBeforeRecognition = (countedOn: string, recognisedOn: string) =>
  new DomainError('LABOUR_BRAND.COUNTED_BEFORE_RECOGNITION', `the brand was recognised on ${recognisedOn}: people are counted for it from that day`, 'validation', { countedOn, recognisedOn }, [
    { field: 'countedOn', message: `use ${recognisedOn} or a later date` },
  ]);

// R-AWARD-2 with R-CLAIM-2: one person is counted once for one brand as trained, and once as placed.
export const alreadyCounted = (brandId: string, count: string, counted: readonly { readonly labourerId: string; readonly countedOn: string }[]) =>
  new DomainError('LABOUR_BRAND.ALREADY_COUNTED', `${counted.length} of these people are counted as ${count} for this brand already: a person is counted once; nothing was saved, remove them and send again`, 'conflict', {
    ruleId: 'R-AWARD-2',
    brandId,
    count,
    alreadyCounted: counted,
  });

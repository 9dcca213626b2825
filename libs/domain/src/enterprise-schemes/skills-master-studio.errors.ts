import { DomainError } from '../shared/domain-error';
import { STUDIO_LEVEL } from './enterprise-schemes-vocabulary';

/** R-AWARD-1's broken rules, with stable codes (STUDIO.*); messages carry ids, levels and dates only. */
export const invalidLevel = () =>
  new DomainError('STUDIO.INVALID_LEVEL', `the level is one of ${STUDIO_LEVEL.options.join(', ')}`, 'validation', {}, [{ field: 'level', message: `choose one of ${STUDIO_LEVEL.options.join(', ')}` }]);

export const invalidHost = () =>
  new DomainError('STUDIO.INVALID_HOST', 'the host unit is a registered enterprise or provider, by its id', 'validation', {}, [
    { field: 'host', message: 'give { kind: ENTERPRISE or PROVIDER, id }' },
  ]);

export const studioIdTaken = (studioId: string) =>
  new DomainError('STUDIO.ID_TAKEN', 'another studio was recorded under this id (the same Idempotency-Key with other facts): send a new key', 'conflict', { studioId });

export const studioNotFound = (studioId: string) => new DomainError('STUDIO.NOT_FOUND', 'no skills-master studio with this id: check the id', 'not_found', { studioId });

// R-AWARD-1: each level is awarded once a studio; a studio is recognised upwards, city → provincial → national.
export const levelAlreadyDesignated = (studioId: string, level: string, designatedOn: string) =>
  new DomainError('STUDIO.LEVEL_ALREADY_DESIGNATED', `this studio was designated at ${level} level on ${designatedOn} already: each level is designated once`, 'conflict', {
    ruleId: 'R-AWARD-1',
    studioId,
    level,
    designatedOn,
  });

export const notAnUpgrade = (studioId: string, level: string, highest: string) =>
  new DomainError('STUDIO.NOT_AN_UPGRADE', `this studio is designated at ${highest} level: a later designation must be at a higher level than that, not ${level}`, 'rule', {
    ruleId: 'R-AWARD-1',
    studioId,
    level,
    highest,
  });

export const designationNotAfterEarlier = (designatedOn: string, latest: string) =>
  new DomainError('STUDIO.DESIGNATION_NOT_AFTER_EARLIER', `the studio's last designation is dated ${latest}: a higher level comes after that day`, 'validation', { designatedOn, latest }, [
    { field: 'designatedOn', message: `use a date after ${latest}` },
  ]);

import { given } from '../shared/testing/given-when-then';
import { skillsMasterStudioDecider, type DesignateSkillsMasterStudio, type UpgradeSkillsMasterStudio } from './skills-master-studio.decider';
import type { SkillsMasterStudioEvent } from './skills-master-studio.events';

const STUDIO = '0b7c6f0e-4444-4a2b-8c3d-000000000001';
const HOST = { kind: 'ENTERPRISE' as const, id: '0b7c6f0e-2222-4a2b-8c3d-000000000001' };
const context = { actor: 'bureau-reviewer', now: '2021-12-01T04:00:00.000Z' };
const designate = (overrides: Partial<DesignateSkillsMasterStudio> = {}): DesignateSkillsMasterStudio => ({
  type: 'DesignateSkillsMasterStudio',
  studioId: STUDIO,
  host: HOST,
  level: 'CITY',
  designatedOn: '2021-03-01',
  context,
  ...overrides,
});
const upgrade = (overrides: Partial<UpgradeSkillsMasterStudio> = {}): UpgradeSkillsMasterStudio => ({
  type: 'UpgradeSkillsMasterStudio',
  studioId: STUDIO,
  level: 'PROVINCIAL',
  designatedOn: '2021-09-01',
  context,
  ...overrides,
});
const designated = (level: 'CITY' | 'PROVINCIAL' | 'NATIONAL', designatedOn: string): SkillsMasterStudioEvent => ({
  type: 'SkillsMasterStudioDesignated',
  data: { studioId: STUDIO, host: HOST, level, designatedOn },
});

describe('R-AWARD-1 skills-master studios', () => {
  it('R-AWARD-1 designates a new studio in its host unit; the same designation again is a retry', () => {
    given(skillsMasterStudioDecider).when(designate()).then([designated('CITY', '2021-03-01')]);
    given(skillsMasterStudioDecider, [designated('CITY', '2021-03-01')]).when(designate()).thenNothingHappens();
    given(skillsMasterStudioDecider, [designated('CITY', '2021-03-01')]).when(designate({ level: 'NATIONAL' })).thenThrows('STUDIO.ID_TAKEN');
  });

  it('R-AWARD-1 a city studio later designated provincial keeps its host and records the new level', () => {
    given(skillsMasterStudioDecider, [designated('CITY', '2021-03-01')]).when(upgrade()).then([designated('PROVINCIAL', '2021-09-01')]);
  });

  it('R-AWARD-1 each level once, and only upwards: provincial again, or city after provincial, is refused', () => {
    const history = [designated('CITY', '2021-03-01'), designated('PROVINCIAL', '2021-09-01')];
    given(skillsMasterStudioDecider, history).when(upgrade()).thenNothingHappens();
    given(skillsMasterStudioDecider, history).when(upgrade({ designatedOn: '2021-10-01' })).thenThrows('STUDIO.LEVEL_ALREADY_DESIGNATED');
    given(skillsMasterStudioDecider, [designated('PROVINCIAL', '2021-03-01')]).when(upgrade({ level: 'CITY' })).thenThrows('STUDIO.NOT_AN_UPGRADE');
  });

  it('R-AWARD-1 a higher level comes after the last designation\'s day, and a missing studio cannot be upgraded', () => {
    given(skillsMasterStudioDecider, [designated('CITY', '2021-03-01')]).when(upgrade({ designatedOn: '2021-03-01' })).thenThrows('STUDIO.DESIGNATION_NOT_AFTER_EARLIER');
    given(skillsMasterStudioDecider).when(upgrade()).thenThrows('STUDIO.NOT_FOUND');
  });

  it('R-AWARD-1 refuses a host that is not an enterprise or a provider, and an unknown level', () => {
    given(skillsMasterStudioDecider).when(designate({ host: { kind: 'SUBDISTRICT', id: HOST.id } as never })).thenThrows('STUDIO.INVALID_HOST');
    given(skillsMasterStudioDecider).when(designate({ level: 'COUNTY' as never })).thenThrows('STUDIO.INVALID_LEVEL');
  });
});

import type { CalendarDate } from '../shared/calendar-date';
import { assertNever, type CommandContext, type Decider } from '../shared/decider';
import { assertDate, assertNotAfterToday, assertUuid } from '../outcomes/outcomes.rules';
import { STUDIO_LEVEL, awardUnitSchema, studioLevelRank, type AwardUnit, type StudioLevel } from './enterprise-schemes-vocabulary';
import * as errors from './skills-master-studio.errors';
import type { SkillsMasterStudioEvent } from './skills-master-studio.events';

/** R-AWARD-1: a new studio, designated at its first level in its host unit. */
export interface DesignateSkillsMasterStudio {
  readonly type: 'DesignateSkillsMasterStudio';
  readonly studioId: string;
  readonly host: AwardUnit;
  readonly level: StudioLevel;
  readonly designatedOn: CalendarDate;
  readonly context: CommandContext;
}

/** R-AWARD-1: an existing studio designated at a higher level (a city studio becoming provincial). */
export interface UpgradeSkillsMasterStudio {
  readonly type: 'UpgradeSkillsMasterStudio';
  readonly studioId: string;
  readonly level: StudioLevel;
  readonly designatedOn: CalendarDate;
  readonly context: CommandContext;
}

export type SkillsMasterStudioCommand = DesignateSkillsMasterStudio | UpgradeSkillsMasterStudio;

export interface StudioDesignation {
  readonly level: StudioLevel;
  readonly designatedOn: CalendarDate;
}

export type SkillsMasterStudioState =
  | { readonly status: 'none' }
  | { readonly status: 'designated'; readonly studioId: string; readonly host: AwardUnit; readonly designations: readonly StudioDesignation[] };

/**
 * The stream toSkillsMasterStudioStreamId(studioId). R-AWARD-1 awards a studio "each" at the level it is designated
 * at (市级每个10万元、省级每个20万元、国家级每个30万元), so every level is designated once and a studio only moves up:
 * a lower or equal level later is refused. What each designation pays is the calculator's and the claim's.
 */
export const skillsMasterStudioDecider: Decider<SkillsMasterStudioCommand, SkillsMasterStudioState, SkillsMasterStudioEvent> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    assertUuid('STUDIO', command.studioId, 'studioId');
    if (!STUDIO_LEVEL.safeParse(command.level).success) throw errors.invalidLevel();
    assertDate('STUDIO', command.designatedOn, 'designatedOn');
    assertNotAfterToday('STUDIO', command.designatedOn, 'designatedOn', command.context.now);
    switch (command.type) {
      case 'DesignateSkillsMasterStudio':
        return designate(command, state);
      case 'UpgradeSkillsMasterStudio':
        return upgrade(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    const { studioId, host, level, designatedOn } = event.data;
    const designations = state.status === 'designated' ? state.designations : [];
    return { status: 'designated', studioId, host: state.status === 'designated' ? state.host : host, designations: [...designations, { level, designatedOn }] };
  },
};

function designate(command: DesignateSkillsMasterStudio, state: SkillsMasterStudioState): SkillsMasterStudioEvent[] {
  const parsedHost = awardUnitSchema.safeParse(command.host);
  if (!parsedHost.success) throw errors.invalidHost();
  const host = { kind: parsedHost.data.kind, id: parsedHost.data.id.toLowerCase() };
  const studioId = command.studioId.toLowerCase();
  if (state.status === 'designated') {
    const first = state.designations[0]!;
    // The same first designation again is a retry.
    if (state.host.kind === host.kind && state.host.id === host.id && first.level === command.level && first.designatedOn === command.designatedOn) return [];
    throw errors.studioIdTaken(studioId);
  }
  return [{ type: 'SkillsMasterStudioDesignated', data: { studioId, host, level: command.level, designatedOn: command.designatedOn } }];
}

function upgrade(command: UpgradeSkillsMasterStudio, state: SkillsMasterStudioState): SkillsMasterStudioEvent[] {
  if (state.status !== 'designated') throw errors.studioNotFound(command.studioId.toLowerCase());
  const same = state.designations.find((d) => d.level === command.level);
  if (same) {
    if (same.designatedOn === command.designatedOn) return [];
    throw errors.levelAlreadyDesignated(state.studioId, same.level, same.designatedOn);
  }
  const latest = state.designations[state.designations.length - 1]!;
  if (studioLevelRank(command.level) < studioLevelRank(latest.level)) throw errors.notAnUpgrade(state.studioId, command.level, latest.level);
  // Strictly later: a designation is paid for its own day (the claim's period), one level a day.
  if (command.designatedOn <= latest.designatedOn) throw errors.designationNotAfterEarlier(command.designatedOn, latest.designatedOn);
  return [{ type: 'SkillsMasterStudioDesignated', data: { studioId: state.studioId, host: state.host, level: command.level, designatedOn: command.designatedOn } }];
}

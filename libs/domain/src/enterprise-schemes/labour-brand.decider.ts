import { z } from 'zod';
import type { CalendarDate } from '../shared/calendar-date';
import { assertNever, type CommandContext, type Decider } from '../shared/decider';
import type { FieldIssue } from '../shared/domain-error';
import { assertDate, assertNotAfterToday, assertUuid } from '../outcomes/outcomes.rules';
import { BRAND_COUNT, BRAND_LEVEL, awardUnitSchema, type AwardUnit, type BrandCount, type BrandLevel } from './enterprise-schemes-vocabulary';
import * as errors from './labour-brand.errors';
import type { LabourBrandEvent, LabourBrandPersonCounted } from './labour-brand.events';

/** R-AWARD-2: the bureau records a brand. */
export interface RecogniseLabourBrand {
  readonly type: 'RecogniseLabourBrand';
  readonly brandId: string;
  readonly holder: AwardUnit;
  readonly level: BrandLevel;
  readonly recognisedOn: CalendarDate;
  readonly context: CommandContext;
}

/** R-AWARD-2: people trained, or placed, under the brand, all on one day; all or nothing. */
export interface CountLabourBrandPeople {
  readonly type: 'CountLabourBrandPeople';
  readonly brandId: string;
  readonly count: BrandCount;
  readonly labourerIds: readonly string[];
  readonly countedOn: CalendarDate;
  readonly context: CommandContext;
}

export type LabourBrandCommand = RecogniseLabourBrand | CountLabourBrandPeople;
export type BrandPersonCount = Omit<LabourBrandPersonCounted['data'], 'brandId'>;

/** `counts` in the order they were recorded: R-AWARD-2's cap is reached in that order (see the brand's claim). */
export type LabourBrandState =
  | { readonly status: 'none' }
  | { readonly status: 'recognised'; readonly brandId: string; readonly holder: AwardUnit; readonly level: BrandLevel; readonly recognisedOn: CalendarDate; readonly counts: readonly BrandPersonCount[] };

export const MAX_PEOPLE_PER_COUNT = 1000;
const uuid = z.uuid();

/**
 * The stream toLabourBrandStreamId(brandId). A brand is recorded once, with its level and holder. People are
 * counted per person: a person already counted for the brand in the same way (trained, or placed) is a duplicate
 * and the whole request is refused naming them, so a count can be paid once and the cap is reached in one order.
 */
export const labourBrandDecider: Decider<LabourBrandCommand, LabourBrandState, LabourBrandEvent> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'RecogniseLabourBrand':
        return recognise(command, state);
      case 'CountLabourBrandPeople':
        return countPeople(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'LabourBrandRecognised':
        return state.status === 'none' ? { status: 'recognised', ...event.data, counts: [] } : state;
      case 'LabourBrandPersonCounted': {
        if (state.status !== 'recognised') return state;
        const { brandId: _brandId, ...count } = event.data;
        return { ...state, counts: [...state.counts, count] };
      }
      default:
        return assertNever(event);
    }
  },
};

function recognise(command: RecogniseLabourBrand, state: LabourBrandState): LabourBrandEvent[] {
  assertUuid('LABOUR_BRAND', command.brandId, 'brandId');
  if (!BRAND_LEVEL.safeParse(command.level).success) throw errors.invalidLevel();
  const parsedHolder = awardUnitSchema.safeParse(command.holder);
  if (!parsedHolder.success) throw errors.invalidHolder();
  assertDate('LABOUR_BRAND', command.recognisedOn, 'recognisedOn');
  assertNotAfterToday('LABOUR_BRAND', command.recognisedOn, 'recognisedOn', command.context.now);
  const data = { brandId: command.brandId.toLowerCase(), holder: { kind: parsedHolder.data.kind, id: parsedHolder.data.id.toLowerCase() }, level: command.level, recognisedOn: command.recognisedOn };
  if (state.status === 'recognised') {
    // The same brand under the same id again is a retry.
    if (state.holder.kind === data.holder.kind && state.holder.id === data.holder.id && state.level === data.level && state.recognisedOn === data.recognisedOn) return [];
    throw errors.brandIdTaken(data.brandId);
  }
  return [{ type: 'LabourBrandRecognised', data }];
}

function countPeople(command: CountLabourBrandPeople, state: LabourBrandState): LabourBrandEvent[] {
  if (state.status !== 'recognised') throw errors.brandNotFound(command.brandId.toLowerCase());
  const issues = countIssues(command);
  if (issues.length > 0) throw errors.invalidCount(issues);
  assertDate('LABOUR_BRAND', command.countedOn, 'countedOn');
  assertNotAfterToday('LABOUR_BRAND', command.countedOn, 'countedOn', command.context.now);
  if (command.countedOn < state.recognisedOn) throw errors.countedBeforeRecognition(command.countedOn, state.recognisedOn);
  const labourerIds = command.labourerIds.map((id) => id.toLowerCase());
  const earlier = state.counts.filter((c) => c.count === command.count && labourerIds.includes(c.labourerId));
  if (earlier.length > 0) throw errors.alreadyCounted(state.brandId, command.count, earlier.map(({ labourerId, countedOn }) => ({ labourerId, countedOn })));
  return labourerIds.map((labourerId) => ({ type: 'LabourBrandPersonCounted', data: { brandId: state.brandId, labourerId, count: command.count, countedOn: command.countedOn } }));
}

/** Every problem of the list at once: a clerk fixes a sheet in one go. */
function countIssues(command: CountLabourBrandPeople): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!BRAND_COUNT.safeParse(command.count).success) issues.push(errors.countKindIssue);
  if (command.labourerIds.length === 0 || command.labourerIds.length > MAX_PEOPLE_PER_COUNT) {
    issues.push({ field: 'labourerIds', message: `list 1 to ${MAX_PEOPLE_PER_COUNT} labourer ids; send more in further requests` });
  }
  const seen = new Set<string>();
  command.labourerIds.forEach((id, index) => {
    const field = `labourerIds.${index}`;
    if (!uuid.safeParse(id).success) {
      issues.push({ field, message: 'give the labourer id as a UUID' });
      return;
    }
    if (seen.has(id.toLowerCase())) issues.push({ field, message: 'this person is listed twice: list each person once' });
    seen.add(id.toLowerCase());
  });
  return issues;
}

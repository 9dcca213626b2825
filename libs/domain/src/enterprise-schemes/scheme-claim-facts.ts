import type { CalendarDate } from '../shared/calendar-date';
import { firstDayOfMonth, lastDayOfMonth, type CalendarMonth } from './enterprise-schemes-vocabulary';
import type { SkillsMasterStudioState, StudioDesignation } from './skills-master-studio.decider';
import type { TrainingCentreState } from './training-centre.decider';
import type { WorkForTrainingPlacement, WorkForTrainingState } from './work-for-training.decider';

/**
 * The recorded facts a claim of R-ENT-3, R-ENT-4 or R-AWARD-1 pays, one line each, read from the subject's stream.
 * Pure, so the claim sources and the policy simulation read a stream the same way. `name` names the fact within its
 * subject (the claim line's id derives from it); `period` is its R-CLAIM-2 period.
 */
export interface SchemeFact {
  readonly name: string;
  readonly period: { readonly from: CalendarDate; readonly to: CalendarDate };
}

/** R-ENT-3: one month worked in one of an employer's placements of the person. */
export interface WorkForTrainingMonthFact extends SchemeFact {
  readonly month: CalendarMonth;
  readonly labourerId: string;
  readonly placement: WorkForTrainingPlacement;
  /** Months of the person before this one, at any employer: they come first against the 6-month limit. */
  readonly monthsBefore: number;
  /** R-REG-4: the card as it stood when the placement began decides whether the person is paid for. */
  readonly cardAsOf: CalendarDate;
}

type Placed = Extract<WorkForTrainingState, { status: 'placed' }>;

/**
 * R-ENT-3: the months of `enterpriseId`'s placements of the person, in calendar order. A month's place among all the
 * person's months, at every employer, is what the calculator counts as already paid, so the limit holds in the
 * arithmetic too; the month is served when it ends, its service date.
 */
export function workForTrainingMonthsOf(state: Placed, enterpriseId: string): WorkForTrainingMonthFact[] {
  const employer = enterpriseId.toLowerCase();
  const own = state.placements.filter((p) => p.enterpriseId === employer);
  const everyMonth = [...state.months].sort((a, b) => a.month.localeCompare(b.month));
  return everyMonth.flatMap((worked, monthsBefore) => {
    const placement = own.find((p) => p.placementId === worked.placementId);
    if (!placement) return [];
    const period = { from: firstDayOfMonth(worked.month), to: lastDayOfMonth(worked.month) };
    return [{ name: worked.month, period, month: worked.month, labourerId: state.labourerId, placement, monthsBefore, cardAsOf: firstDayOfMonth(placement.startMonth) }];
  });
}

/** R-ENT-4: the recognised centre, a one-off award keyed by the day it was established. */
export function trainingCentreFactOf(state: Extract<TrainingCentreState, { status: 'recognised' }>): SchemeFact {
  return { name: 'training-centre', period: { from: state.establishedOn, to: state.establishedOn } };
}

/** R-AWARD-1: each designation of the studio, level by level, keyed by its day (each level is its own award). */
export function studioDesignationFactsOf(state: Extract<SkillsMasterStudioState, { status: 'designated' }>): (SchemeFact & StudioDesignation)[] {
  return state.designations.map((d) => ({ ...d, name: d.level, period: { from: d.designatedOn, to: d.designatedOn } }));
}

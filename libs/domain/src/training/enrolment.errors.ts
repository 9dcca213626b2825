import { DomainError } from '../shared/domain-error';
import type { CertificateLevel } from '../outcomes/outcomes-vocabulary';
import type { ProgrammeType } from './training-vocabulary';

/**
 * An earlier free training as another provider may see it when its enrolment is rejected: the cohort id, its start
 * date, occupation and level. Never a provider's name or id, never anything about the trainee.
 */
export interface EarlierEnrolment {
  readonly cohortId: string;
  readonly startsOn: string;
  readonly occupation: string;
  readonly level: CertificateLevel;
}

const describe = (earlier: readonly EarlierEnrolment[]) => earlier.map((e) => `cohort ${e.cohortId} from ${e.startsOn} (${e.occupation}, ${e.level})`).join('; ');

// R-FREE-1
export const notKeyGroup = (cohortId: string, programmeType: ProgrammeType) =>
  new DomainError(
    'ENROLMENT.NOT_KEY_GROUP',
    'free training is for members of the key employment groups only: record the person\'s key group on the card (with evidence) first, or choose a cohort that is not free training',
    'rule',
    { ruleId: 'R-FREE-1', cohortId, programmeType },
  );

// R-FREE-2
export const annualLimitReached = (year: number, maxPerCalendarYear: number, earlier: readonly EarlierEnrolment[]) =>
  new DomainError(
    'ENROLMENT.ANNUAL_LIMIT_REACHED',
    `this person already has ${earlier.length} free trainings starting in ${year}, the most allowed in one calendar year is ${maxPerCalendarYear}: ${describe(earlier)}`,
    'rule',
    { ruleId: 'R-FREE-2', year, maxPerCalendarYear, earlierEnrolments: earlier },
  );

// R-FREE-2
export const sameOccupationLevelWithinWindow = (windowMonths: number, earlier: readonly EarlierEnrolment[]) =>
  new DomainError(
    'ENROLMENT.SAME_OCCUPATION_LEVEL_WITHIN_12_MONTHS',
    `this person has a free training in the same occupation and level starting less than ${windowMonths} months apart: ${describe(earlier)}`,
    'rule',
    { ruleId: 'R-FREE-2', windowMonths, earlierEnrolments: earlier },
  );

export const invalidLimits = () =>
  new DomainError('ENROLMENT.INVALID_LIMITS', 'the free-training limits of the policy version must be whole numbers of 1 or more', 'validation', { ruleId: 'R-FREE-2' });

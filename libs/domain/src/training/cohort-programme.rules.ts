import { DomainError, type FieldIssue } from '../shared/domain-error';
import type { ApproveCohort, PlanCohort, ProgrammeApprovalLimits } from './cohort.commands';
import { invalidCohort } from './cohort.errors';
import { COLLEGE_COURSE, ENTERPRISE_PROGRAMMES, type ProgrammeType } from './training-vocabulary';

/**
 * The facts a programme's subsidy is computed from that neither attendance nor the card records, set once on the
 * cohort: the provider names them in the plan, the bureau in the approval. Each belongs to one programme: required
 * there (optional for R-FREE-7's grandfathered programme), refused on any other, so a claim never meets a cohort
 * that lacks what its calculator needs, nor a stray fact a reviewer could misread.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Fact {
  readonly field: string;
  readonly present: boolean;
  readonly needed: 'required' | 'optional' | 'refused';
  readonly programmes: string;
}

function issuesOf(facts: readonly Fact[]): FieldIssue[] {
  return facts.flatMap((fact): FieldIssue[] => {
    if (fact.needed === 'required' && !fact.present) return [{ field: fact.field, message: `required for ${fact.programmes}` }];
    if (fact.needed === 'refused' && fact.present) return [{ field: fact.field, message: `only for ${fact.programmes}: leave it out for this programme type` }];
    return [];
  });
}

const neededFor = (applies: boolean, whenApplies: 'required' | 'optional' = 'required') => (applies ? whenApplies : 'refused');

/** R-ENT-1, R-ENT-2: the enterprise whose people are trained; R-FREE-8: the college course. */
export function assertPlannedProgrammeFacts(command: PlanCohort): void {
  const { programmeType, enterpriseId, collegeCourse } = command;
  const issues = issuesOf([
    { field: 'enterpriseId', present: enterpriseId !== undefined, needed: neededFor(ENTERPRISE_PROGRAMMES.has(programmeType)), programmes: 'enterprise employee training and apprenticeship (R-ENT-1, R-ENT-2)' },
    { field: 'collegeCourse', present: collegeCourse !== undefined, needed: neededFor(programmeType === 'COLLEGE_ENTREPRENEURSHIP'), programmes: 'college entrepreneurship training (R-FREE-8)' },
  ]);
  if (enterpriseId !== undefined && !UUID.test(enterpriseId)) issues.push({ field: 'enterpriseId', message: 'give the registered enterprise id, a UUID' });
  if (collegeCourse !== undefined && !COLLEGE_COURSE.safeParse(collegeCourse).success) issues.push({ field: 'collegeCourse', message: 'choose AWARENESS or START_BUSINESS' });
  if (issues.length > 0) throw invalidCohort(issues);
}

/** R-ENT-1 catalogue, R-ENT-2 amount, R-FREE-7 grandfathered programme: what the bureau decides when it approves. */
export function assertApprovedProgrammeFacts(programmeType: ProgrammeType, command: ApproveCohort): void {
  const { inSubsidisedCatalogue, approvedPerApprenticeYearFen: amountFen, grandfatheredProgrammeId } = command;
  const issues = issuesOf([
    { field: 'inSubsidisedCatalogue', present: inSubsidisedCatalogue !== undefined, needed: neededFor(programmeType === 'ENTERPRISE_EMPLOYEE'), programmes: 'enterprise employee training (R-ENT-1)' },
    { field: 'approvedPerApprenticeYearFen', present: amountFen !== undefined, needed: neededFor(programmeType === 'APPRENTICESHIP'), programmes: 'apprenticeship (R-ENT-2)' },
    { field: 'grandfatheredProgrammeId', present: grandfatheredProgrammeId !== undefined, needed: neededFor(programmeType === 'ENTREPRENEURSHIP', 'optional'), programmes: 'entrepreneurship training (R-FREE-7)' },
  ]);
  if (inSubsidisedCatalogue !== undefined && typeof inSubsidisedCatalogue !== 'boolean') issues.push({ field: 'inSubsidisedCatalogue', message: 'answer true or false' });
  if (amountFen !== undefined && (!Number.isSafeInteger(amountFen) || amountFen <= 0)) issues.push({ field: 'approvedPerApprenticeYearFen', message: 'enter a whole number of fen above 0' });
  if (issues.length > 0) throw invalidCohort(issues);
  if (amountFen !== undefined) assertApprenticeshipAmount(amountFen, limitsOf(command));
  if (grandfatheredProgrammeId !== undefined) assertGrandfathered(grandfatheredProgrammeId.trim(), limitsOf(command));
}

function limitsOf(command: ApproveCohort): ProgrammeApprovalLimits {
  if (!command.programmeLimits) throw new Error('ApproveCohort needs programmeLimits from the policy in force to check programme facts');
  return command.programmeLimits;
}

// R-ENT-2: 4000–6000 per apprentice per year; the bureau approves an amount within the range, never outside it.
function assertApprenticeshipAmount(amountFen: number, limits: ProgrammeApprovalLimits): void {
  const { minFen, maxFen } = limits.apprenticeshipPerYearFen;
  if (amountFen >= minFen && amountFen <= maxFen) return;
  throw new DomainError('COHORT.APPRENTICESHIP_AMOUNT_OUT_OF_RANGE', `the amount per apprentice per year must be within ${minFen} to ${maxFen} fen (${minFen / 100}–${maxFen / 100} yuan)`, 'rule', { ruleId: 'R-ENT-2', amountFen, minFen, maxFen }, [
    { field: 'approvedPerApprenticeYearFen', message: `enter ${minFen} to ${maxFen} fen` },
  ]);
}

// R-FREE-7: only a programme the policy lists keeps its earlier, higher standard.
function assertGrandfathered(programmeId: string, limits: ProgrammeApprovalLimits): void {
  if (limits.grandfatheredProgrammeIds.includes(programmeId)) return;
  const listed = limits.grandfatheredProgrammeIds.length === 0 ? 'the policy in force lists none' : `the policy in force lists ${limits.grandfatheredProgrammeIds.join(', ')}`;
  throw new DomainError('COHORT.NOT_GRANDFATHERED', `no earlier standard is kept for this programme: ${listed}; leave it out to pay the current standard`, 'rule', { ruleId: 'R-FREE-7', known: [...limits.grandfatheredProgrammeIds] }, [
    { field: 'grandfatheredProgrammeId', message: 'use a programme id the policy lists, or leave it out' },
  ]);
}

import type { CalendarDate, ClaimGate, ClaimLine, ClaimPeriod, ClaimScheme, ClaimSubject, SubjectKind, Submitter } from '@skills/domain';
import type { System } from '@skills/platform';
import type { RegistryDirectory } from '../../registry/registry-directory';

/** What a scheme's source is asked: one subject, for the submitter, as of today (Asia/Shanghai). */
export interface ClaimRequest {
  readonly claimId: string;
  readonly scheme: ClaimScheme;
  readonly subject: ClaimSubject;
  readonly period?: ClaimPeriod;
  readonly submitter: Submitter;
  readonly today: CalendarDate;
}

/** The claim a source computed: lines from a calculator, and every outcome gate of the subject as it stands. */
export interface ComputedClaim {
  readonly period: ClaimPeriod;
  readonly gates: readonly ClaimGate[];
  readonly lines: readonly ClaimLine[];
  /** The policy version the lines were computed under (event metadata). */
  readonly policyVersion: string;
}

/**
 * R-CLAIM-1: one scheme's way from recorded events to a claim. It gathers the facts (and checks that the submitter
 * may claim for the subject), calls the scheme's pure calculator, and returns the lines; the claim decider does the
 * rest. A new scheme is one file implementing this, listed in claim-sources.ts.
 */
export interface ClaimSource {
  readonly scheme: ClaimScheme;
  readonly subjectKind: SubjectKind;
  compute(system: System, directory: RegistryDirectory, request: ClaimRequest): Promise<ComputedClaim>;
}

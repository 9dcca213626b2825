/** The api's answers as the console reads them (GET /api/docs has the full documents). */

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface Ref {
  readonly kind: string;
  readonly id: string;
}

export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

export interface ClaimListItem {
  readonly claimId: string;
  readonly scheme: string;
  readonly subject: Ref;
  readonly organisation: Ref;
  readonly submittedOn: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly status: string;
  readonly tier: string | null;
  readonly totalFen: number;
  readonly lineCount: number;
  readonly overridden: boolean;
  readonly lateFlagsOpen: number;
  readonly reviewFlag: string | null;
}

export interface ClaimGate {
  readonly gate: string;
  readonly ruleId: string;
  readonly thresholdPercent: number;
  readonly rate: Fraction;
  readonly status: string;
  readonly windowEnd: string;
  readonly asOf: string;
  readonly policyVersion: string;
  readonly arithmetic: string;
}

export interface ClaimLine {
  readonly lineId: string;
  readonly ruleId: string;
  readonly labourerId?: string;
  readonly payee: Ref;
  readonly outcome: string;
  readonly amountFen?: number;
  readonly policyVersion?: string;
  readonly reason?: { readonly code: string; readonly message: string };
  /** Adjustment claims: TOP_UP or CLAWBACK. */
  readonly kind?: string;
  readonly explanation?: {
    readonly ruleId?: string;
    readonly policyVersion?: string;
    readonly inputs?: Readonly<Record<string, unknown>>;
    readonly arithmetic?: string;
    readonly cap?: { readonly description: string; readonly applied: boolean };
  };
}

export interface Claim {
  readonly claimId: string;
  readonly scheme: string;
  readonly subject: Ref;
  readonly period: { readonly from: string; readonly to: string };
  readonly submittedBy: { readonly organisation: Ref; readonly accountId: string };
  readonly submittedOn: string;
  readonly status?: string;
  readonly tier?: string | null;
  readonly totalFen?: number;
  readonly gates?: readonly ClaimGate[];
  readonly lines: readonly ClaimLine[];
  readonly overridden?: boolean;
  readonly lateFlagsOpen?: number;
  readonly adjusts?: { readonly claimId: string } | null;
  /** R-CLAIM-3: where the claim stands in review; null before it entered the queue. */
  readonly review?: ClaimReview | null;
}

export interface ClaimReview {
  readonly round: number;
  readonly assignee: string | null;
  readonly check?: { readonly by: string; readonly on: string };
  readonly approval?: { readonly by: string; readonly on: string; readonly noticeDays: number; readonly noticeEndsOn: string | null };
  readonly returned?: { readonly by: string; readonly on: string; readonly code: string };
  readonly rejected?: { readonly by: string; readonly on: string; readonly code: string };
  readonly releasedOn?: string;
}

export interface CohortSummary {
  readonly cohortId: string;
  readonly providerId: string;
  readonly programmeType: string;
  readonly occupation: string;
  readonly level: string;
  readonly plannedStart: string;
  readonly plannedEnd: string;
  readonly status: string;
  readonly enrolledCount: number;
}

export interface Cohort {
  readonly cohortId: string;
  readonly providerId: string;
  readonly programmeType: string;
  readonly occupation: string;
  readonly level: string;
  readonly plannedStartOn: string;
  readonly plannedEndOn: string;
  readonly plannedDays: number;
  readonly status: string;
  readonly enrolledCount: number;
}

export interface Trainee {
  readonly labourerId: string;
  readonly status: string;
  readonly daysAttended: number;
  readonly assessment: { readonly result: string } | null;
  readonly name?: string;
}

export interface GateOutcome {
  readonly ruleId: string;
  readonly gate: string;
  readonly thresholdPercent: number;
  readonly rate: Fraction;
  readonly percent: string;
  readonly window: { readonly from: string; readonly to: string; readonly provisional: boolean };
  readonly state: { readonly status: string };
  readonly arithmetic: string;
}

export interface TraineeExplanation {
  readonly counted: boolean;
  readonly reason: string;
  readonly detail: string;
}

export interface CohortOutcomes {
  readonly cohortId: string;
  readonly asOf: string;
  readonly policyVersion: string;
  readonly base: { readonly size: number };
  readonly gates: Readonly<Record<'pass' | 'certification' | 'employment', GateOutcome | undefined>>;
  readonly trainees: readonly {
    readonly labourerId: string;
    readonly base: { readonly inBase: boolean; readonly reason: string; readonly detail: string };
    readonly pass?: TraineeExplanation;
    readonly certification?: TraineeExplanation;
    readonly employment?: TraineeExplanation;
  }[];
}

export interface TimelineEvent {
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly streamId: string;
  readonly position: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface ImportReport {
  readonly status: string;
  readonly rowsReceived: number;
  readonly rowsSaved: number;
  readonly rowsAlreadySaved?: number;
  readonly errors: readonly { readonly row: number; readonly field: string; readonly message: string; readonly code?: string }[];
}

export interface Organisation {
  readonly organisationId: string;
  readonly kind: string;
  readonly name: string;
  readonly subdistrictId: string | null;
}

export interface Subdistrict {
  readonly subdistrictId: string;
  readonly name: string;
  readonly nameEn: string;
}

import type { CalendarDate, DistrictTargetCode, TargetUnit } from '@skills/domain';

/**
 * R-EVAL-1: the semiannual evaluation report as data. The XLSX, the PDF, the console and the API all show this one
 * object, so their figures cannot disagree. Counts, fen and exact fractions only: no names, no ID numbers, no
 * labourer ids (R-EVAL-1 "no personal data beyond counts").
 *
 * Every figure carries an id. GET /api/evaluation/reports/…/trace?figure=<id> lists the events behind it (R-MON-1):
 * the builder is run again with that id and the section that computes the figure names the streams it counted.
 */
export type FigureId = string;

export interface CountFigure {
  readonly id: FigureId;
  readonly count: number;
}

/** An exact fraction, never a float (the brief: rates are exact fractions). denominator 0 means "no base". */
export interface RateFigure {
  readonly id: FigureId;
  readonly numerator: number;
  readonly denominator: number;
}

/** Integer fen. */
export interface MoneyFigure {
  readonly id: FigureId;
  readonly fen: number;
}

export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

export type PeriodKind = 'H1' | 'H2' | 'RANGE';

/** The report's period: 上半年 (01-01..06-30), 下半年 (07-01..12-31), or any range of days, both ends included. */
export interface ReportPeriod {
  readonly kind: PeriodKind;
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  /** "2021 上半年", "2021 下半年", "2020-08-01 至 2021-12-31". */
  readonly label: string;
}

export interface ReportUnit {
  /** null: the whole district (城区). */
  readonly subdistrictId: string | null;
  readonly name: string;
}

// ---------------------------------------------------------------- certification progress (R-TGT-2)

export type Standing = 'AHEAD' | 'ON_PACE' | 'BEHIND';

export interface ProgressLine {
  readonly subdistrictId: string | null;
  readonly code: string | null;
  readonly name: string;
  readonly holdersAtStart: number | null;
  readonly holdersNow: number | null;
  readonly target: number | null;
  readonly task: number;
  readonly monthlyPacePrinted: number;
  readonly months: number;
  readonly monthsElapsed: number;
  /** Certificates counted for the unit since the task period began, as known on asOf. */
  readonly done: CountFigure;
  readonly expectedToDate: Fraction;
  readonly expectedToDateWhole: number;
  /** done − expectedToDateWhole: ahead when positive, behind when negative. */
  readonly difference: number;
  readonly standing: Standing;
  readonly remaining: number;
  readonly monthlyPaceNeeded: number | null;
}

export interface TargetSetFlagLine {
  readonly code: string;
  readonly message: string;
}

export interface ProgressSection {
  readonly targetSetVersion: string;
  readonly taskPeriod: { readonly from: string; readonly to: string; readonly months: number };
  /** One line per unit in the report (every unit for the district), in the task table's order. */
  readonly units: readonly ProgressLine[];
  /** The district line; null in a one-unit report. */
  readonly district: ProgressLine | null;
  /** The target set's own inconsistencies (the printed 835 vs 836), shown, never hidden. */
  readonly flags: readonly TargetSetFlagLine[];
}

// ---------------------------------------------------------------- district targets (R-TGT-1)

/**
 * MET: reached. ON_TRACK: not yet, but at or above the pace for the time elapsed. BEHIND: below pace. NOT_MET: the
 * target's period is over unmet. NOT_MEASURED: the system records nothing this target is counted from (say so, never
 * show a zero as if it were measured).
 */
export type TargetStatus = 'MET' | 'ON_TRACK' | 'BEHIND' | 'NOT_MET' | 'NOT_MEASURED';

export interface TargetLine {
  readonly code: DistrictTargetCode;
  readonly label: string;
  readonly unit: TargetUnit;
  /** The target's own period (a year, or the two years). */
  readonly targetPeriod: { readonly from: CalendarDate; readonly to: CalendarDate };
  /** The target figure as the set states it (a PERCENT target is a whole percentage). */
  readonly target: number;
  /** A count (PERSON, PERSON_TIME, STUDIO, BRAND) or a share (PERCENT); null when NOT_MEASURED. */
  readonly actual: CountFigure | RateFigure | null;
  readonly status: TargetStatus;
  /** Why the status is what it is, in Chinese, for the reader of the report (no personal data). */
  readonly note: string;
}

export interface TargetsSection {
  readonly lines: readonly TargetLine[];
}

// ---------------------------------------------------------------- rates (R-GATE-1/2/3 per programme and provider)

export type GateOutcome = 'PASSED' | 'FAILED' | 'PENDING';

export interface RateRow {
  /** A programme type, or a provider id. */
  readonly key: string;
  readonly label: string;
  readonly cohorts: CountFigure;
  readonly pass: RateFigure;
  readonly certification: RateFigure;
  readonly employment: RateFigure;
  /** Cohorts of this row that failed at least one gate. */
  readonly failedCohorts: CountFigure;
}

export interface FailedCohort {
  readonly cohortId: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly programmeType: string;
  readonly completedOn: CalendarDate | null;
  /** Each gate the cohort failed, with its rate and its threshold. */
  readonly gates: readonly { readonly gate: 'PASS' | 'CERTIFICATION' | 'EMPLOYMENT'; readonly rate: RateFigure; readonly threshold: Fraction }[];
}

export interface RatesSection {
  /** The thresholds the rates are judged against, per programme type (employment 80% for employment-oriented). */
  readonly thresholds: readonly { readonly programmeType: string; readonly pass: Fraction; readonly certification: Fraction; readonly employment: Fraction }[];
  readonly byProgrammeType: readonly RateRow[];
  readonly byProvider: readonly RateRow[];
  readonly failedCohorts: readonly FailedCohort[];
}

// ---------------------------------------------------------------- money (R-PAY-1, R-CLAIM-4)

export type PayeeType = 'PERSON' | 'ORGANISATION';

export interface MoneyRow {
  readonly scheme: string;
  readonly payeeType: PayeeType;
  readonly released: MoneyFigure;
  readonly paid: MoneyFigure;
  /** Payouts an approver cancelled for good after finance failed them (R-PAY-1): released, never to be paid. */
  readonly cancelled: MoneyFigure;
  /** released − paid − cancelled: what finance still owes. */
  readonly outstanding: MoneyFigure;
}

export interface OverrideLine {
  readonly claimId: string;
  readonly scheme: string;
  /** What was overridden: a gate, a line with no rule. */
  readonly kinds: readonly string[];
  readonly amount: MoneyFigure;
}

export interface WaitingClaim {
  readonly claimId: string;
  readonly scheme: string;
  readonly submittedOn: CalendarDate;
  /** The gates the claim waits on. */
  readonly gates: readonly string[];
  readonly amount: MoneyFigure;
}

export interface MoneySection {
  readonly rows: readonly MoneyRow[];
  readonly total: { readonly released: MoneyFigure; readonly paid: MoneyFigure; readonly cancelled: MoneyFigure; readonly outstanding: MoneyFigure };
  readonly overrides: readonly OverrideLine[];
  readonly waitingOnGates: readonly WaitingClaim[];
}

// ---------------------------------------------------------------- data quality

export type DataQualityKind = 'ATTENDANCE_CLASH' | 'LATE_CERTIFICATE' | 'LATE_EMPLOYMENT' | 'TARGET_SET_INCONSISTENCY';

export interface DataQualityFlag {
  readonly kind: DataQualityKind;
  /** How many facts the flag is about (person-days, certificates, …). */
  readonly figure: CountFigure;
  /** In Chinese, counts and ids of cohorts or providers only. */
  readonly message: string;
  readonly cohortIds: readonly string[];
}

export interface DataQualitySection {
  readonly flags: readonly DataQualityFlag[];
}

// ---------------------------------------------------------------- the report

export interface EvaluationReport {
  readonly schemaVersion: 1;
  readonly period: ReportPeriod;
  /** The report is what the system knew at the end of this day (Asia/Shanghai). */
  readonly asOf: CalendarDate;
  readonly unit: ReportUnit;
  readonly progress: ProgressSection;
  readonly targets: TargetsSection;
  readonly rates: RatesSection;
  readonly money: MoneySection;
  readonly dataQuality: DataQualitySection;
}

import type { CalendarDate, DistrictTarget, TargetSetContent } from '@skills/domain';
import type { HistoryEvent } from '@skills/platform';
import { card, historyOf, recorded, SUBDISTRICT } from '@skills/platform/testing';
import { JCCQ_2020_12, POLICY_DOCUMENTS, policyInForceOn, type RegistryUnit, type TargetSetVersion } from '@skills/policy';
import type { ReportPeriod } from '../../evaluation-report';
import { EvaluationHistory } from '../../history/evaluation-history';
import type { ReportContext } from '../../report-context';

/** The sections' unit tests' fixtures. Hand-made ids: UUIDs only, as stream ids need. */
export const OTHER_SUBDISTRICT = '8b8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c61';
export const SECOND_PROVIDER = '9b8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c61';
export const OTHER_PROVIDER = '9c8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c62';
export const person = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const cohortId = (letter: string) => `c0000000-0000-4000-8000-00000000000${letter}`;
export const certificateId = (n: number) => `ce000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const employmentId = (n: number) => `e0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const H1_2021: ReportPeriod = { kind: 'H1', from: '2021-01-01', to: '2021-06-30', label: '2021 上半年' };

export const UNITS: readonly RegistryUnit[] = [
  { subdistrictId: SUBDISTRICT, code: 'NANCUN', name: '南村镇', nameEn: 'Nancun Town' },
  { subdistrictId: OTHER_SUBDISTRICT, code: 'DONGJIE', name: '东街办事处', nameEn: 'Dongjie Subdistrict' },
];

/** The notice's own slip in small: the units' paces 94 + 741 = 835, the district line 836 (14200 ÷ 17 rounded up). */
export const TARGET_SET: TargetSetVersion = {
  targetSetVersion: 'JCCQ-2020-12.v2',
  version: 2,
  content: {
    targetSetId: 'JCCQ-2020-12',
    effectiveFrom: '2020-12-03',
    effectiveTo: null,
    period: { from: '2020-08', to: '2021-12' },
    district: { holdersNow: 18_382, target: 32_582, task: 14_200, monthlyPace: 836 },
    rows: [{ subdistrictId: SUBDISTRICT, holdersNow: null, target: null, task: 1_600, monthlyPace: 94 }, { subdistrictId: OTHER_SUBDISTRICT, holdersNow: null, target: null, task: 12_600, monthlyPace: 741 }],
    districtTargets: [],
  } satisfies TargetSetContent,
  contentHash: '0'.repeat(64),
  builtIn: false,
  title: null,
  source: null,
  publishedBy: null,
  publishedAt: null,
};

/** The report's context for the unit (SUBDISTRICT), or the district when `subdistrictId` is null, under the shipped policy. */
export function contextOf(options: { asOf: CalendarDate; period?: ReportPeriod; subdistrictId?: string | null; units?: readonly RegistryUnit[] }): ReportContext {
  const subdistrictId = options.subdistrictId === undefined ? SUBDISTRICT : options.subdistrictId;
  return {
    period: options.period ?? H1_2021,
    asOf: options.asOf,
    unit: { subdistrictId, name: subdistrictId === null ? '城区' : '南村镇' },
    units: options.units ?? UNITS,
    targetSet: TARGET_SET,
    policyOn: (day) => policyInForceOn(POLICY_DOCUMENTS, day),
  };
}

/**
 * The report's history as the sections read it: the simulation's fold of the events, and the registry's providers
 * (PROVIDER and SECOND_PROVIDER in SUBDISTRICT, OTHER_PROVIDER in OTHER_SUBDISTRICT).
 */
export function evaluationHistoryOf(events: readonly HistoryEvent[], asOf: CalendarDate, providers: ReadonlyMap<string, { name: string; subdistrictId: string }>): EvaluationHistory {
  return { asOf, simulation: historyOf(events, asOf), registry: { providers } } as unknown as EvaluationHistory;
}

export const completed = (cohort: string, completedOn: CalendarDate, recordedOn: CalendarDate = completedOn): HistoryEvent => recorded(recordedOn, 'CohortCompleted', { cohortId: cohort, completedOn });
export const assessed = (cohort: string, labourerId: string, result: 'PASS' | 'FAIL', recordedOn: CalendarDate): HistoryEvent =>
  recorded(recordedOn, 'FinalAssessmentRecorded', { cohortId: cohort, labourerId, result, assessedOn: recordedOn });
export const certified = (id: string, labourerId: string, issuedOn: CalendarDate, recordedOn: CalendarDate, occupation = '焊工'): HistoryEvent =>
  recorded(recordedOn, 'CertificateRecorded', { certificateId: id, labourerId, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation, issuedOn });
/** An employment recorded on `recordedOn` and verified the same day. */
export const employed = (id: string, labourerId: string, startsOn: CalendarDate, recordedOn: CalendarDate): HistoryEvent[] => [
  recorded(recordedOn, 'EmploymentRecorded', { employmentId: id, labourerId, startsOn, evidenceRef: 'doc:1' }),
  recorded(recordedOn, 'EmploymentVerified', { employmentId: id, verifiedOn: recordedOn, verifiedBy: 'reviewer' }),
];

/**
 * A small task table over 2020-08..2021-12 (17 months): SUBDISTRICT task 34 at 2 a month, OTHER_SUBDISTRICT 17 at 1,
 * the district 51 (= 34 + 17) with holders 100 → target 151, but printed at 4 a month where 51 ÷ 17 = 3: two flags
 * (the units' paces sum to 3, and 4 is not 51 ÷ 17), as 附件1's 835 against 836.
 */
export function smallTargetSetOf(districtTargets: readonly DistrictTarget[] = []): TargetSetVersion {
  const content: TargetSetContent = {
    targetSetId: 'TEST-2020',
    effectiveFrom: '2020-08-01',
    effectiveTo: null,
    period: { from: '2020-08', to: '2021-12' },
    district: { holdersNow: 100, target: 151, task: 51, monthlyPace: 4 },
    rows: [
      { subdistrictId: SUBDISTRICT, holdersNow: null, target: null, task: 34, monthlyPace: 2 },
      { subdistrictId: OTHER_SUBDISTRICT, holdersNow: null, target: null, task: 17, monthlyPace: 1 },
    ],
    districtTargets: [...districtTargets],
  };
  return { targetSetVersion: 'TEST-2020.v1', version: 1, content, contentHash: '0'.repeat(64), builtIn: false, title: null, source: null, publishedBy: null, publishedAt: null };
}

/** The context over smallTargetSetOf under JCCQ-2020-12: the district when `unit` is null or missing. */
export function smallContextOf(options: { asOf: CalendarDate; period?: ReportPeriod; unit?: string | null; districtTargets?: readonly DistrictTarget[] }): ReportContext {
  const unit = options.unit ?? null;
  return {
    period: options.period ?? H1_2021,
    asOf: options.asOf,
    unit: { subdistrictId: unit, name: UNITS.find((u) => u.subdistrictId === unit)?.name ?? '城区' },
    units: UNITS,
    targetSet: smallTargetSetOf(options.districtTargets),
    policyOn: () => JCCQ_2020_12,
  };
}

/** The report's own EvaluationHistory folded over the events (where evaluationHistoryOf stands one in). */
export function foldedHistoryOf(events: readonly HistoryEvent[], asOf: CalendarDate): EvaluationHistory {
  const history = new EvaluationHistory(asOf);
  for (const event of events) history.fold(event);
  return history;
}

/** A card registered in `subdistrictId` (R-REG-5) with these key groups (R-REG-4). */
export function cardIn(subdistrictId: string, labourerId: string, keyGroups: readonly string[] = []): HistoryEvent {
  const registered = card(labourerId, keyGroups);
  return { ...registered, event: { ...registered.event, data: { ...(registered.event.data as Record<string, unknown>), subdistrictId } } as HistoryEvent['event'] };
}

/** A certificate (R-CERT-1) of `level` (none: a special-ability certificate) issued and recorded on the days given. */
export function certificate(recordedOn: CalendarDate, id: string, labourerId: string, issuedOn: CalendarDate, level?: string): HistoryEvent {
  return recorded(recordedOn, 'CertificateRecorded', {
    certificateId: id,
    labourerId,
    numberKey: 'a'.repeat(64),
    type: level === undefined ? 'SPECIAL_ABILITY' : 'SKILL_LEVEL',
    ...(level === undefined ? {} : { level }),
    occupation: '焊工',
    issuer: '城区职业技能鉴定所',
    issuedOn,
  });
}

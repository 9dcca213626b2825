import type { CalendarDate, DistrictTarget, TargetSetContent } from '@skills/domain';
import { JCCQ_2020_12, type RegistryUnit, type TargetSetVersion } from '@skills/policy';
import { card, recorded, SUBDISTRICT } from '@skills/platform/testing';
import type { HistoryEvent } from '@skills/platform';
import type { ReportPeriod } from '../evaluation-report';
import { EvaluationHistory } from '../history/evaluation-history';
import type { ReportContext } from '../report-context';

/** Two units for hand-made histories: A is the platform fixtures' SUBDISTRICT (where `card` registers), B another. */
export const UNIT_A = SUBDISTRICT;
export const UNIT_B = '7b8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c61';
export const UNITS: readonly RegistryUnit[] = [
  { subdistrictId: UNIT_A, code: 'NANCUN', name: '南村镇', nameEn: 'Nancun Town' },
  { subdistrictId: UNIT_B, code: 'DONGJIE', name: '东街办事处', nameEn: 'Dongjie Subdistrict' },
];

/**
 * A task table over 2020-08..2021-12 (17 months): A task 34 at 2 a month, B 17 at 1, the district 51 (= 34 + 17)
 * with holders 100 → target 151, but printed at 4 a month where 51 ÷ 17 = 3: two flags (the units' paces sum to 3,
 * and 4 is not 51 ÷ 17), as 附件1's 835 against 836.
 */
export function targetSetOf(districtTargets: readonly DistrictTarget[] = []): TargetSetVersion {
  const content: TargetSetContent = {
    targetSetId: 'TEST-2020',
    effectiveFrom: '2020-08-01',
    effectiveTo: null,
    period: { from: '2020-08', to: '2021-12' },
    district: { holdersNow: 100, target: 151, task: 51, monthlyPace: 4 },
    rows: [
      { subdistrictId: UNIT_A, holdersNow: null, target: null, task: 34, monthlyPace: 2 },
      { subdistrictId: UNIT_B, holdersNow: null, target: null, task: 17, monthlyPace: 1 },
    ],
    districtTargets: [...districtTargets],
  };
  return { targetSetVersion: 'TEST-2020.v1', version: 1, content, contentHash: '0'.repeat(64), builtIn: false, title: null, source: null, publishedBy: null, publishedAt: null };
}

export const H1_2021: ReportPeriod = { kind: 'H1', from: '2021-01-01', to: '2021-06-30', label: '2021 上半年' };

export function contextOf(options: { asOf: CalendarDate; period?: ReportPeriod; unit?: string | null; districtTargets?: readonly DistrictTarget[] }): ReportContext {
  const unit = options.unit ?? null;
  return {
    period: options.period ?? H1_2021,
    asOf: options.asOf,
    unit: { subdistrictId: unit, name: UNITS.find((u) => u.subdistrictId === unit)?.name ?? '城区' },
    units: UNITS,
    targetSet: targetSetOf(options.districtTargets),
    policyOn: () => JCCQ_2020_12,
  };
}

export function evaluationHistoryOf(events: readonly HistoryEvent[], asOf: CalendarDate): EvaluationHistory {
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
export function certificate(recordedOn: CalendarDate, certificateId: string, labourerId: string, issuedOn: CalendarDate, level?: string): HistoryEvent {
  return recorded(recordedOn, 'CertificateRecorded', {
    certificateId,
    labourerId,
    numberKey: 'a'.repeat(64),
    type: level === undefined ? 'SPECIAL_ABILITY' : 'SKILL_LEVEL',
    ...(level === undefined ? {} : { level }),
    occupation: '焊工',
    issuer: '城区职业技能鉴定所',
    issuedOn,
  });
}

/** Certificate ids c1… and people p1… as UUIDs. */
export const certificateId = (n: number) => `c${String(n).padStart(7, '0')}-0000-4000-8000-000000000000`;
export const person = (n: number) => `d${String(n).padStart(7, '0')}-0000-4000-8000-000000000000`;

import { daysInMonth, DomainError, monthsInPeriod, toCertificateStreamId, toLabourerStreamId, type CalendarDate, type TaskTableLine, type YearMonth } from '@skills/domain';
import { certificationProgress, DISTRICT_LINE_NAME, targetSetFlags, type RegistryUnit } from '@skills/policy';
import type { ProgressLine, ProgressSection } from '../evaluation-report';
import type { EvaluationHistory } from '../history/evaluation-history';
import { reportEnd, type ReportContext } from '../report-context';
import type { Tracer } from '../tracing';
import { targetSetFlagText } from './target-set-flag-text';

const CERTIFICATE_TYPES = ['CertificateRecorded'] as const;
/** The card's registration is what places its holder in a subdistrict (R-REG-5). */
const CARD_TYPES = ['LabourerRegistered'] as const;

/** Certificates counted, by certificate id: per subdistrict of the holder's card, and for the district. */
interface CertificatesDone {
  readonly bySubdistrict: ReadonlyMap<string, readonly string[]>;
  /** Per subdistrict, the holders of its certificates, whose cards put them there (R-MON-1). */
  readonly holdersBySubdistrict: ReadonlyMap<string, ReadonlySet<string>>;
  readonly district: readonly string[];
}

const NO_HOLDERS: ReadonlySet<string> = new Set();

const firstDayOf = (month: YearMonth): CalendarDate => `${month}-01`;
const lastDayOf = (month: YearMonth): CalendarDate => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
};

/**
 * R-TGT-2: the issue days that count towards the task: from the task period's first day to its last, or to `end` when
 * that is earlier (a certificate of 2022 does nothing for a task that ended in 2021-12). One rule for the report and
 * GET /api/evaluation/certification-progress.
 */
export function taskWindow(period: { readonly from: YearMonth; readonly to: YearMonth }, end: CalendarDate): { readonly from: CalendarDate; readonly to: CalendarDate } {
  const periodEnd = lastDayOf(period.to);
  return { from: firstDayOf(period.from), to: periodEnd < end ? periodEnd : end };
}

/**
 * R-TGT-2, R-MON-1: the one rule of certificates done (GET /api/evaluation/certification-progress counts with it
 * too, apps/api/src/evaluation/certificate-history.ts) on the folded history, THE RULE of
 * report-context.ts. A certificate counts when issued (its own day) from `from` to `to` and recorded by asOf (the fold holds nothing recorded later, so a late
 * certificate never changes an earlier report), once per certificate id (PersonHistory keeps the first standing),
 * for the subdistrict of its holder's card; a certificate of a person with no card counts for the district only.
 */
export function countCertificatesDone(history: EvaluationHistory, from: CalendarDate, to: CalendarDate): CertificatesDone {
  const { cards, certificates } = history.simulation.people;
  const bySubdistrict = new Map<string, string[]>();
  const holdersBySubdistrict = new Map<string, Set<string>>();
  const district: string[] = [];
  for (const [labourerId, rows] of certificates) {
    const subdistrictId = cards.get(labourerId)?.subdistrictId;
    for (const row of rows) {
      if (row.issuedOn < from || row.issuedOn > to) continue;
      district.push(row.certificateId);
      if (subdistrictId === undefined) continue;
      const list = bySubdistrict.get(subdistrictId);
      if (list) list.push(row.certificateId);
      else bySubdistrict.set(subdistrictId, [row.certificateId]);
      const holders = holdersBySubdistrict.get(subdistrictId);
      if (holders) holders.add(labourerId);
      else holdersBySubdistrict.set(subdistrictId, new Set([labourerId]));
    }
  }
  return { bySubdistrict, holdersBySubdistrict, district };
}

/**
 * R-EVAL-1, R-TGT-2: certification progress against the task table of the target set in force, as
 * certification-progress.service.ts shows it: every unit and the district line in a district report, the unit's own
 * line alone in a one-unit report. Done counts from the task period's first day to reportEnd; the pace is judged on
 * reportEnd too, so an end-of-term report run later is still judged at the end of its period.
 */
export function progressSection(history: EvaluationHistory, context: ReportContext, tracer: Tracer): ProgressSection {
  const { targetSetVersion, content } = context.targetSet;
  const { period, rows } = content;
  const end = reportEnd(context);
  const unitId = context.unit.subdistrictId?.toLowerCase() ?? null;
  const wanted = unitId === null ? rows : rows.filter((row) => row.subdistrictId.toLowerCase() === unitId);
  if (unitId !== null && wanted.length === 0) {
    throw new DomainError('EVALUATION.UNKNOWN_UNIT', `${targetSetVersion} has no line for subdistrict ${unitId}: use a subdistrictId it lists, or leave it out for the district`, 'not_found');
  }
  const window = taskWindow(period, end);
  const done = countCertificatesDone(history, window.from, window.to);

  // R-MON-1: a unit's done is traced to its certificates and to the cards that placed their holders in the unit; the
  // district counts every certificate, with a card or not, so its certificates alone decide it.
  const lineOf = (line: TaskTableLine, certificateIds: readonly string[], holders: ReadonlySet<string>, subdistrictId: string | null, unit: RegistryUnit | null, figureId: string): ProgressLine => {
    tracer.trace(figureId, () => [
      ...certificateIds.map((id) => ({ streamId: toCertificateStreamId(id), types: CERTIFICATE_TYPES })),
      ...[...holders].map((id) => ({ streamId: toLabourerStreamId(id), types: CARD_TYPES })),
    ]);
    const p = certificationProgress({ line, period, asOf: end, done: certificateIds.length });
    return {
      subdistrictId,
      code: unit?.code ?? null,
      name: unit?.name ?? (subdistrictId === null ? DISTRICT_LINE_NAME : subdistrictId),
      holdersAtStart: p.holdersAtStart,
      holdersNow: p.holdersNow,
      target: p.target,
      task: p.task,
      monthlyPacePrinted: p.monthlyPacePrinted,
      months: p.months,
      monthsElapsed: p.monthsElapsed,
      done: { id: figureId, count: p.done },
      expectedToDate: { numerator: p.expectedToDate.numerator, denominator: p.expectedToDate.denominator },
      expectedToDateWhole: p.expectedToDateWhole,
      difference: p.difference,
      standing: p.standing,
      remaining: p.remaining,
      monthlyPaceNeeded: p.monthlyPaceNeeded,
    };
  };

  const units = wanted.map((row) => {
    const id = row.subdistrictId.toLowerCase();
    const unit = context.units.find((u) => u.subdistrictId.toLowerCase() === id) ?? null;
    return lineOf(row, done.bySubdistrict.get(id) ?? [], done.holdersBySubdistrict.get(id) ?? NO_HOLDERS, id, unit, `progress/done/${id}`);
  });
  // A one-unit report shows the district line's flags (the 835 against 836 of 附件1) and its own line's, not the others'.
  const flags = targetSetFlags(content, context.units)
    .filter((flag) => unitId === null || flag.subdistrictId === null || flag.subdistrictId.toLowerCase() === unitId)
    .map((flag) => ({ code: flag.code, message: targetSetFlagText(flag) }));
  return {
    targetSetVersion,
    taskPeriod: { from: period.from, to: period.to, months: monthsInPeriod(period) },
    units,
    district: unitId === null ? lineOf(content.district, done.district, NO_HOLDERS, null, null, 'progress/done/district') : null,
    flags,
  };
}

import { DomainError, monthsInPeriod, toCertificateStreamId, type CalendarDate, type TaskTableLine, type YearMonth } from '@skills/domain';
import { certificationProgress, DISTRICT_LINE_NAME, targetSetFlags, type RegistryUnit } from '@skills/policy';
import type { ProgressLine, ProgressSection } from '../evaluation-report';
import type { EvaluationHistory } from '../history/evaluation-history';
import { reportEnd, type ReportContext } from '../report-context';
import type { Tracer } from '../tracing';

const CERTIFICATE_TYPES = ['CertificateRecorded'] as const;

/** Certificates counted, by certificate id: per subdistrict of the holder's card, and for the district. */
interface CertificatesDone {
  readonly bySubdistrict: ReadonlyMap<string, readonly string[]>;
  readonly district: readonly string[];
}

const firstDayOf = (month: YearMonth): CalendarDate => `${month}-01`;

/**
 * R-TGT-2, R-MON-1: the rule of apps/api/src/evaluation/certificates-done.ts on the folded history. A certificate
 * counts when issued from `from` to `to` and recorded by asOf (the fold holds nothing recorded later, so a late
 * certificate never changes an earlier report), once per certificate id (PersonHistory keeps the first standing),
 * for the subdistrict of its holder's card; a certificate of a person with no card counts for the district only.
 */
export function countCertificatesDone(history: EvaluationHistory, from: CalendarDate, to: CalendarDate): CertificatesDone {
  const { cards, certificates } = history.simulation.people;
  const bySubdistrict = new Map<string, string[]>();
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
    }
  }
  return { bySubdistrict, district };
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
  const done = countCertificatesDone(history, firstDayOf(period.from), end);

  const lineOf = (line: TaskTableLine, certificateIds: readonly string[], subdistrictId: string | null, unit: RegistryUnit | null, figureId: string): ProgressLine => {
    tracer.trace(figureId, () => certificateIds.map((id) => ({ streamId: toCertificateStreamId(id), types: CERTIFICATE_TYPES })));
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
    return lineOf(row, done.bySubdistrict.get(id) ?? [], id, unit, `progress/done/${id}`);
  });
  // A one-unit report shows the district line's flags (the 835 against 836 of 附件1) and its own line's, not the others'.
  const flags = targetSetFlags(content, context.units)
    .filter((flag) => unitId === null || flag.subdistrictId === null || flag.subdistrictId.toLowerCase() === unitId)
    .map(({ code, message }) => ({ code, message }));
  return {
    targetSetVersion,
    taskPeriod: { from: period.from, to: period.to, months: monthsInPeriod(period) },
    units,
    district: unitId === null ? lineOf(content.district, done.district, null, null, 'progress/done/district') : null,
    flags,
  };
}

import { DomainError, evaluationReportDecider, toEvaluationReportStreamId, type CalendarDate, type EvaluationReportFrozen, type FrozenReportUnit } from '@skills/domain';
import { decideAndAppend, type CommandEnvelope, type HistoryHead, type System } from '@skills/platform';
import type { RegistryUnit } from '@skills/policy';
import type { EvaluationReport, ReportPeriod } from '@skills/reports';

/** A frozen report as the api answers it (R-EVAL-1). */
export interface FrozenReport {
  readonly reportId: string;
  readonly period: ReportPeriod;
  readonly asOf: CalendarDate;
  readonly subdistrictId: string | null;
  readonly contentHash: string;
  /** When it was frozen: the event's occurredAt. */
  readonly frozenAt: string;
  readonly report: EvaluationReport;
  /** The head the run read up to; null for a report frozen before heads were stored (it verifies against today's). */
  readonly historyHead: HistoryHead | null;
  /** The run that froze it, when stored. */
  readonly runId: string | null;
  readonly eventsRead: number | null;
  /** The registry's units the run computed with; null for a report frozen before they were stored (it verifies with today's). */
  readonly units: readonly FrozenReportUnit[] | null;
  /** Who ran it (the event's actor) and the hash of what was asked (the POST's form, as sent). */
  readonly requestedBy: string;
  readonly requestHash: string | null;
}

/** One line of the list: what a reader needs to choose a report, without the report itself. */
export interface FrozenReportSummary {
  readonly reportId: string;
  readonly period: string;
  readonly periodFrom: CalendarDate;
  readonly periodTo: CalendarDate;
  readonly asOf: CalendarDate;
  readonly subdistrictId: string | null;
  readonly unit: string;
  readonly contentHash: string;
  readonly frozenAt: string;
}

/**
 * R-EVAL-1 (issue 7 §3): stores a completed report on its own stream, once. A second freeze of the same id (a run
 * retried after a restart, under the same Idempotency-Key) stores nothing and the first report stays.
 */
export async function freezeReport(
  system: Pick<System, 'store' | 'catalogue'>,
  envelope: CommandEnvelope,
  frozen: Omit<EvaluationReportFrozen['data'], 'report' | 'units'> & { readonly report: EvaluationReport; readonly units: readonly RegistryUnit[] },
  requestHash: string,
): Promise<void> {
  // The report library's interface is the event's loose report, which the catalogue checks as it is stored. Each
  // unit is copied field by field: the event's unit is strict, and a directory's entry may carry more one day.
  const units = frozen.units.map(({ subdistrictId, code, name, nameEn }) => ({ subdistrictId, code, name, nameEn }));
  const data = { ...frozen, report: frozen.report as unknown as EvaluationReportFrozen['data']['report'], units };
  await decideAndAppend({
    store: system.store,
    catalogue: system.catalogue,
    decider: evaluationReportDecider,
    streamId: toEvaluationReportStreamId(frozen.reportId),
    command: { type: 'FreezeEvaluationReport', report: data, context: { actor: envelope.actor, now: envelope.now } },
    envelope,
    // What was asked (as sent), not what was computed: the same request retried is the same command.
    commandHash: requestHash,
  });
}

export const reportNotFound = (reportId: string) =>
  new DomainError('EVALUATION.REPORT_NOT_FOUND', `No frozen report ${reportId}: GET /api/evaluation/reports lists them`, 'not_found', { reportId });

export async function readFrozenReport(system: Pick<System, 'store' | 'catalogue'>, reportId: string): Promise<FrozenReport> {
  const found = await findFrozenReport(system, reportId);
  if (!found) throw reportNotFound(reportId);
  return found;
}

/** The frozen report of this id, or undefined when none is frozen (yet). */
export async function findFrozenReport(system: Pick<System, 'store' | 'catalogue'>, reportId: string): Promise<FrozenReport | undefined> {
  const [recorded] = await system.store.readStream(toEvaluationReportStreamId(reportId));
  if (!recorded) return undefined;
  const { data } = system.catalogue.deserialise(recorded) as EvaluationReportFrozen;
  return {
    reportId: data.reportId,
    period: data.period,
    asOf: data.asOf,
    subdistrictId: data.subdistrictId,
    contentHash: data.contentHash,
    frozenAt: recorded.metadata.occurredAt,
    report: data.report as unknown as EvaluationReport,
    historyHead: data.historyHead ?? null,
    runId: data.runId ?? null,
    eventsRead: data.eventsRead ?? null,
    units: data.units ?? null,
    requestedBy: recorded.metadata.actor,
    requestHash: recorded.metadata.commandHash ?? null,
  };
}

const BY_RUN = `SELECT data->>'reportId' AS report_id FROM events WHERE type = 'EvaluationReportFrozen' AND data->>'runId' = $1::text LIMIT 1`;

/** The report a run froze, found by the run id stored with it (a run no longer in this process's memory). */
export async function findFrozenReportOfRun(system: Pick<System, 'db' | 'store' | 'catalogue'>, runId: string): Promise<FrozenReport | undefined> {
  const row = (await system.db.query<{ report_id: string }>(BY_RUN, [runId.toLowerCase()])).rows[0];
  return row ? findFrozenReport(system, row.report_id) : undefined;
}

interface SummaryRow {
  report_id: string;
  period: string;
  period_from: string;
  period_to: string;
  as_of: string;
  subdistrict_id: string | null;
  unit: string;
  content_hash: string;
  frozen_at: string;
}

// The list reads only the small fields of each frozen event (jsonb paths), never the reports themselves.
const LIST = `SELECT data->>'reportId' AS report_id, data->'period'->>'label' AS period, data->'period'->>'from' AS period_from,
    data->'period'->>'to' AS period_to, data->>'asOf' AS as_of, data->>'subdistrictId' AS subdistrict_id,
    data->'report'->'unit'->>'name' AS unit, data->>'contentHash' AS content_hash, metadata->>'occurredAt' AS frozen_at
  FROM events
  WHERE type = 'EvaluationReportFrozen' AND ($1::text IS NULL OR data->>'subdistrictId' = $1::text)
  ORDER BY position DESC`;

/** Every frozen report, the newest first; `subdistrictId` keeps that unit's only (a subdistrict officer's list). */
export async function listFrozenReports(system: Pick<System, 'db'>, subdistrictId: string | undefined): Promise<FrozenReportSummary[]> {
  const { rows } = await system.db.query<SummaryRow>(LIST, [subdistrictId ?? null]);
  return rows.map((r) => ({
    reportId: r.report_id,
    period: r.period,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    asOf: r.as_of,
    subdistrictId: r.subdistrict_id,
    unit: r.unit,
    contentHash: r.content_hash,
    frozenAt: r.frozen_at,
  }));
}

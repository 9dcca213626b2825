import type { ApiRoute } from '../docs/api-route';
import { EVALUATION_READERS } from './evaluation-readers';
import { StartReportForm, TraceQuery } from './evaluation-report.forms';

const common = { 401: 'Not logged in', 403: "Role not allowed, or a report of another unit than the officer's own" };
const frozen = { ...common, 404: 'No frozen report with this id' };

/** R-EVAL-1, R-MON-1: the semiannual evaluation report (issue 7), for the OpenAPI document. */
export const EVALUATION_REPORT_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/api/evaluation/reports',
    tag: 'evaluation',
    summary:
      'R-EVAL-1 R-MON-1 Run the evaluation report for a period (H1-2021, H2-2021 or 2020-08-01..2021-12-31) as the system knew it at the end of asOf (default today, never later), for one unit or the district; when done it is frozen with its content hash and the history head it read up to (so a fact recorded later, even the same day, never changes it). One read of the history at a time (a run, a verification or a trace); follow the run at the Location header. A retry with the same Idempotency-Key whose run this process no longer holds (restart, eviction) is answered from the frozen report: DONE with its stored asOf and content hash, never recomputed. A subdistrict officer runs its own unit only',
    roles: EVALUATION_READERS,
    body: StartReportForm,
    idempotent: true,
    responses: {
      ...common,
      202: 'Started: runId, status RUNNING, progress {eventsRead, eventsTotal, percent}',
      200: 'A retry with the same Idempotency-Key and body: the same run as it stands, or DONE from the frozen report',
      400: 'Invalid input (period, asOf, subdistrictId named), asOf after today or before the period, no target set in force on asOf, or Idempotency-Key not a UUID',
      404: 'subdistrictId is not a subdistrict of the registry',
      409: 'Another report run (runningRunId in details), verification or trace is reading the history: retry in a few seconds (retryAfterSeconds in details)',
      422: 'This Idempotency-Key was used for another request',
    },
  },
  {
    method: 'get',
    path: '/api/evaluation/reports/runs/:runId',
    tag: 'evaluation',
    summary:
      'A report run: status RUNNING, DONE or FAILED, progress (eventsRead so far; eventsTotal 0 and percent 0 until the read is done, as the events are not counted ahead); when DONE the reportId and contentHash of the frozen report; when FAILED the error code. A run this process no longer holds is answered from the report it froze',
    roles: EVALUATION_READERS,
    responses: { ...common, 200: 'The run', 404: 'No such run in this api process (restarted, evicted or another replica) and no report frozen by it' },
  },
  {
    method: 'get',
    path: '/api/evaluation/reports',
    tag: 'evaluation',
    summary: "R-EVAL-1 The frozen reports, newest first: reportId, period label, asOf, unit, contentHash, frozenAt. A subdistrict officer sees its own unit's only",
    roles: EVALUATION_READERS,
    responses: { ...common, 200: '{reports: [...]}' },
  },
  {
    method: 'get',
    path: '/api/evaluation/reports/:reportId',
    tag: 'evaluation',
    summary: 'R-EVAL-1 A frozen report as JSON: progress against the task table, the R-TGT-1 targets, rates, money and data-quality flags; counts, fen and exact fractions only, every figure with its id',
    roles: EVALUATION_READERS,
    responses: { ...frozen, 200: '{reportId, contentHash, frozenAt, report}' },
  },
  {
    method: 'get',
    path: '/api/evaluation/reports/:reportId/report.xlsx',
    tag: 'evaluation',
    summary: 'R-EVAL-1 The frozen report as an XLSX workbook, one sheet per section with Chinese headings; the same figures as the JSON',
    roles: EVALUATION_READERS,
    responses: { ...frozen, 200: 'The workbook (attachment; X-Content-Hash: the report\'s content hash)' },
  },
  {
    method: 'get',
    path: '/api/evaluation/reports/:reportId/report.pdf',
    tag: 'evaluation',
    summary: 'R-EVAL-1 The frozen report as a PDF with charts of progress against the task and of rates against thresholds; the same figures as the JSON',
    roles: EVALUATION_READERS,
    responses: { ...frozen, 200: 'The PDF (attachment; X-Content-Hash: the report\'s content hash)' },
  },
  {
    method: 'post',
    path: '/api/evaluation/reports/:reportId/verify',
    tag: 'evaluation',
    summary:
      'R-EVAL-1 R-MON-1 Two checks of a frozen report. storedIntact: the stored report still hashes to its stored content hash (storedHash vs frozenHash). reproduced: the report recomputed from the event history with its own period, asOf and unit, read up to the history head the run stored and with the registry units frozen with it, hashes to it (recomputedHash vs frozenHash): a fact recorded after the run, even the same day, or a unit renamed in the task-table file since, changes nothing (unitsFrom FROZEN; REGISTRY: a report frozen before units were stored, computed with the units of today). failedChecks names each check that failed. Under the one-at-a-time guard with runs and traces. Changes nothing',
    roles: EVALUATION_READERS,
    responses: {
      ...frozen,
      200: '{verified, reproduced, storedIntact, frozenHash, storedHash, recomputedHash, failedChecks: [{check: STORED_INTACT|REPRODUCED, message}], differingSections, historyHead, eventsRead, unitsFrom: FROZEN|REGISTRY}',
      409: 'A report run, verification or trace is reading the history: retry in a few seconds',
    },
  },
  {
    method: 'get',
    path: '/api/evaluation/reports/:reportId/trace',
    tag: 'evaluation',
    summary:
      'R-MON-1 The events behind one figure of a frozen report (figure = its id in the JSON), as the report read them (recorded by its asOf and at or before its history head): position, eventId, type, occurredAt and the day recorded, never event data; paged in the database by limit (default 1000) and afterPosition (events after that position, in position order). streams counts the streams the figure was counted from and sourceKinds counts them by kind. The bureau and evaluators also see each event\'s streamId and the first 100 sources (sources, sourcesShown); a subdistrict officer sees no stream id at all (a per-person stream such as labourer-…, attendance-…, assessment-… or free-training-ledger-… would point at one person): each event carries streamKind (labourer, attendance, certificate, …) instead, and no sources list. The first trace of a report reads its history under the one-at-a-time guard; traces of it after that share that read',
    roles: EVALUATION_READERS,
    query: TraceQuery,
    responses: {
      ...common,
      200: '{figure, historyHead, streams, sourceKinds, total, events, nextAfterPosition} and, for the bureau, sources and sourcesShown',
      400: 'figure missing, or limit / afterPosition malformed',
      404: 'No frozen report with this id, or no figure of it has this id (named)',
      409: 'A report run, verification or trace of another report is reading the history: retry in a few seconds',
    },
  },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** R-EVAL-1: one stream per frozen evaluation report (`evaluation-report-<uuid>`), lower case like every UUID stream. */
export function toEvaluationReportStreamId(reportId: string): string {
  if (!UUID.test(reportId)) throw new RangeError('an evaluation-report stream id needs a UUID');
  return `evaluation-report-${reportId.toLowerCase()}`;
}

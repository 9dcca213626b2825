import type { CalendarDate, EventCatalogue, YearMonth } from '@skills/domain';
import { readHistory } from '@skills/platform';
import { countCertificatesDone, EvaluationHistory, taskWindow } from '@skills/reports';
import type { SqlExecutor } from '@skills/sql';

/** What the count folds: the card that places a holder in a subdistrict, and the certificate. */
const CERTIFICATES_DONE_EVENT_TYPES = ['LabourerRegistered', 'CertificateRecorded'] as const;
const BATCH_SIZE = 5_000;

export type CertificatesDone = ReturnType<typeof countCertificatesDone>;

export interface CertificatesDoneOptions {
  /** The task period of the target set (R-TGT-2), whole months. */
  readonly period: { readonly from: YearMonth; readonly to: YearMonth };
  readonly asOf: CalendarDate;
}

/**
 * R-MON-1, R-EVAL-1: certificates done towards the task, as the system knew them on asOf. The event history itself
 * (never a read model, which holds today's data) is folded by the report's EvaluationHistory, which drops whatever
 * was recorded after asOf, and counted by the report's own rule (countCertificatesDone, libs/reports), so this
 * endpoint and the report's progress section cannot count differently. Only certificates issued in the task window (taskWindow) count.
 */
export async function readCertificatesDone(db: SqlExecutor, catalogue: EventCatalogue, options: CertificatesDoneOptions): Promise<CertificatesDone> {
  const history = new EvaluationHistory(options.asOf);
  await readHistory(db, catalogue, { types: CERTIFICATES_DONE_EVENT_TYPES, batchSize: BATCH_SIZE }, (event) => history.fold(event));
  const { from, to } = taskWindow(options.period, options.asOf);
  return countCertificatesDone(history, from, to);
}

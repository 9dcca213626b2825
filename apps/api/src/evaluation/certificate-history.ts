import { shanghaiDateOf, type CalendarDate, type EventCatalogue } from '@skills/domain';
import type { SqlExecutor } from '@skills/sql';
import { CERTIFICATES_DONE_EVENT_TYPES, countCertificatesDone, type CertificatesDone, type CertificatesDoneOptions, type RecordedFact } from './certificates-done';

interface Row {
  position: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  occurred_at: string;
}

// R-MON-1: the event history itself, never a read model (which holds today's data): only the two types, only what
// was recorded before the end of asOf in Asia/Shanghai, in pages by position.
const PAGE = `SELECT position::text AS position, type, schema_version, data, metadata->>'occurredAt' AS occurred_at
  FROM events
  WHERE type = ANY($1::text[]) AND position > $2::bigint
    AND (metadata->>'occurredAt')::timestamptz < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
  ORDER BY position LIMIT $4::bigint`;

const PAGE_SIZE = 10_000;

/** Certificates done per unit as known on asOf (R-MON-1, R-EVAL-1), read from the events table page by page. */
export async function readCertificatesDone(db: SqlExecutor, catalogue: EventCatalogue, options: CertificatesDoneOptions): Promise<CertificatesDone> {
  const facts: RecordedFact[] = [];
  let after = '0';
  for (;;) {
    const { rows } = await db.query<Row>(PAGE, [[...CERTIFICATES_DONE_EVENT_TYPES], after, options.asOf, PAGE_SIZE]);
    for (const row of rows) {
      // Through the catalogue, so an older stored version is upcast as every other reader sees it.
      const event = catalogue.deserialise({ type: row.type, schemaVersion: row.schema_version, data: row.data });
      facts.push({ type: event.type, data: event.data as Record<string, unknown>, recordedOn: shanghaiDateOf(row.occurred_at) as CalendarDate });
    }
    if (rows.length < PAGE_SIZE) break;
    after = rows[rows.length - 1]!.position;
  }
  return countCertificatesDone(facts, options);
}

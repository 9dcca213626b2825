import type { FastifyInstance } from 'fastify';
import { EVIDENCE_MEDIA_TYPE, UNDECLARED_MEDIA_TYPE } from '@skills/domain';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** R-CLAIM-3 evidence files: PDF, JPEG, PNG, or octet-stream when the sender lets the content show its type. */
export const EVIDENCE_TYPES: readonly string[] = [...EVIDENCE_MEDIA_TYPE.options, UNDECLARED_MEDIA_TYPE];

/** Bulk imports and evidence files arrive as the file itself (CSV or XLSX body; PDF, JPEG, PNG), read whole as a Buffer. */
export function registerUploadParsers(fastify: FastifyInstance): void {
  for (const type of [CSV_TYPE, XLSX_TYPE, ...EVIDENCE_TYPES]) {
    fastify.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  }
}

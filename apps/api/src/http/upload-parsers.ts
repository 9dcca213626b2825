import type { FastifyInstance } from 'fastify';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Bulk imports arrive as the file itself (CSV or XLSX body), read whole as a Buffer. */
export function registerUploadParsers(fastify: FastifyInstance): void {
  for (const type of [CSV_TYPE, XLSX_TYPE]) {
    fastify.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  }
}

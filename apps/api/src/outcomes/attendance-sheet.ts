import { DomainError, ValidationFailed, type AttendanceRow } from '@skills/domain';
import { CSV_TYPE, XLSX_TYPE } from '../http/upload-parsers';
import { readSheet } from '../imports/sheet-reader';

const COLUMNS = ['labourerId', 'day'] as const;

/** An attendance file: one row per trainee and day, by labourer id only (no ID numbers in attendance files). */
export async function readAttendanceRows(body: unknown, contentTypeHeader: unknown): Promise<AttendanceRow[]> {
  const type = String(contentTypeHeader ?? '').split(';')[0]!.trim();
  if (type !== CSV_TYPE && type !== XLSX_TYPE) {
    throw new DomainError('IMPORT.UNSUPPORTED_TYPE', `Send the file as ${CSV_TYPE} or ${XLSX_TYPE}`, 'validation', {}, [{ field: 'content-type', message: `use ${CSV_TYPE} or ${XLSX_TYPE}` }]);
  }
  const sheet = await readSheet(body as Buffer, type === CSV_TYPE ? 'csv' : 'xlsx');
  const missing = COLUMNS.filter((column) => !sheet.headers.includes(column));
  if (missing.length > 0) throw new ValidationFailed(missing.map((column) => ({ field: 'file', message: `add the column ${column}` })), 'IMPORT.MISSING_COLUMNS');
  if (sheet.rows.length === 0) throw new ValidationFailed([{ field: 'file', message: 'the file has no data rows' }], 'IMPORT.EMPTY');
  return sheet.rows.map(({ rowNumber, cells }) => ({ row: rowNumber, labourerId: cells['labourerId'] ?? '', day: cells['day'] ?? '' }));
}

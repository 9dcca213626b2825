import { DomainError, ValidationFailed, type FieldIssue, type RegisteringUnit } from '@skills/domain';
import type { CommandEnvelope, System } from '@skills/platform';
import { commitRegistrations, prepareRegistration, type PreparedRegistration } from '../registry/labourers/labourer-registration.service';
import type { RegistryDirectory } from '../registry/registry-directory';
import { missingColumns, toLabourerForm } from './labourer-import-row';
import type { Sheet } from './sheet-reader';

export type ImportMode = 'all_or_nothing' | 'valid_rows_only';

export interface RowError extends FieldIssue {
  readonly row: number;
  readonly code: string;
}

export interface ImportReport {
  readonly status: 'imported' | 'rejected';
  readonly mode: ImportMode;
  readonly rowsReceived: number;
  readonly rowsSaved: number;
  /** Rows this same import (same Idempotency-Key) had saved already. */
  readonly rowsAlreadySaved: number;
  readonly rowsRejected: number;
  readonly saved: readonly { row: number; labourerId: string }[];
  readonly errors: readonly RowError[];
}

/**
 * Bulk registration: every row is checked first, then the rows that are saved are saved in ONE transaction.
 * `all_or_nothing` saves nothing when any row is wrong; `valid_rows_only` saves the good rows and reports the
 * others. Either way nothing is half-saved, and the same upload sent again with the same Idempotency-Key saves
 * nothing twice.
 */
export async function importLabourers(
  system: System,
  directory: RegistryDirectory,
  sheet: Sheet,
  unit: RegisteringUnit,
  envelope: CommandEnvelope,
  mode: ImportMode,
  mayRegisterIn: (subdistrictId: string) => void = () => undefined,
): Promise<ImportReport> {
  const missing = missingColumns(sheet.headers);
  if (missing.length > 0) {
    throw new ValidationFailed(missing.map((column) => ({ field: 'file', message: `add the column ${column}` })), 'IMPORT.MISSING_COLUMNS');
  }
  for (let attempt = 1; ; attempt++) {
    const { prepared, errors } = await checkRows(system, directory, sheet, unit, envelope, mayRegisterIn);
    const rejected = new Set(errors.map((e) => e.row)).size;
    const base = { mode, rowsReceived: sheet.rows.length, rowsRejected: rejected, errors };
    if (sheet.rows.length === 0) throw new ValidationFailed([{ field: 'file', message: 'the file has no data rows' }], 'IMPORT.EMPTY');
    // Nothing to save (every row wrong) is a rejection whatever the mode: "imported" would mislead.
    if ((mode === 'all_or_nothing' && errors.length > 0) || prepared.length === 0) {
      return { ...base, status: 'rejected', rowsSaved: 0, rowsAlreadySaved: 0, saved: [] };
    }
    // false: another clerk registered one of these people in the meantime; check again, which names the card.
    if (await commitRegistrations(system, prepared.map((p) => p.registration))) {
      return {
        ...base,
        status: 'imported',
        rowsSaved: prepared.filter((p) => !p.registration.alreadyRegistered).length,
        rowsAlreadySaved: prepared.filter((p) => p.registration.alreadyRegistered).length,
        saved: prepared.map((p) => ({ row: p.row, labourerId: p.registration.labourerId })),
      };
    }
    if (attempt >= 3) throw new DomainError('IMPORT.CONCURRENT_CHANGES', 'Other registrations of the same people kept arriving: upload the file again', 'conflict');
  }
}

async function checkRows(
  system: System,
  directory: RegistryDirectory,
  sheet: Sheet,
  unit: RegisteringUnit,
  envelope: CommandEnvelope,
  mayRegisterIn: (subdistrictId: string) => void,
) {
  const prepared: { row: number; registration: PreparedRegistration }[] = [];
  const errors: RowError[] = [];
  const rowOfFingerprint = new Map<string, number>();
  for (const { rowNumber, cells } of sheet.rows) {
    const parsed = toLabourerForm(cells, directory);
    if (!parsed.ok) {
      errors.push(...parsed.issues.map((issue) => ({ row: rowNumber, code: 'VALIDATION.FAILED', ...issue })));
      continue;
    }
    try {
      mayRegisterIn(parsed.form.subdistrictId);
      const registration = await prepareRegistration(system, directory, parsed.form, unit, envelope, `row-${rowNumber}`);
      const earlier = rowOfFingerprint.get(registration.fingerprint);
      if (earlier !== undefined) {
        errors.push({ row: rowNumber, code: 'IMPORT.DUPLICATE_ROW', field: 'idNumber', message: `the same person as row ${earlier}: remove one of the two rows` });
        continue;
      }
      rowOfFingerprint.set(registration.fingerprint, rowNumber);
      prepared.push({ row: rowNumber, registration });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const issues = error.issues.length > 0 ? error.issues : [{ field: '(row)', message: error.message }];
      errors.push(...issues.map((issue) => ({ row: rowNumber, code: error.code, ...issue, ...(error.details['existingLabourerId'] ? { existingLabourerId: error.details['existingLabourerId'] } : {}) })));
    }
  }
  return { prepared, errors };
}

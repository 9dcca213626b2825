import { DomainError, monthsInPeriod, shanghaiDateOf, type CalendarDate, type TaskTableLine } from '@skills/domain';
import { certificationProgress, DISTRICT_LINE_NAME, type CertificationProgress, type RegistryUnit } from '@skills/policy';
import type { System } from '@skills/platform';
import { readCertificatesDone } from './certificate-history';
import { targetSetKnownOn } from './report-context.service';

export interface ProgressLine extends Omit<CertificationProgress, 'expectedToDate'> {
  /** null on the district line. */
  readonly subdistrictId: string | null;
  readonly code: string | null;
  readonly name: string;
  /** task × monthsElapsed ÷ months, exactly, as numerator and denominator. */
  readonly expectedToDate: { readonly numerator: number; readonly denominator: number };
}

export interface CertificationProgressReport {
  readonly asOf: CalendarDate;
  readonly targetSetVersion: string;
  readonly period: { readonly from: string; readonly to: string; readonly months: number };
  /** One line per unit asked for (every unit for the district), in the order of the task table. */
  readonly units: readonly ProgressLine[];
  /** The district line (城区); null when one unit was asked for. */
  readonly district: ProgressLine | null;
}

/**
 * R-EVAL-1, R-TGT-2, R-MON-1: the report's first section, certification progress against the task table of the target
 * set in force on asOf as known on asOf (a set published later, even one taking effect earlier, did not exist then), with "done so far" counted from the event history as known on asOf. Counts only.
 */
export async function readCertificationProgress(system: System, units: readonly RegistryUnit[], asOf: CalendarDate | undefined, subdistrictId: string | undefined): Promise<CertificationProgressReport> {
  const day = asOf ?? shanghaiDateOf(new Date().toISOString());
  // The report's own rule (R-EVAL-1, R-TGT-2): the set in force on asOf among those published by the end of asOf,
  // so this endpoint and a report as of the same day never count against different task tables.
  const version = await targetSetKnownOn(system, units, day, null);
  const { period, rows, district } = version.content;
  const wanted = subdistrictId === undefined ? rows : rows.filter((r) => r.subdistrictId === subdistrictId);
  if (subdistrictId !== undefined && wanted.length === 0) {
    throw new DomainError('EVALUATION.UNKNOWN_UNIT', `${version.targetSetVersion} has no line for subdistrict ${subdistrictId}: use a subdistrictId it lists, or leave it out for the district`, 'not_found');
  }
  const done = await readCertificatesDone(system.db, system.catalogue, { period, asOf: day });
  const lineOf = (line: TaskTableLine, count: number, unit: RegistryUnit | null): ProgressLine => {
    const progress = certificationProgress({ line, period, asOf: day, done: count });
    const { numerator, denominator } = progress.expectedToDate;
    return { subdistrictId: unit?.subdistrictId ?? null, code: unit?.code ?? null, name: unit?.name ?? DISTRICT_LINE_NAME, ...progress, expectedToDate: { numerator, denominator } };
  };
  return {
    asOf: day,
    targetSetVersion: version.targetSetVersion,
    period: { ...period, months: monthsInPeriod(period) },
    // The count keys units by lower-case id, as the report does.
    units: wanted.map((row) => lineOf(row, done.bySubdistrict.get(row.subdistrictId.toLowerCase())?.length ?? 0, units.find((u) => u.subdistrictId === row.subdistrictId) ?? null)),
    district: subdistrictId === undefined ? lineOf(district, done.district.length, null) : null,
  };
}

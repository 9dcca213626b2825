import { DISTRICT_TARGETS, DomainError, monthsInPeriod } from '@skills/domain';
import type { DistrictTargetsSource } from './publish-target-set';
import { DISTRICT_LINE_NAME, targetSetFlags, type LineRows, type RegistryUnit, type TargetSetVersion } from '@skills/policy';

/** What a list shows of a version: its dates, period and hash, and its flags (R-TGT-2), without its lines. */
export function targetSetSummaryOf(version: TargetSetVersion, units: readonly RegistryUnit[]) {
  const { targetSetId, effectiveFrom, effectiveTo, period } = version.content;
  return {
    targetSetVersion: version.targetSetVersion,
    targetSetId,
    version: version.version,
    title: version.title,
    source: version.source,
    effectiveFrom,
    effectiveTo,
    period: { ...period, months: monthsInPeriod(period) },
    contentHash: version.contentHash,
    builtIn: version.builtIn,
    publishedBy: version.publishedBy,
    publishedAt: version.publishedAt,
    flags: targetSetFlags(version.content, units),
  };
}

/** A version whole: the district line, each unit's line with its registered code and name, the district targets. */
export function targetSetDetailOf(version: TargetSetVersion, units: readonly RegistryUnit[]) {
  const unitOf = (id: string) => units.find((u) => u.subdistrictId === id);
  return {
    ...targetSetSummaryOf(version, units),
    district: { name: DISTRICT_LINE_NAME, ...version.content.district },
    rows: version.content.rows.map((row) => ({ ...row, code: unitOf(row.subdistrictId)?.code ?? null, name: unitOf(row.subdistrictId)?.name ?? null })),
    districtTargets: version.content.districtTargets.map((target) => ({ ...target, label: DISTRICT_TARGETS[target.code].label })),
  };
}

/** The upload's answer: the version and its flags, each flag with the row of the file it is about. */
export function publishedUploadOf(version: TargetSetVersion, units: readonly RegistryUnit[], rows: LineRows, extra: { alreadyPublished: boolean; districtTargetsFrom: DistrictTargetsSource }) {
  const summary = targetSetSummaryOf(version, units);
  const rowOf = (subdistrictId: string | null) => (subdistrictId === null ? rows.district : rows.units[subdistrictId] ?? null);
  return { ...summary, ...extra, flags: summary.flags.map((flag) => ({ row: flag.code === 'UNIT_MISSING' ? null : rowOf(flag.subdistrictId), ...flag })) };
}

const VERSION_NAME = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*\.v[1-9][0-9]*$/;

export function targetSetVersionNotFound(text: string): DomainError {
  // Echo the path only when it has the shape of a version name (an id and a number, nothing else).
  const named = VERSION_NAME.test(text) ? `no target set version ${text}` : 'no such target set version';
  return new DomainError('TARGETS.NOT_FOUND', `${named}: name a version as listed by GET /api/targets, such as JCCQ-2020-12.v1`, 'not_found');
}

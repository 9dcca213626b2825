import type { FieldIssue } from '../shared/domain-error';
import { DISTRICT_TARGETS } from './district-targets';
import type { TargetSetContent, YearMonth } from './target-set.events';

/** R-TGT-2: the months of a period, both ends counted: 2020-08 to 2021-12 is 17. */
export function monthsInPeriod(period: { readonly from: YearMonth; readonly to: YearMonth }): number {
  const index = (month: YearMonth) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  return index(period.to) - index(period.from) + 1;
}

/**
 * What must hold of every stored version, whatever the file it came from: dates in order, each unit of the registry
 * (R-REG-5) at most once, each district target (R-TGT-1) counted in its own unit, once per period, a percentage at most
 * 100. Sums and paces that disagree are not here: they are flagged on reading (libs/policy), never refused.
 */
export function targetSetIssues(content: TargetSetContent, knownSubdistrictIds: ReadonlySet<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (content.effectiveTo !== null && content.effectiveTo < content.effectiveFrom) issues.push({ field: 'effectiveTo', message: `must be on or after effectiveFrom (${content.effectiveFrom}), or left out` });
  if (content.period.to < content.period.from) issues.push({ field: 'period.to', message: `must be the same month as ${content.period.from} or later` });
  const seen = new Set<string>();
  content.rows.forEach((row, index) => {
    if (!knownSubdistrictIds.has(row.subdistrictId)) issues.push({ field: `rows.${index}.subdistrictId`, message: 'is not a unit of the registry (R-REG-5): use one of GET /api/subdistricts' });
    if (seen.has(row.subdistrictId)) issues.push({ field: `rows.${index}.subdistrictId`, message: 'this unit has a line already: keep one line per unit' });
    seen.add(row.subdistrictId);
  });
  const targets = new Set<string>();
  content.districtTargets.forEach((target, index) => {
    const field = `districtTargets.${index}`;
    const unit = DISTRICT_TARGETS[target.code].unit;
    if (target.unit !== unit) issues.push({ field: `${field}.unit`, message: `${target.code} is counted in ${unit}` });
    if (target.to < target.from) issues.push({ field: `${field}.to`, message: `must be on or after ${target.from}` });
    if (target.maximum !== null && target.maximum < target.minimum) issues.push({ field: `${field}.maximum`, message: `must be at least the minimum (${target.minimum}), or left out` });
    if (unit === 'PERCENT' && Math.max(target.minimum, target.maximum ?? 0) > 100) issues.push({ field: `${field}.minimum`, message: 'a percentage is at most 100' });
    const key = `${target.code} ${target.from} ${target.to}`;
    if (targets.has(key)) issues.push({ field: `${field}.code`, message: `${target.code} for ${target.from} to ${target.to} is listed twice: keep one` });
    targets.add(key);
  });
  return issues;
}

import type { TargetSetContent, TargetSetVersionPublished } from '@skills/domain';
import type { ShippedTargetSet } from './jccq-2020-12.targets';
import { resolveTargetSet, type RegistryUnit } from './resolve-target-set';
import { DISTRICT_LINE_NAME } from './target-set-flags';

/** A version of a target set: shipped with the code (builtIn) or published by an administrator. */
export interface TargetSetVersion {
  /** `JCCQ-2020-12.v1`: how reports name the targets they were measured against. */
  readonly targetSetVersion: string;
  readonly version: number;
  readonly content: TargetSetContent;
  readonly contentHash: string;
  readonly builtIn: boolean;
  /** The shipped set's title and source; null for an upload. */
  readonly title: string | null;
  readonly source: string | null;
  /** Account id and ISO-8601 instant; null for a shipped version. */
  readonly publishedBy: string | null;
  readonly publishedAt: string | null;
}

export const targetSetVersionName = (targetSetId: string, version: number) => `${targetSetId}.v${version}`;

/**
 * The content of a shipped set, its units matched to the registry by name as an upload's are. A shipped set naming a
 * unit the registry lacks is a defect of the code, so it stops the start.
 */
export function shippedTargetSetContent(shipped: ShippedTargetSet, units: readonly RegistryUnit[]): TargetSetContent {
  const lines = [{ unit: DISTRICT_LINE_NAME, ...shipped.district }, ...shipped.rows].map((line, index) => ({ rowNumber: index + 1, level: null, ...line }));
  const { targetSetId, effectiveFrom, effectiveTo, period, districtTargets } = shipped;
  const resolved = resolveTargetSet({ lines, periodInHeading: null, rowIssues: [], fileIssues: [] }, { targetSetId, effectiveFrom, effectiveTo, period, districtTargets }, units);
  if (!resolved.ok) {
    const problems = [...resolved.rowIssues, ...resolved.fileIssues].map((i) => `${i.field}: ${i.message}`);
    throw new Error(`the shipped target set ${targetSetVersionName(targetSetId, shipped.version)} does not fit the registry (${problems.join('; ')})`);
  }
  return resolved.content;
}

export function builtInTargetSetVersion(shipped: ShippedTargetSet, content: TargetSetContent, contentHash: string): TargetSetVersion {
  return { targetSetVersion: targetSetVersionName(shipped.targetSetId, shipped.version), version: shipped.version, content, contentHash, builtIn: true, title: shipped.title, source: shipped.source, publishedBy: null, publishedAt: null };
}

export function publishedTargetSetVersionOf(event: TargetSetVersionPublished, publishedAt: string): TargetSetVersion {
  const { version, contentHash, publishedBy, ...content } = event.data;
  return { targetSetVersion: targetSetVersionName(content.targetSetId, version), version, content, contentHash, builtIn: false, title: null, source: null, publishedBy, publishedAt };
}

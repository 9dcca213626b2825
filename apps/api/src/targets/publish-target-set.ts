import { createHash } from 'node:crypto';
import { targetSetCatalogueDecider, targetSetDecider, toTargetSetCatalogueStreamId, toTargetSetStreamId, type DistrictTarget, type FieldIssue } from '@skills/domain';
import { WrongExpectedVersionError, type StreamAppend } from '@skills/event-store';
import { readDistrictTargets, readTaskTable, resolveTargetSet, targetSetInForceOn, type LineRows, type RegistryUnit, type RowIssue, type SheetGrid, type TargetSetVersion } from '@skills/policy';
import { contextOf, deterministicUuid, hashCommand, idempotencyKeyReused, loadStream, toEventsToAppend, type CommandEnvelope } from '@skills/platform';
import { targetSetContentHash } from './target-set-content-hash';
import { readTargetSetVersions, type TargetSetStore } from './target-set-versions';
import type { TargetUploadQuery } from './target-upload-query';

export interface TargetSetUpload {
  readonly grid: SheetGrid;
  /** The worksheet of district targets (R-TGT-1) when the upload has one. */
  readonly districtTargets: { readonly sheet: string; readonly grid: SheetGrid } | null;
  /** The file as received: with the query, what makes a retry under the same key the same request. */
  readonly file: Buffer;
  readonly query: TargetUploadQuery;
}

export type DistrictTargetsSource = { readonly sheet: string } | { readonly targetSetVersion: string } | null;

export type TargetSetPublication =
  | {
      readonly status: 'published';
      readonly version: TargetSetVersion;
      /** True when this content was already held by a version (a retry, or the same table again): nothing was stored. */
      readonly alreadyPublished: boolean;
      /** Where its district targets (R-TGT-1) came from: the upload's worksheet, or the version it carries them from. */
      readonly districtTargetsFrom: DistrictTargetsSource;
      readonly rows: LineRows;
    }
  | { readonly status: 'rejected'; readonly rowsReceived: number; readonly errors: readonly RowIssue[]; readonly fileErrors: readonly FieldIssue[] };

/**
 * R-TGT-2: an uploaded task table becomes the next version of its target set, or nothing. Every line is checked and
 * matched to the registry first (R-REG-5); any bad line refuses the whole upload with a report by row and field.
 * Disagreeing figures are not refused: they are flags of the version. The district targets (R-TGT-1) are those of the
 * XLSX's 区级目标 worksheet; an upload without one (every CSV) carries those of the latest version of its id (or, for a
 * new id, of the set in force on its first day).
 */
export async function publishTargetSet(system: TargetSetStore, units: readonly RegistryUnit[], upload: TargetSetUpload, envelope: CommandEnvelope, attempts = 5): Promise<TargetSetPublication> {
  const { query } = upload;
  const streamId = toTargetSetStreamId(query.targetSetId);
  const commandHash = hashCommand({ file: createHash('sha256').update(upload.file).digest('hex'), query });
  const knownSubdistrictIds = new Set(units.map((u) => u.subdistrictId));
  for (let attempt = 1; ; attempt++) {
    const versions = await readTargetSetVersions(system, units);
    const sheet = upload.districtTargets ? { ...readDistrictTargets(upload.districtTargets.grid, upload.districtTargets.sheet), sheet: upload.districtTargets.sheet } : null;
    const carried = sheet ? { districtTargets: sheet.targets, from: { sheet: sheet.sheet } } : carriedTargets(versions, query);
    const table = readTaskTable(upload.grid);
    const period = query.periodFrom && query.periodTo ? { from: query.periodFrom, to: query.periodTo } : null;
    const terms = {
      targetSetId: query.targetSetId,
      effectiveFrom: query.effectiveFrom,
      effectiveTo: query.effectiveTo ?? null,
      period,
      districtTargets: carried.districtTargets,
      ...(sheet ? { districtTargetRows: { sheet: sheet.sheet, rowNumbers: sheet.rowNumbers } } : {}),
    };
    const resolved = resolveTargetSet(table, terms, units);
    const sheetIssues = { errors: sheet?.rowIssues ?? [], fileErrors: sheet?.fileIssues ?? [] };
    if (!resolved.ok || sheetIssues.errors.length > 0 || sheetIssues.fileErrors.length > 0) {
      return {
        status: 'rejected',
        rowsReceived: table.lines.length + new Set(table.rowIssues.map((i) => i.row)).size,
        errors: [...(resolved.ok ? [] : resolved.rowIssues), ...sheetIssues.errors],
        fileErrors: [...(resolved.ok ? [] : resolved.fileIssues), ...sheetIssues.fileErrors],
      };
    }

    const contentHash = targetSetContentHash(resolved.content);
    const series = await loadStream(system.store, system.catalogue, targetSetDecider, streamId);
    const earlier = series.recorded.find((r) => r.eventId === deterministicUuid(envelope.idempotencyKey, streamId, '0'));
    if (earlier && earlier.metadata.commandHash !== commandHash) throw idempotencyKeyReused();
    const builtIn = versions.filter((v) => v.builtIn && v.content.targetSetId === query.targetSetId);
    const events = earlier
      ? []
      : targetSetDecider.decide({ type: 'PublishTargetSetVersion', content: resolved.content, contentHash, builtIn, knownSubdistrictIds, context: contextOf(envelope) }, series.state);
    const found = (stored: readonly TargetSetVersion[]) => {
      const hash = earlier ? (earlier.data['contentHash'] as string) : contentHash;
      const version = stored.find((v) => v.content.targetSetId === query.targetSetId && v.contentHash === hash);
      if (!version) throw new Error(`target set ${query.targetSetId} holds no version with content ${hash}`);
      return version;
    };
    const answer = (version: TargetSetVersion, alreadyPublished: boolean): TargetSetPublication => ({ status: 'published', version, alreadyPublished, districtTargetsFrom: carried.from, rows: resolved.rows });
    if (events.length === 0) return answer(found(versions), true);

    const appends: StreamAppend[] = [
      { streamId, expectedVersion: series.version === 0 ? 'no_stream' : series.version, events: toEventsToAppend(system.catalogue, envelope, streamId, events, undefined, commandHash) },
    ];
    if (series.version === 0) {
      const listing = await listTargetSetId(system, query.targetSetId, envelope);
      if (listing) appends.push(listing);
    }
    try {
      const [appended] = await system.store.appendMany(appends);
      return answer(found(await readTargetSetVersions(system, units)), appended?.alreadyAppended ?? false);
    } catch (error) {
      // Another upload of the same id (or a first upload of another id) won the race: read and decide again.
      if (!(error instanceof WrongExpectedVersionError) || attempt >= attempts) throw error;
    }
  }
}

function carriedTargets(versions: readonly TargetSetVersion[], query: TargetUploadQuery): { districtTargets: readonly DistrictTarget[]; from: DistrictTargetsSource } {
  const sameId = versions.filter((v) => v.content.targetSetId === query.targetSetId);
  const source = sameId[sameId.length - 1] ?? targetSetInForceOn(versions, query.effectiveFrom);
  return source ? { districtTargets: source.content.districtTargets, from: { targetSetVersion: source.targetSetVersion } } : { districtTargets: [], from: null };
}

async function listTargetSetId(system: TargetSetStore, targetSetId: string, envelope: CommandEnvelope): Promise<StreamAppend | undefined> {
  const streamId = toTargetSetCatalogueStreamId();
  const index = await loadStream(system.store, system.catalogue, targetSetCatalogueDecider, streamId);
  const events = targetSetCatalogueDecider.decide({ type: 'ListTargetSet', targetSetId, context: contextOf(envelope) }, index.state);
  if (events.length === 0) return undefined;
  // Event ids from the key and the id: one key used again for another target set must not look like a retry here.
  const keyed = { ...envelope, idempotencyKey: deterministicUuid(envelope.idempotencyKey, 'target-set-listed', targetSetId) };
  return { streamId, expectedVersion: index.version === 0 ? 'no_stream' : index.version, events: toEventsToAppend(system.catalogue, keyed, streamId, events) };
}

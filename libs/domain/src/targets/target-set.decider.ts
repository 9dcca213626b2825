import type { CommandContext, Decider } from '../shared/decider';
import type { TargetSetContent, TargetSetVersionPublished } from './target-set.events';
import { invalidTargetSet } from './target-set.errors';
import { targetSetIssues } from './target-set.rules';

interface VersionHash {
  readonly version: number;
  readonly contentHash: string;
}

/** R-TGT-2: publish a target set as the next version of its id. */
export interface PublishTargetSetVersion {
  readonly type: 'PublishTargetSetVersion';
  readonly content: TargetSetContent;
  /** SHA-256 of the content's canonical JSON (computed outside: this code has no crypto). */
  readonly contentHash: string;
  /** The versions of this id shipped with the code (never published, always there). */
  readonly builtIn: readonly VersionHash[];
  /** R-REG-5: the registry's units; a line for any other is refused. */
  readonly knownSubdistrictIds: ReadonlySet<string>;
  readonly context: CommandContext;
}

/** One target-set id's published versions (one stream per id), in the order published. */
export interface TargetSetSeriesState {
  readonly published: readonly VersionHash[];
}

/**
 * A target-set id's versions, like policy versions (R-CLAIM-1): published once, never edited, numbered one after
 * another after the shipped ones. The number is not the uploader's to choose (a spreadsheet has no place for it):
 * the next one is taken. Content already held by a version of the id (a retry under another key, the same file
 * again) publishes nothing: the caller answers with the version that holds it.
 */
export const targetSetDecider: Decider<PublishTargetSetVersion, TargetSetSeriesState, TargetSetVersionPublished> = {
  initialState: () => ({ published: [] }),
  decide(command, state) {
    const issues = targetSetIssues(command.content, command.knownSubdistrictIds);
    if (issues.length > 0) throw invalidTargetSet(issues);
    const versions = [...command.builtIn, ...state.published];
    if (versions.some((v) => v.contentHash === command.contentHash)) return [];
    const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
    return [{ type: 'TargetSetVersionPublished', data: { ...command.content, version, contentHash: command.contentHash, publishedBy: command.context.actor } }];
  },
  evolve: (state, event) => ({ published: [...state.published, { version: event.data.version, contentHash: event.data.contentHash }] }),
};

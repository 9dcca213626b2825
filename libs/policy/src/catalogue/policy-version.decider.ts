import type { CommandContext, Decider, PolicyVersionPublished } from '@skills/domain';
import { POLICY_DOCUMENTS } from '../documents';
import type { PolicyDocument } from '../policy-document.schema';
import * as errors from './policy-catalogue.errors';

/** Publish one version of a policy: a document validated by validatePolicyDocument, and its content hash. */
export interface PublishPolicyVersion {
  readonly type: 'PublishPolicyVersion';
  readonly document: PolicyDocument;
  /** SHA-256 of the document's canonical JSON (computed outside: this code has no crypto). */
  readonly contentHash: string;
  readonly context: CommandContext;
}

/** The published versions of one policy id (one stream per id), in the order published. */
export interface PolicySeriesState {
  readonly published: readonly { readonly version: number; readonly contentHash: string }[];
}

/**
 * One policy id's versions. A version (id and version number) is published once and never edited: the same
 * document again changes nothing; another document under it is refused with the version to use instead.
 * Versions are numbered one after another, so the shipped JCCQ-2020-12 v1 is followed by v2; the shipped
 * versions are always in force as shipped and are never published.
 */
export function createPolicyVersionDecider(shipped: readonly PolicyDocument[] = POLICY_DOCUMENTS): Decider<PublishPolicyVersion, PolicySeriesState, PolicyVersionPublished> {
  return {
    initialState: () => ({ published: [] }),
    decide(command, state) {
      const { document, contentHash } = command;
      const shippedVersions = shipped.filter((d) => d.id === document.id).map((d) => d.version);
      const next = Math.max(0, ...shippedVersions, ...state.published.map((p) => p.version)) + 1;
      if (shippedVersions.includes(document.version)) throw errors.builtInVersion(document.id, document.version, next);
      const earlier = state.published.find((p) => p.version === document.version);
      if (earlier) {
        if (earlier.contentHash === contentHash) return [];
        throw errors.versionAlreadyPublished(document.id, document.version, next);
      }
      if (document.version !== next) throw errors.versionOutOfSequence(document.id, document.version, next);
      const event: PolicyVersionPublished = {
        type: 'PolicyVersionPublished',
        data: {
          policyId: document.id,
          version: document.version,
          effectiveFrom: document.effectiveFrom,
          effectiveTo: document.effectiveTo,
          contentHash,
          publishedBy: command.context.actor,
          document: document as unknown as Record<string, unknown>,
        },
      };
      return [event];
    },
    evolve: (state, event) => ({ published: [...state.published, { version: event.data.version, contentHash: event.data.contentHash }] }),
  };
}

export const policyVersionDecider = createPolicyVersionDecider();

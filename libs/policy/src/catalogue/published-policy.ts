import type { PolicyVersionPublished } from '@skills/domain';
import { fieldIssuesOf } from '../field-issues';
import { policyVersionOf } from '../parse-policy-document';
import { policyDocumentSchema, type PolicyDocument } from '../policy-document.schema';

/** A version of the catalogue: shipped with the code (builtIn) or published by an administrator. */
export interface PublishedPolicyVersion {
  readonly document: PolicyDocument;
  /** `JCCQ-2020-12.v1`: how claim lines and rates name it. */
  readonly policyVersion: string;
  readonly contentHash: string;
  readonly builtIn: boolean;
  /** Account id; null for a shipped version. */
  readonly publishedBy: string | null;
  /** ISO-8601 instant; null for a shipped version. */
  readonly publishedAt: string | null;
}

export function builtInPolicyVersion(document: PolicyDocument, contentHash: string): PublishedPolicyVersion {
  return { document, policyVersion: policyVersionOf(document), contentHash, builtIn: true, publishedBy: null, publishedAt: null };
}

/**
 * A published version read back. Its document is validated again: a stored version that no longer fits the
 * schema (the schema changed without an upcaster) must stop the start, not be read with missing parameters.
 */
export function publishedPolicyVersionOf(event: PolicyVersionPublished, publishedAt: string): PublishedPolicyVersion {
  const { policyId, version, contentHash, publishedBy } = event.data;
  const parsed = policyDocumentSchema.safeParse(event.data.document);
  if (!parsed.success) {
    const fields = fieldIssuesOf(parsed.error).map((issue) => `${issue.field}: ${issue.message}`);
    throw new Error(`published policy ${policyId}.v${version} does not match the policy document schema (${fields.join('; ')}): add an upcaster for it`);
  }
  if (parsed.data.id !== policyId || parsed.data.version !== version) {
    throw new Error(`published policy ${policyId}.v${version} holds the document of ${policyVersionOf(parsed.data)}`);
  }
  return { document: parsed.data, policyVersion: policyVersionOf(parsed.data), contentHash, builtIn: false, publishedBy, publishedAt };
}

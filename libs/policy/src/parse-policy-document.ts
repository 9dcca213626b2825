import { DomainError } from '@skills/domain';
import { fieldIssuesOf } from './field-issues';
import { policyDocumentSchema, type PolicyDocument } from './policy-document.schema';

/** Parses a policy version at load (or when an administrator publishes one); fails with every field that is wrong. */
export function parsePolicyDocument(raw: unknown): PolicyDocument {
  const result = policyDocumentSchema.safeParse(raw);
  if (result.success) return result.data;
  const issues = fieldIssuesOf(result.error);
  throw new DomainError('POLICY.INVALID_DOCUMENT', `the policy document has ${issues.length} problem(s): fix the fields listed`, 'validation', {}, issues);
}

/** How calculators and events name the version they used: `JCCQ-2020-12.v1`. */
export function policyVersionOf(document: Pick<PolicyDocument, 'id' | 'version'>): string {
  return `${document.id}.v${document.version}`;
}

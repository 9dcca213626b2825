import { DomainError } from '@skills/domain';
import { fieldIssuesOf } from '../field-issues';
import { policyDocumentSchema, type PolicyDocument } from '../policy-document.schema';

/**
 * A document an administrator wants to publish: every field that is wrong, with its dotted path, in one answer.
 * Well-formed JSON that is not a valid policy is a broken rule of the input (422), and nothing is stored.
 */
export function validatePolicyDocument(raw: unknown): PolicyDocument {
  const result = policyDocumentSchema.safeParse(raw);
  if (result.success) return result.data;
  const issues = fieldIssuesOf(result.error).map((issue) => (issue.field === '' ? { ...issue, field: '(document)' } : issue));
  throw new DomainError('POLICY.INVALID_DOCUMENT', `the policy document has ${issues.length} problem(s): fix each field listed and publish again; nothing was stored`, 'rule', {}, issues);
}

import { DomainError, type FieldIssue } from '../shared/domain-error';

export const invalidTargetSet = (issues: readonly FieldIssue[]) =>
  new DomainError('TARGETS.INVALID_SET', `the target set has ${issues.length} problem(s): fix each field listed and upload again; nothing was stored`, 'rule', {}, issues);

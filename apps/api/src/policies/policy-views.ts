import { DomainError } from '@skills/domain';
import type { PublishedPolicyVersion } from '@skills/policy';

/** What a list shows of a version: who published it and when it is meant to hold, without its parameters. */
export function policySummaryOf(version: PublishedPolicyVersion) {
  const { id, version: number, title, source, effectiveFrom, effectiveTo } = version.document;
  return {
    policyVersion: version.policyVersion,
    policyId: id,
    version: number,
    title,
    source,
    effectiveFrom,
    effectiveTo,
    contentHash: version.contentHash,
    builtIn: version.builtIn,
    publishedBy: version.publishedBy,
    publishedAt: version.publishedAt,
  };
}

const POLICY_VERSION = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*\.v[1-9][0-9]*$/;

export function policyVersionNotFound(text: string): DomainError {
  // Echo the path only when it has the shape of a version name (it then holds nothing but an id and a number).
  const named = POLICY_VERSION.test(text) ? `no policy version ${text} is published` : 'no such policy version';
  return new DomainError('POLICY.NOT_FOUND', `${named}: name a version as listed by GET /api/policies, such as JCCQ-2020-12.v1`, 'not_found');
}

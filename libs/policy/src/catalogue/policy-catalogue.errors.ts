import { DomainError } from '@skills/domain';

const nextVersionIssue = (next: number) => [{ field: 'version', message: `publish the change as version ${next}, or under a new id` }];

export const builtInVersion = (policyId: string, version: number, next: number) =>
  new DomainError(
    'POLICY.BUILT_IN_VERSION',
    `${policyId} version ${version} ships with the system and is always in force as shipped: it cannot be published again; publish a change as version ${next} or under a new id`,
    'conflict',
    { policyId, version, nextVersion: next },
    nextVersionIssue(next),
  );

export const versionAlreadyPublished = (policyId: string, version: number, next: number) =>
  new DomainError(
    'POLICY.VERSION_ALREADY_PUBLISHED',
    `${policyId} version ${version} is already published with a different content, and a published version is never edited: publish the change as version ${next} or under a new id`,
    'conflict',
    { policyId, version, nextVersion: next },
    nextVersionIssue(next),
  );

export const versionOutOfSequence = (policyId: string, version: number, next: number) =>
  new DomainError(
    'POLICY.VERSION_OUT_OF_SEQUENCE',
    `the versions of ${policyId} are numbered one after another: the next one is ${next}, not ${version}`,
    'rule',
    { policyId, version, nextVersion: next },
    [{ field: 'version', message: `must be ${next}` }],
  );

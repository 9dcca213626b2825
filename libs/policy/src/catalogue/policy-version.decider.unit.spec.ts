import type { DomainError, PolicyVersionPublished } from '@skills/domain';
import { JCCQ_2020_12 } from '../documents';
import type { PolicyDocument } from '../policy-document.schema';
import { policyVersionDecider, type PublishPolicyVersion } from './policy-version.decider';

const ADMIN = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const context = { actor: ADMIN, now: '2021-06-01T02:00:00.000Z' };
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

const version2: PolicyDocument = { ...JCCQ_2020_12, version: 2, effectiveFrom: '2021-07-01' };
const publish = (document: PolicyDocument, contentHash = HASH_A): PublishPolicyVersion => ({ type: 'PublishPolicyVersion', document, contentHash, context });
const published = (document: PolicyDocument, contentHash = HASH_A): PolicyVersionPublished => ({
  type: 'PolicyVersionPublished',
  data: {
    policyId: document.id,
    version: document.version,
    effectiveFrom: document.effectiveFrom,
    effectiveTo: document.effectiveTo,
    contentHash,
    publishedBy: ADMIN,
    document: document as unknown as Record<string, unknown>,
  },
});

const given = (history: readonly PolicyVersionPublished[]) => history.reduce(policyVersionDecider.evolve, policyVersionDecider.initialState());
const refusal = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('publishing a policy version (R-CLAIM-1: policy as data, never edited)', () => {
  it('R-CLAIM-1 publishes version 2 of JCCQ-2020-12 whole, with its dates, hash and publisher', () => {
    expect(policyVersionDecider.decide(publish(version2), given([]))).toEqual([published(version2)]);
  });

  it('R-CLAIM-1 publishes version 1 of a new policy id', () => {
    const newNotice = { ...JCCQ_2020_12, id: 'JCZF-2022-1', effectiveFrom: '2022-01-01' };
    expect(policyVersionDecider.decide(publish(newNotice), given([]))).toEqual([published(newNotice)]);
  });

  it('R-CLAIM-1 the identical document again changes nothing', () => {
    expect(policyVersionDecider.decide(publish(version2), given([published(version2)]))).toEqual([]);
  });

  it('R-CLAIM-1 refuses another document under a published version, naming the id, the version and the next version', () => {
    const changed = { ...version2, effectiveFrom: '2021-08-01' };
    const error = refusal(() => policyVersionDecider.decide(publish(changed, HASH_B), given([published(version2)])));
    expect(error).toMatchObject({ code: 'POLICY.VERSION_ALREADY_PUBLISHED', kind: 'conflict', details: { policyId: 'JCCQ-2020-12', version: 2, nextVersion: 3 } });
    expect(error.message).toContain('JCCQ-2020-12 version 2 is already published');
    expect(error.message).toContain('publish the change as version 3');
  });

  it('R-CLAIM-1 refuses to publish the shipped JCCQ-2020-12 v1 again, even unchanged', () => {
    const error = refusal(() => policyVersionDecider.decide(publish(JCCQ_2020_12), given([])));
    expect(error).toMatchObject({ code: 'POLICY.BUILT_IN_VERSION', kind: 'conflict', details: { policyId: 'JCCQ-2020-12', version: 1, nextVersion: 2 } });
  });

  it('R-CLAIM-1 numbers versions one after another: v3 before v2, or v2 of a new id, is refused with the number to use', () => {
    expect(refusal(() => policyVersionDecider.decide(publish({ ...version2, version: 3 }), given([])))).toMatchObject({
      code: 'POLICY.VERSION_OUT_OF_SEQUENCE',
      kind: 'rule',
      issues: [{ field: 'version', message: 'must be 2' }],
    });
    expect(refusal(() => policyVersionDecider.decide(publish({ ...JCCQ_2020_12, id: 'JCZF-2022-1', version: 2 }), given([])))).toMatchObject({
      code: 'POLICY.VERSION_OUT_OF_SEQUENCE',
      details: { nextVersion: 1 },
    });
    expect(policyVersionDecider.decide(publish({ ...version2, version: 3 }, HASH_B), given([published(version2)]))).toHaveLength(1);
  });
});

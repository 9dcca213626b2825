import { createEventCatalogue, toPolicyCatalogueStreamId, toPolicyStreamId } from '@skills/domain';
import { InMemoryEventStore } from '@skills/event-store';
import { JCCQ_2020_12, type PolicyDocument } from '@skills/policy';
import { newEnvelope } from '../commands/command-envelope';
import { PolicyCatalogue } from './policy-catalogue';
import { policyContentHash } from './policy-content-hash';
import { publishPolicyVersion } from './publish-policy-version';

const ADMIN = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const KEY_1 = '0b0c5d8e-1f2a-4b3c-8d4e-5f6a7b8c9d01';
const KEY_2 = '0b0c5d8e-1f2a-4b3c-8d4e-5f6a7b8c9d02';
const KEY_3 = '0b0c5d8e-1f2a-4b3c-8d4e-5f6a7b8c9d03';

/** JCCQ-2020-12 v2 from 2021-07-01 with a 90% pass-rate gate instead of 95%. */
const version2: PolicyDocument = { ...JCCQ_2020_12, version: 2, effectiveFrom: '2021-07-01', parameters: { ...JCCQ_2020_12.parameters, gates: { ...JCCQ_2020_12.parameters.gates, passRatePercent: 90 } } };
const newNotice: PolicyDocument = { ...JCCQ_2020_12, id: 'JCZF-2022-1', effectiveFrom: '2022-01-01' };

async function setUp() {
  const store = new InMemoryEventStore();
  const catalogue = createEventCatalogue();
  const policies = await PolicyCatalogue.load(store, catalogue);
  return { store, catalogue, policies, deps: { store, catalogue, policies } };
}
const envelope = (key: string) => newEnvelope(ADMIN, key, key, new Date('2021-06-01T02:00:00Z'));
const failure = async (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error('expected a refusal')), (error: unknown) => error);

describe('the policy catalogue (R-CLAIM-1)', () => {
  it('R-CLAIM-1 holds the shipped JCCQ-2020-12 as built in before anything is published', async () => {
    const { policies } = await setUp();
    expect(policies.all()).toEqual([expect.objectContaining({ policyVersion: 'JCCQ-2020-12.v1', builtIn: true, publishedBy: null, contentHash: policyContentHash(JCCQ_2020_12) })]);
    expect(policies.inForceOn('2021-07-01')).toBe(JCCQ_2020_12);
  });

  it('R-CLAIM-1 a published version is stored whole, in force from its date in this process and in another one after a refresh', async () => {
    const { store, catalogue, policies, deps } = await setUp();
    const other = await PolicyCatalogue.load(store, catalogue);
    const { version, alreadyPublished } = await publishPolicyVersion(deps, structuredClone(version2), envelope(KEY_1));
    expect(alreadyPublished).toBe(false);
    expect(version).toMatchObject({ policyVersion: 'JCCQ-2020-12.v2', builtIn: false, publishedBy: ADMIN, publishedAt: '2021-06-01T02:00:00.000Z', contentHash: policyContentHash(version2) });
    expect(version.document).toEqual(version2);
    expect(policies.inForceOn('2021-06-30').version).toBe(1);
    expect(policies.inForceOn('2021-07-01').parameters.gates.passRatePercent).toBe(90);

    expect(other.inForceOn('2021-07-01').version).toBe(1);
    await other.refresh();
    expect(other.inForceOn('2021-07-01').version).toBe(2);
    expect((await PolicyCatalogue.load(store, catalogue)).all().map((v) => v.policyVersion)).toEqual(['JCCQ-2020-12.v1', 'JCCQ-2020-12.v2']);
  });

  it('R-CLAIM-1 a retry with the same key, or the same document under another key, stores nothing more', async () => {
    const { store, deps } = await setUp();
    await publishPolicyVersion(deps, version2, envelope(KEY_1));
    expect((await publishPolicyVersion(deps, version2, envelope(KEY_1))).alreadyPublished).toBe(true);
    expect((await publishPolicyVersion(deps, { ...version2 }, envelope(KEY_2))).alreadyPublished).toBe(true);
    expect(await store.readStream(toPolicyStreamId('JCCQ-2020-12'))).toHaveLength(1);
  });

  it('R-CLAIM-1 another document under a published version is refused and the stored one stays', async () => {
    const { store, policies, deps } = await setUp();
    await publishPolicyVersion(deps, version2, envelope(KEY_1));
    const changed = { ...version2, effectiveFrom: '2021-08-01' };
    expect(await failure(publishPolicyVersion(deps, changed, envelope(KEY_2)))).toMatchObject({ code: 'POLICY.VERSION_ALREADY_PUBLISHED', details: { nextVersion: 3 } });
    expect(await failure(publishPolicyVersion(deps, changed, envelope(KEY_1)))).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    expect(await store.readStream(toPolicyStreamId('JCCQ-2020-12'))).toHaveLength(1);
    expect(policies.find('JCCQ-2020-12.v2')?.document.effectiveFrom).toBe('2021-07-01');
  });

  it('R-CLAIM-1 refuses the shipped version and an invalid document, storing nothing', async () => {
    const { store, deps } = await setUp();
    expect(await failure(publishPolicyVersion(deps, JCCQ_2020_12, envelope(KEY_1)))).toMatchObject({ code: 'POLICY.BUILT_IN_VERSION' });
    expect(await failure(publishPolicyVersion(deps, { ...version2, effectiveTo: '2021-01-01' }, envelope(KEY_2)))).toMatchObject({
      code: 'POLICY.INVALID_DOCUMENT',
      kind: 'rule',
      issues: [{ field: 'effectiveTo', message: expect.any(String) }],
    });
    expect(await store.readAll()).toEqual([]);
  });

  it('R-CLAIM-1 lists a new policy id once, with its first version, even when two ids are first published at once', async () => {
    const { store, catalogue, deps } = await setUp();
    const third: PolicyDocument = { ...newNotice, id: 'JCZF-2022-2', effectiveFrom: '2022-02-01' };
    await Promise.all([publishPolicyVersion(deps, newNotice, envelope(KEY_1)), publishPolicyVersion(deps, third, envelope(KEY_2))]);
    await publishPolicyVersion(deps, { ...newNotice, version: 2, effectiveFrom: '2022-03-01' }, envelope(KEY_3));
    expect((await store.readStream(toPolicyCatalogueStreamId())).map((r) => r.data['policyId']).sort()).toEqual(['JCZF-2022-1', 'JCZF-2022-2']);
    const reloaded = await PolicyCatalogue.load(store, catalogue);
    expect(reloaded.all().map((v) => v.policyVersion).sort()).toEqual(['JCCQ-2020-12.v1', 'JCZF-2022-1.v1', 'JCZF-2022-1.v2', 'JCZF-2022-2.v1']);
    expect(policyVersionOn(reloaded, '2022-02-15')).toBe('JCZF-2022-2.v1');
    expect(policyVersionOn(reloaded, '2022-03-01')).toBe('JCZF-2022-1.v2');
  });
});

const policyVersionOn = (policies: PolicyCatalogue, date: string) => {
  const { id, version } = policies.inForceOn(date);
  return `${id}.v${version}`;
};

import { createEventCatalogue } from '../catalogue';
import { given } from '../shared/testing/given-when-then';
import { targetSetCatalogueDecider } from './target-set-catalogue.decider';
import { targetSetDecider, type PublishTargetSetVersion } from './target-set.decider';
import type { TargetSetContent, TargetSetVersionPublished } from './target-set.events';
import { monthsInPeriod } from './target-set.rules';

const ADMIN = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const NANCUN = '11111111-1111-4111-8111-111111111111';
const DONGJIE = '22222222-2222-4222-8222-222222222222';
const context = { actor: ADMIN, now: '2021-06-01T02:00:00.000Z' };
const HASH_SHIPPED = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const HASH_C = 'c'.repeat(64);

const content: TargetSetContent = {
  targetSetId: 'JCCQ-2020-12',
  effectiveFrom: '2021-07-01',
  effectiveTo: null,
  period: { from: '2020-08', to: '2021-12' },
  district: { holdersNow: 18_382, target: 32_582, task: 3_600, monthlyPace: 212 },
  rows: [
    { subdistrictId: NANCUN, holdersNow: null, target: null, task: 1_600, monthlyPace: 94 },
    { subdistrictId: DONGJIE, holdersNow: null, target: null, task: 2_000, monthlyPace: 118 },
  ],
  districtTargets: [{ code: 'KEY_GROUP_TRAININGS', unit: 'PERSON_TIME', minimum: 4_000, maximum: null, from: '2021-01-01', to: '2021-12-31' }],
};
const publish = (c: TargetSetContent = content, contentHash = HASH_B): PublishTargetSetVersion => ({
  type: 'PublishTargetSetVersion',
  content: c,
  contentHash,
  builtIn: [{ version: 1, contentHash: HASH_SHIPPED }],
  knownSubdistrictIds: new Set([NANCUN, DONGJIE]),
  context,
});
const published = (version: number, c: TargetSetContent = content, contentHash = HASH_B): TargetSetVersionPublished => ({
  type: 'TargetSetVersionPublished',
  data: { ...c, version, contentHash, publishedBy: ADMIN },
});

describe('publishing a target set (R-TGT-2: targets are data, never edited)', () => {
  it('R-TGT-2 publishes an upload as v2, after the shipped v1, whole with its hash and publisher', () => {
    given(targetSetDecider).when(publish()).then([published(2)]);
  });

  it('R-TGT-2 numbers the next upload v3', () => {
    given(targetSetDecider, [published(2)]).when(publish({ ...content, effectiveFrom: '2021-08-01' }, HASH_C)).then([published(3, { ...content, effectiveFrom: '2021-08-01' }, HASH_C)]);
  });

  it('R-TGT-2 content a version already holds (a retry, the same file again, the shipped set) publishes nothing', () => {
    given(targetSetDecider, [published(2)]).when(publish()).thenNothingHappens();
    given(targetSetDecider).when(publish(content, HASH_SHIPPED)).thenNothingHappens();
  });

  it('R-REG-5 refuses a line for a unit the registry does not have, naming the line', () => {
    const stranger = { ...content.rows[0]!, subdistrictId: '33333333-3333-4333-8333-333333333333' };
    const error = given(targetSetDecider).when(publish({ ...content, rows: [stranger, content.rows[1]!] })).thenThrows('TARGETS.INVALID_SET');
    expect(error.issues).toEqual([{ field: 'rows.0.subdistrictId', message: expect.stringContaining('R-REG-5') }]);
  });

  it('R-TGT-2 refuses two lines for one unit, dates out of order and a period ending before it starts', () => {
    const error = given(targetSetDecider)
      .when(publish({ ...content, effectiveTo: '2021-06-30', period: { from: '2021-12', to: '2020-08' }, rows: [content.rows[0]!, content.rows[0]!] }))
      .thenThrows('TARGETS.INVALID_SET');
    expect(error.issues.map((i) => i.field)).toEqual(['effectiveTo', 'period.to', 'rows.1.subdistrictId']);
  });

  it('R-TGT-1 refuses a district target in the wrong unit, a share over 100%, a maximum below the minimum, and one listed twice', () => {
    const share = { code: 'KEY_GROUP_EMPLOYMENT_RATE', unit: 'PERCENT', minimum: 130, maximum: null, from: '2020-01-01', to: '2021-12-31' } as const;
    const studios = { code: 'CITY_SKILLS_MASTER_STUDIOS', unit: 'STUDIO', minimum: 3, maximum: 2, from: '2020-01-01', to: '2020-12-31' } as const;
    const wrongUnit = { ...content.districtTargets[0]!, unit: 'PERSON' } as const;
    const error = given(targetSetDecider).when(publish({ ...content, districtTargets: [wrongUnit, share, studios, content.districtTargets[0]!] })).thenThrows('TARGETS.INVALID_SET');
    expect(error.issues.map((i) => i.field)).toEqual(['districtTargets.0.unit', 'districtTargets.1.minimum', 'districtTargets.2.maximum', 'districtTargets.3.code']);
  });

  it('R-TGT-2 counts the months of a period with both ends: 2020-08 to 2021-12 is 17', () => {
    expect(monthsInPeriod({ from: '2020-08', to: '2021-12' })).toBe(17);
    expect(monthsInPeriod({ from: '2021-01', to: '2021-06' })).toBe(6);
    expect(monthsInPeriod({ from: '2021-03', to: '2021-03' })).toBe(1);
  });

  it('R-TGT-2 lists a target-set id on the index once, and the catalogue stores both events', () => {
    const listed = { type: 'TargetSetListed' as const, data: { targetSetId: 'JCCQ-2020-12' } };
    given(targetSetCatalogueDecider).when({ type: 'ListTargetSet', targetSetId: 'JCCQ-2020-12', context }).then([listed]);
    given(targetSetCatalogueDecider, [listed]).when({ type: 'ListTargetSet', targetSetId: 'JCCQ-2020-12', context }).thenNothingHappens();
    const catalogue = createEventCatalogue();
    expect(catalogue.knows('TargetSetVersionPublished') && catalogue.knows('TargetSetListed')).toBe(true);
    expect(catalogue.serialise(published(2))).toMatchObject({ type: 'TargetSetVersionPublished', schemaVersion: 1 });
  });
});

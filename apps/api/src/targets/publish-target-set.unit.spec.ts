import { createEventCatalogue, toTargetSetCatalogueStreamId, toTargetSetStreamId } from '@skills/domain';
import { InMemoryEventStore } from '@skills/event-store';
import { newEnvelope } from '@skills/platform';
import type { RegistryUnit } from '@skills/policy';
import { publishTargetSet, type TargetSetUpload } from './publish-target-set';
import { readTargetSetVersions } from './target-set-versions';

const ADMIN = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const UNITS: readonly RegistryUnit[] = ['南村镇', '西上庄办事处', '钟家庄办事处', '东街办事处', '南街办事处', '西街办事处', '北街办事处', '开发区办事处'].map((name, i) => ({
  subdistrictId: `0000000${i + 1}-0000-4000-8000-000000000000`,
  code: `UNIT${i + 1}`,
  name,
  nameEn: `Unit ${i + 1}`,
}));
const grid = (tasks: readonly number[]) =>
  [['单位', '任务数', '月均推进数(2021.1-2021.12)'], ['城区', String(tasks.reduce((a, b) => a + b, 0)), String(tasks.reduce((a, b) => a + Math.round(b / 12), 0))], ...UNITS.map((u, i) => [u.name, String(tasks[i]), String(Math.round(tasks[i]! / 12))])].map((cells, index) => ({
    rowNumber: index + 1,
    cells,
  }));
const upload = (tasks: readonly number[], effectiveFrom: string, targetSetId = 'JCZF-2021-1'): TargetSetUpload => ({
  grid: grid(tasks),
  districtTargets: null,
  file: Buffer.from(JSON.stringify({ tasks, effectiveFrom })),
  query: { targetSetId, effectiveFrom },
});
const envelope = (key: string) => newEnvelope(ADMIN, key, key, new Date('2021-06-01T02:00:00Z'));
const published = (result: Awaited<ReturnType<typeof publishTargetSet>>) => {
  if (result.status !== 'published') throw new Error(JSON.stringify(result));
  return result;
};

describe('publishing an uploaded target set (R-TGT-2)', () => {
  const system = () => ({ store: new InMemoryEventStore(), catalogue: createEventCatalogue() });

  it('R-TGT-2 a new id starts at v1, carries the district targets of the set in force on its first day, and is listed once', async () => {
    const s = system();
    const first = published(await publishTargetSet(s, UNITS, upload([1200, 1200, 1200, 1200, 1200, 1200, 1200, 1200], '2021-01-01'), envelope('0b0c5d8e-1f2a-4b3c-8d4e-5f6a7b8c9d01')));
    expect(first.version).toMatchObject({ targetSetVersion: 'JCZF-2021-1.v1', builtIn: false, publishedBy: ADMIN, publishedAt: '2021-06-01T02:00:00.000Z' });
    expect(first.version.content.period).toEqual({ from: '2021-01', to: '2021-12' });
    expect(first.districtTargetsFrom).toEqual({ targetSetVersion: 'JCCQ-2020-12.v1' });
    expect(first.version.content.districtTargets).toHaveLength(18);
    expect(await s.store.readStream(toTargetSetCatalogueStreamId())).toHaveLength(1);
  });

  it('R-TGT-2 two uploads of one id at the same moment become v1 and v2, neither lost, the id listed once', async () => {
    const s = system();
    const [a, b] = await Promise.all([
      publishTargetSet(s, UNITS, upload([1200, 1200, 1200, 1200, 1200, 1200, 1200, 1200], '2021-01-01'), envelope('0b0c5d8e-1f2a-4b3c-8d4e-5f6a7b8c9d02')),
      publishTargetSet(s, UNITS, upload([2400, 1200, 1200, 1200, 1200, 1200, 1200, 1200], '2021-02-01'), envelope('0b0c5d8e-1f2a-4b3c-8d4e-5f6a7b8c9d03')),
    ]);
    expect([published(a).version.version, published(b).version.version].sort()).toEqual([1, 2]);
    expect(await s.store.readStream(toTargetSetStreamId('JCZF-2021-1'))).toHaveLength(2);
    expect(await s.store.readStream(toTargetSetCatalogueStreamId())).toHaveLength(1);
    expect((await readTargetSetVersions(s, UNITS)).map((v) => v.targetSetVersion)).toEqual(['JCCQ-2020-12.v1', 'JCZF-2021-1.v1', 'JCZF-2021-1.v2']);
  });

  it("R-TGT-2 the shipped table uploaded again under the shipped dates is v1 itself: nothing stored", async () => {
    const s = system();
    const printed = [1600, 1200, 3000, 2000, 1600, 2000, 1300, 1500];
    const sheet = grid(printed).map((r) => (r.rowNumber === 1 ? { ...r, cells: ['单位', '现有持证人数', '2021年持证目标', '任务数', '月均推进数(2020.8-2021.12)'] } : r));
    const lines = [['城区', '18382', '32582', '14200', '836'], ...UNITS.map((u, i) => [u.name, '', '', String(printed[i]), String([94, 71, 176, 118, 94, 118, 76, 88][i])])];
    const result = published(
      await publishTargetSet(s, UNITS, { grid: [sheet[0]!, ...lines.map((cells, i) => ({ rowNumber: i + 2, cells }))], districtTargets: null, file: Buffer.from('printed'), query: { targetSetId: 'JCCQ-2020-12', effectiveFrom: '2020-12-03' } }, envelope('0b0c5d8e-1f2a-4b3c-8d4e-5f6a7b8c9d04')),
    );
    expect(result).toMatchObject({ alreadyPublished: true, version: { targetSetVersion: 'JCCQ-2020-12.v1', builtIn: true } });
    expect(await s.store.readAll()).toEqual([]);
  });
});

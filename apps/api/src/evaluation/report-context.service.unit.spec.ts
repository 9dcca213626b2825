import { toPolicyCatalogueStreamId, toPolicyStreamId } from '@skills/domain';
import { JCCQ_2020_12, SHIPPED_TARGET_SETS, type PublishedPolicyVersion, type RegistryUnit } from '@skills/policy';
import type { System } from '@skills/platform';
import type { ReportPeriod } from '@skills/reports';
import { resolveReportContext } from './report-context.service';

// The registry's units: the shipped task table's, in its order; 南村镇 first.
const units: RegistryUnit[] = SHIPPED_TARGET_SETS[0]!.rows.map((row, i) => ({ subdistrictId: `00000000-0000-4000-8000-00000000000${i + 1}`, code: `U${i + 1}`, name: row.unit, nameEn: `Unit ${i + 1}` }));
const NANCUN = units[0]!.subdistrictId;
const H1: ReportPeriod = { kind: 'H1', from: '2021-01-01', to: '2021-06-30', label: '2021 上半年' };

// Version 2 takes effect 2021-01-01 (before H1 ends) but is published on 2021-07-05 (Shanghai): unknown as of 2021-06-30.
const v2 = { ...JCCQ_2020_12, version: 2, effectiveFrom: '2021-01-01', parameters: { ...JCCQ_2020_12.parameters, gates: { ...JCCQ_2020_12.parameters.gates, certificationRatePercent: 70 } } };
// The process knows the shipped version; published ones are read from the store, with their positions.
const shipped: PublishedPolicyVersion[] = [{ document: JCCQ_2020_12, policyVersion: 'JCCQ-2020-12.v1', contentHash: 'a'.repeat(64), builtIn: true, publishedBy: null, publishedAt: null }];
const at = (commit: bigint, prepare: bigint) => ({ commit, prepare });
const streams: Record<string, unknown[]> = {
  [toPolicyCatalogueStreamId()]: [{ type: 'PolicyListed', data: { policyId: JCCQ_2020_12.id }, position: at(10n, 1n), metadata: { occurredAt: '2020-12-01T00:00:00.000Z' } }],
  [toPolicyStreamId(JCCQ_2020_12.id)]: [
    {
      type: 'PolicyVersionPublished',
      data: { policyId: JCCQ_2020_12.id, version: 2, effectiveFrom: '2021-01-01', effectiveTo: null, contentHash: 'b'.repeat(64), publishedBy: 'admin', document: v2 },
      // Transaction 500, position 77: a head before it does not know it.
      position: at(500n, 77n),
      metadata: { occurredAt: '2021-07-04T17:00:00.000Z' },
    },
  ],
};
// No published target set: the shipped JCCQ-2020-12.v1 (in force from 2020-12-03) only.
const system = {
  store: { readStream: async (id: string) => streams[id] ?? [] },
  catalogue: { deserialise: (recorded: unknown) => recorded },
  policies: { all: () => shipped },
} as unknown as Pick<System, 'store' | 'catalogue' | 'policies'>;

describe('the report context as known on asOf (R-EVAL-1, issue 7 §3)', () => {
  it('R-EVAL-1 a policy version published after asOf is not in the report, even one taking effect before it', async () => {
    const before = await resolveReportContext(system, units, { period: H1, asOf: '2021-06-30', subdistrictId: null });
    expect(before.policyOn('2021-06-30')?.version).toBe(1);
    // 2021-07-04T17:00Z is 2021-07-05 01:00 in Shanghai: known from 2021-07-05.
    expect((await resolveReportContext(system, units, { period: H1, asOf: '2021-07-04', subdistrictId: null })).policyOn('2021-06-30')?.version).toBe(1);
    expect((await resolveReportContext(system, units, { period: H1, asOf: '2021-07-05', subdistrictId: null })).policyOn('2021-06-30')?.version).toBe(2);
    expect(before.policyOn('2020-06-30')).toBeUndefined();
  });

  it('R-MON-1 with the head a report read: a version published after it is unknown, even on its day; at or before it, known', async () => {
    const request = { period: H1, asOf: '2021-07-05', subdistrictId: null };
    // Same transaction, earlier position; then an earlier transaction with a later position: both before 500/77.
    expect((await resolveReportContext(system, units, request, { transactionId: '500', position: '76' })).policyOn('2021-06-30')?.version).toBe(1);
    expect((await resolveReportContext(system, units, request, { transactionId: '499', position: '900' })).policyOn('2021-06-30')?.version).toBe(1);
    expect((await resolveReportContext(system, units, request, { transactionId: '500', position: '77' })).policyOn('2021-06-30')?.version).toBe(2);
    expect((await resolveReportContext(system, units, request, { transactionId: '501', position: '1' })).policyOn('2021-06-30')?.version).toBe(2);
  });

  it('R-TGT-2 the target set in force on asOf, the unit by its registry name, the district as 城区', async () => {
    const district = await resolveReportContext(system, units, { period: H1, asOf: '2021-06-30', subdistrictId: null });
    expect(district.targetSet.targetSetVersion).toBe('JCCQ-2020-12.v1');
    expect(district.unit).toEqual({ subdistrictId: null, name: '城区' });
    const unit = await resolveReportContext(system, units, { period: H1, asOf: '2021-06-30', subdistrictId: NANCUN.toUpperCase() });
    expect(unit.unit).toEqual({ subdistrictId: NANCUN, name: '南村镇' });
  });

  it('R-EVAL-1 no target set in force on asOf is a 400 naming asOf; an unknown unit a 404 naming subdistrictId', async () => {
    await expect(resolveReportContext(system, units, { period: H1, asOf: '2020-11-30', subdistrictId: null })).rejects.toMatchObject({ code: 'EVALUATION.NO_TARGET_SET', kind: 'validation', issues: [{ field: 'asOf' }] });
    await expect(resolveReportContext(system, units, { period: H1, asOf: '2021-06-30', subdistrictId: '00000000-0000-4000-8000-0000000000ff' })).rejects.toMatchObject({ kind: 'not_found', issues: [{ field: 'subdistrictId' }] });
  });
});

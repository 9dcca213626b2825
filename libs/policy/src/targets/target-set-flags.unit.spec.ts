import type { TargetSetContent } from '@skills/domain';
import { JCCQ_2020_12_TARGETS } from './jccq-2020-12.targets';
import { acceptedPaces, targetSetFlags } from './target-set-flags';
import { shippedTargetSetContent } from './target-set-version';
import { REGISTRY_UNITS, unitId } from './testing/registry-units';

const printed = shippedTargetSetContent(JCCQ_2020_12_TARGETS, REGISTRY_UNITS);
const withRow = (code: string, change: Partial<TargetSetContent['rows'][number]>): TargetSetContent => ({
  ...printed,
  rows: printed.rows.map((row) => (row.subdistrictId === unitId(code) ? { ...row, ...change } : row)),
});

describe('flags of a target set: inconsistencies shown, never refused (R-TGT-2)', () => {
  it("R-TGT-2 the notice's own table gives exactly one flag: its monthly figures sum to 835 while the district line says 836", () => {
    expect(targetSetFlags(printed, REGISTRY_UNITS)).toEqual([
      {
        code: 'PACE_SUM_MISMATCH',
        subdistrictId: null,
        unit: '城区',
        field: 'monthlyPace',
        message: "the units' monthly paces sum to 835 while the district line says 836",
        figures: { unitsSum: 835, districtLine: 836 },
      },
    ]);
  });

  it('R-TGT-2 accepts task ÷ months rounded to the nearest (halves up) or rounded up: 1600/17 → 94 or 95, 14200/17 → 835 or 836', () => {
    expect(acceptedPaces(1_600, 17)).toEqual({ nearest: 94, roundedUp: 95 }); // 94.12
    expect(acceptedPaces(1_200, 17)).toEqual({ nearest: 71, roundedUp: 71 }); // 70.59
    expect(acceptedPaces(14_200, 17)).toEqual({ nearest: 835, roundedUp: 836 }); // 835.29
    expect(acceptedPaces(17, 2)).toEqual({ nearest: 9, roundedUp: 9 }); // 8.5: a half goes up
    expect(acceptedPaces(1_700, 17)).toEqual({ nearest: 100, roundedUp: 100 });
  });

  it('R-TGT-2 flags a pace that matches neither rounding, with the figures: 1200/17 printed 70 (rounded down) and Nancun at 93', () => {
    const content = withRow('NANCUN', { monthlyPace: 93 });
    const flags = targetSetFlags({ ...content, rows: content.rows.map((r) => (r.subdistrictId === unitId('XISHANGZHUANG') ? { ...r, monthlyPace: 70 } : r)) }, REGISTRY_UNITS);
    expect(flags.filter((f) => f.code === 'PACE_NOT_TASK_OVER_MONTHS')).toEqual([
      { code: 'PACE_NOT_TASK_OVER_MONTHS', subdistrictId: unitId('NANCUN'), unit: '南村镇', field: 'monthlyPace', message: '南村镇: 93 a month is neither 1600 ÷ 17 months rounded (94) nor rounded up (95)', figures: { task: 1_600, months: 17, monthlyPace: 93, nearest: 94, roundedUp: 95 } },
      expect.objectContaining({ subdistrictId: unitId('XISHANGZHUANG'), unit: '西上庄办事处', figures: { task: 1_200, months: 17, monthlyPace: 70, nearest: 71, roundedUp: 71 } }),
    ]);
    // 835 - 94 - 71 + 93 + 70 = 833
    expect(flags.find((f) => f.code === 'PACE_SUM_MISMATCH')?.figures).toEqual({ unitsSum: 833, districtLine: 836 });
  });

  it('R-TGT-2 flags units whose tasks do not sum to the district task, and a pace checked against the months of its own period', () => {
    const flags = targetSetFlags(withRow('DONGJIE', { task: 2_100 }), REGISTRY_UNITS);
    expect(flags.map((f) => f.code)).toEqual(['TASK_SUM_MISMATCH', 'PACE_SUM_MISMATCH', 'PACE_NOT_TASK_OVER_MONTHS']);
    expect(flags[0]).toMatchObject({ unit: '城区', field: 'task', message: "the units' tasks sum to 14300 while the district line says 14200", figures: { unitsSum: 14_300, districtLine: 14_200 } });
    expect(flags[2]).toMatchObject({ unit: '东街办事处', figures: { task: 2_100, months: 17, monthlyPace: 118, nearest: 124, roundedUp: 124 } });
    // Over 12 months 14200 is 1183.3 a month: the printed 836 is neither 1183 nor 1184.
    const year = targetSetFlags({ ...printed, period: { from: '2021-01', to: '2021-12' } }, REGISTRY_UNITS);
    expect(year.filter((f) => f.code === 'PACE_NOT_TASK_OVER_MONTHS')).toHaveLength(9);
    expect(year.find((f) => f.subdistrictId === null && f.code === 'PACE_NOT_TASK_OVER_MONTHS')?.figures).toMatchObject({ nearest: 1_183, roundedUp: 1_184 });
  });

  it('R-TGT-2 compares holders and targets only when every unit has them, and the task with target less holders', () => {
    const filled: TargetSetContent = { ...printed, rows: printed.rows.map((r) => ({ ...r, holdersNow: 2_000, target: 2_000 + r.task })) };
    // 8 × 2000 = 16000 holders against 18382; targets 16000 + 14200 = 30200 against 32582; every unit's task is its target less its holders.
    expect(targetSetFlags(filled, REGISTRY_UNITS).map((f) => [f.code, f.figures])).toEqual([
      ['PACE_SUM_MISMATCH', { unitsSum: 835, districtLine: 836 }],
      ['HOLDERS_SUM_MISMATCH', { unitsSum: 16_000, districtLine: 18_382 }],
      ['TARGET_SUM_MISMATCH', { unitsSum: 30_200, districtLine: 32_582 }],
    ]);
    const off = { ...printed, district: { ...printed.district, target: 32_000 } };
    expect(targetSetFlags(off, REGISTRY_UNITS).find((f) => f.code === 'TASK_NOT_TARGET_MINUS_HOLDERS')).toMatchObject({
      unit: '城区',
      message: '城区: the target 32000 less the 18382 holders now is 13618, not the task 14200',
    });
  });

  it('R-REG-5 flags a unit of the registry with no line in the table', () => {
    const without = { ...printed, rows: printed.rows.filter((r) => r.subdistrictId !== unitId('KAIFAQU')) };
    const flags = targetSetFlags(without, REGISTRY_UNITS);
    expect(flags.map((f) => f.code)).toEqual(['TASK_SUM_MISMATCH', 'PACE_SUM_MISMATCH', 'UNIT_MISSING']);
    expect(flags[2]).toMatchObject({ subdistrictId: unitId('KAIFAQU'), unit: '开发区办事处' });
  });
});

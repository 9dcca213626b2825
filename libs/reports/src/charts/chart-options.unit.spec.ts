import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_REPORT } from '../testing';
import { chartSvg } from '../render/pdf-chart';
import { CHART_SIZE, COLOURS, PROGRESS_SERIES, progressChartOption, ratesChartOption } from './chart-options';

type Bar = { value: number | null; itemStyle?: { color: string }; label?: { formatter: string } };
type Series = { name: string; type: string; data: (number | Bar)[]; xAxisIndex?: number; markLine?: { data: [{ coord: [number, number]; name: string }, { coord: [number, number] }][] } };

const valuesOf = (series: Series) => series.data.map((d) => (typeof d === 'number' ? d : d.value));

describe('R-EVAL-1 progressChartOption: progress against the task per subdistrict', () => {
  const option = progressChartOption(SAMPLE_REPORT);
  const series = option.series as Series[];
  const byName = (name: string) => series.find((s) => s.name === name)!;

  it('has one category per unit of the report, in the task table order (the district line is not a bar)', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['南村镇', '西上庄办事处', '钟家庄办事处', '东街办事处', '南街办事处', '西街办事处', '北街办事处', '开发区办事处']);
  });

  it('R-TGT-2 bars are the report figures: task, ⌈task × 11 ÷ 17⌉ expected, done', () => {
    expect(valuesOf(byName(PROGRESS_SERIES.task))).toEqual([1600, 1200, 3000, 2000, 1600, 2000, 1300, 1500]);
    expect(valuesOf(byName(PROGRESS_SERIES.expected))).toEqual([1036, 777, 1942, 1295, 1036, 1295, 842, 971]);
    expect(valuesOf(byName(PROGRESS_SERIES.done))).toEqual([1102, 702, 1942, 1310, 988, 1275, 860, 905]);
    expect(valuesOf(byName(PROGRESS_SERIES.done))).toEqual(SAMPLE_REPORT.progress.units.map((u) => u.done.count));
    expect(valuesOf(byName(PROGRESS_SERIES.expected))).toEqual(SAMPLE_REPORT.progress.units.map((u) => u.expectedToDateWhole));
  });

  it('colours a unit behind its pace red, as the table calls it 落后', () => {
    const colours = (byName(PROGRESS_SERIES.done).data as Bar[]).map((d) => d.itemStyle!.color);
    expect(colours).toEqual([COLOURS.ahead, COLOURS.behind, COLOURS.ahead, COLOURS.ahead, COLOURS.behind, COLOURS.behind, COLOURS.ahead, COLOURS.behind]);
  });

  it('the legend says what the red bars are: a red key 已完成（落后于进度） beside the green 已完成, with no bars of its own', () => {
    expect((option.legend as { data: string[] }).data).toEqual(['任务数', '应完成（按进度）', '已完成', '已完成（落后于进度）']);
    const done = byName(PROGRESS_SERIES.done) as Series & { itemStyle: { color: string }; stack: string };
    const key = byName(PROGRESS_SERIES.behind) as Series & { itemStyle: { color: string }; stack: string };
    expect([done.itemStyle.color, key.itemStyle.color]).toEqual([COLOURS.ahead, COLOURS.behind]);
    expect(key.data).toEqual([]);
    // On the done bars' stack: the key adds no column, so every bar keeps its place.
    expect(key.stack).toBe(done.stack);
  });

  it('labels a bar behind pace with its count and 落后 in red (西上庄 702 < 777 expected), the others with the count alone', () => {
    const labels = (byName(PROGRESS_SERIES.done).data as (Bar & { label?: { color: string } })[]).map((d) => d.label?.formatter ?? null);
    expect(labels).toEqual([null, '702\n落后', null, null, '988\n落后', '1,275\n落后', null, '905\n落后']);
    expect((byName(PROGRESS_SERIES.done).data as { label?: { color: string } }[])[1]!.label!.color).toBe(COLOURS.behind);
  });

  it('the console and the PDF draw the same option: the rendered SVG shows the red key and the four 落后 labels', () => {
    const svg = chartSvg(option, CHART_SIZE.progress);
    expect(svg).toContain('已完成（落后于进度）');
    expect(svg.match(/>落后</g)).toHaveLength(4);
  });
});

describe('R-EVAL-1 ratesChartOption: rates against thresholds per programme type', () => {
  const option = ratesChartOption(SAMPLE_REPORT);
  const series = option.series as Series[];
  const bars = (name: string) => series.find((s) => s.name === name && s.type === 'bar')!;
  const thresholds = (name: string) => series.find((s) => s.name === `${name}门槛`)!.markLine!.data;

  it('R-GATE-1/2/3 bar values are the rates rounded down to hundredths of a percent, labelled as the tables print them', () => {
    // 1176/1210 = 97.190…, 262/270 = 97.037…, 171/176 = 97.159…, 118/120 = 98.333…
    expect(valuesOf(bars('合格率'))).toEqual([97.19, 97.03, 97.15, 98.33]);
    expect(valuesOf(bars('取证率'))).toEqual([66.36, 70, 67.04, 66.66]);
    // 452/1210 = 37.355…, 228/270 = 84.444…, 139/176 = 78.977…, 99/120 = 82.5
    expect(valuesOf(bars('就业率'))).toEqual([37.35, 84.44, 78.97, 82.5]);
    expect((bars('取证率').data as Bar[]).map((d) => d.label!.formatter)).toEqual(['66.36%', '70.00%', '67.04%', '66.66%']);
  });

  it("R-GATE-3 draws each type's own threshold over its bar (30% general, 80% employment-oriented) and reddens the miss", () => {
    const lines = thresholds('就业率');
    expect(lines.map(([from, to]) => [from.coord, to.coord, from.name])).toEqual([
      [[-0.3, 30], [0.3, 30], '30%'],
      [[0.7, 80], [1.3, 80], '80%'],
      [[1.7, 80], [2.3, 80], '80%'],
      [[2.7, 80], [3.3, 80], '80%'],
    ]);
    expect((bars('就业率').data as Bar[]).map((d) => d.itemStyle!.color)).toEqual([COLOURS.expected, COLOURS.expected, COLOURS.behind, COLOURS.expected]);
    expect(thresholds('合格率').map(([from]) => from.coord[1])).toEqual([95, 95, 95, 95]);
  });

  it('an empty base draws no bar and says 无基数', () => {
    const row = { ...SAMPLE_REPORT.rates.byProgrammeType[0]!, pass: { id: 'p', numerator: 0, denominator: 0 } };
    const empty = ratesChartOption({ ...SAMPLE_REPORT, rates: { ...SAMPLE_REPORT.rates, byProgrammeType: [row] } });
    const bar = ((empty.series as Series[])[0]!.data as Bar[])[0]!;
    expect(bar.value).toBeNull();
    expect(bar.label!.formatter).toBe('无基数');
  });
});

describe('the charts folder runs in the browser (apps/console)', () => {
  it('imports no node module and no value from outside the folder (only types)', () => {
    const dir = __dirname;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.includes('.spec.'))) {
      const imports = readFileSync(join(dir, file), 'utf8').match(/^import .*$/gm) ?? [];
      for (const line of imports) expect(`${file}: ${line}`).toMatch(/^[\w.-]+: import (type .* from '.*'|.* from '\.\/[\w-]+');$/);
    }
  });
});

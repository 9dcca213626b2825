import type { EChartsOption } from 'echarts';
import { SAMPLE_REPORT } from '../testing';
import { chartSvg } from '../render/pdf-chart';
import { CHART_LABELS, CHART_LABELS_EN, CHART_LABELS_ZH, type ChartLabels } from './chart-labels';
import { CHART_SIZE, progressChartOption, ratesChartOption } from './chart-options';

type Bar = { value: number | null; label?: { formatter: string } };
type Series = { name: string; type: string; data: (number | Bar)[] };
type Title = { text: string; subtext?: string };

const seriesOf = (option: EChartsOption) => option.series as Series[];
const titlesOf = (option: EChartsOption) => [option.title].flat() as Title[];
const valuesOf = (option: EChartsOption) => seriesOf(option).map((s) => s.data.map((d) => (typeof d === 'number' ? d : d.value)));
const behindLabels = (option: EChartsOption) => (seriesOf(option)[2]!.data as Bar[]).flatMap((d) => (d.label ? [d.label.formatter] : []));
const emptyBase = { ...SAMPLE_REPORT, rates: { ...SAMPLE_REPORT.rates, byProgrammeType: [{ ...SAMPLE_REPORT.rates.byProgrammeType[0]!, pass: { id: 'p', numerator: 0, denominator: 0 } }] } };
/** The options as data: their functions (a label formatter) are the same code in every label set. */
const asData = (option: EChartsOption) => JSON.parse(JSON.stringify(option)) as unknown;

describe('R-EVAL-1 the charts in Chinese, the default: the PDF draws these words, unchanged', () => {
  const progress = progressChartOption(SAMPLE_REPORT);
  const rates = ratesChartOption(SAMPLE_REPORT);

  it('the progress chart: title, subtitle, axis, legend and the 落后 bar labels', () => {
    expect(titlesOf(progress)).toEqual([{ text: '证书任务进度（截至 2021-06-30）', subtext: '城区 · 2021 上半年 · 任务期 2020-08 至 2021-12（17 个月，已过 11 个月）', left: 'center' }]);
    expect((progress.yAxis as { name: string }).name).toBe('人');
    expect((progress.legend as { data: string[] }).data).toEqual(['任务数', '应完成（按进度）', '已完成', '已完成（落后于进度）']);
    expect(seriesOf(progress).map((s) => s.name)).toEqual(['任务数', '应完成（按进度）', '已完成', '已完成（落后于进度）']);
    expect(behindLabels(progress)).toEqual(['702\n落后', '988\n落后', '1,275\n落后', '905\n落后']);
  });

  it('the rates chart: title, subtitle, the three panels, their threshold lines and 无基数', () => {
    expect(titlesOf(rates).map((t) => [t.text, t.subtext])).toEqual([
      ['三率与门槛（按培训类型，截至 2021-06-30）', '城区 · 2021 上半年；虚线为该类型的门槛，红色为未达门槛'],
      ['合格率', undefined],
      ['取证率', undefined],
      ['就业率', undefined],
    ]);
    expect(seriesOf(rates).map((s) => s.name)).toEqual(['合格率', '合格率门槛', '取证率', '取证率门槛', '就业率', '就业率门槛']);
    expect((seriesOf(ratesChartOption(emptyBase))[0]!.data[0] as Bar).label!.formatter).toBe('无基数');
  });

  it('the default label set is the Chinese one: the same options as asking for it', () => {
    expect(asData(progress)).toEqual(asData(progressChartOption(SAMPLE_REPORT, CHART_LABELS_ZH)));
    expect(asData(rates)).toEqual(asData(ratesChartOption(SAMPLE_REPORT, CHART_LABELS_ZH)));
    expect(CHART_LABELS.zh).toBe(CHART_LABELS_ZH);
  });
});

describe('R-EVAL-1 the charts in English: the same figures, every word of the label set English', () => {
  const progress = progressChartOption(SAMPLE_REPORT, CHART_LABELS_EN);
  const rates = ratesChartOption(SAMPLE_REPORT, CHART_LABELS_EN);

  it('the progress chart: English title, axis, legend and Behind labels; the report\'s unit and period names as they are', () => {
    expect(titlesOf(progress).map((t) => [t.text, t.subtext])).toEqual([['Certification task progress (as of 2021-06-30)', '城区 · 2021 上半年 · task period 2020-08 to 2021-12 (17 months, 11 elapsed)']]);
    expect((progress.yAxis as { name: string }).name).toBe('People');
    expect((progress.legend as { data: string[] }).data).toEqual(['Task', 'Expected to date', 'Done', 'Done (behind pace)']);
    expect(seriesOf(progress).map((s) => s.name)).toEqual(['Task', 'Expected to date', 'Done', 'Done (behind pace)']);
    expect(behindLabels(progress)).toEqual(['702\nBehind', '988\nBehind', '1,275\nBehind', '905\nBehind']);
    // The done bars and the red key stay on one stack, under the English name.
    expect(seriesOf(progress).map((s) => (s as Series & { stack?: string }).stack)).toEqual([undefined, undefined, 'Done', 'Done']);
  });

  it('the rates chart: English title, panels, threshold lines and No base', () => {
    expect(titlesOf(rates).map((t) => [t.text, t.subtext])).toEqual([
      ['Rates and thresholds (by programme type, as of 2021-06-30)', "城区 · 2021 上半年; dashed line: the type's threshold; red: below the threshold"],
      ['Pass rate', undefined],
      ['Certification rate', undefined],
      ['Employment rate', undefined],
    ]);
    expect(seriesOf(rates).map((s) => s.name)).toEqual(['Pass rate', 'Pass rate threshold', 'Certification rate', 'Certification rate threshold', 'Employment rate', 'Employment rate threshold']);
    expect((seriesOf(ratesChartOption(emptyBase, CHART_LABELS_EN))[0]!.data[0] as Bar).label!.formatter).toBe('No base');
  });

  it('draws the same bars as the Chinese charts: only the words differ', () => {
    expect(valuesOf(progress)).toEqual(valuesOf(progressChartOption(SAMPLE_REPORT)));
    expect(valuesOf(rates)).toEqual(valuesOf(ratesChartOption(SAMPLE_REPORT)));
    expect((progress.xAxis as { data: string[] }).data).toEqual((progressChartOption(SAMPLE_REPORT).xAxis as { data: string[] }).data);
  });

  it('renders with the English words and none of the Chinese ones', () => {
    const svg = chartSvg(progress, CHART_SIZE.progress);
    expect(svg).toContain('>Done (behind pace)<');
    expect(svg.match(/>Behind</g)).toHaveLength(4);
    expect(svg).not.toContain('落后');
    expect(svg).not.toContain('任务数');
  });

  it('no word of the English set is Chinese', () => {
    const scope = { unit: 'U', period: 'P', from: '2020-08', to: '2021-12', months: 17, elapsed: 11 };
    const words = [
      CHART_LABELS_EN.progress.title('2021-06-30'),
      CHART_LABELS_EN.progress.subtitle(scope),
      CHART_LABELS_EN.progress.yAxis,
      ...Object.values(CHART_LABELS_EN.progress.series),
      CHART_LABELS_EN.progress.behindWord,
      CHART_LABELS_EN.rates.title('2021-06-30'),
      CHART_LABELS_EN.rates.subtitle('U', 'P'),
      ...Object.values(CHART_LABELS_EN.rates.gates),
      CHART_LABELS_EN.rates.threshold('Pass rate'),
      CHART_LABELS_EN.rates.noBase,
    ];
    expect(words.filter((w) => /[\p{Script=Han}（），；：]/u.test(w))).toEqual([]);
    expect(CHART_LABELS.en).toBe(CHART_LABELS_EN);
  });

  it('a label set must have every key of the Chinese one (checked by tsc)', () => {
    const { behindWord: _left, ...withoutBehind } = CHART_LABELS_EN.progress;
    // @ts-expect-error progress.behindWord is missing
    const incomplete: ChartLabels = { ...CHART_LABELS_EN, progress: withoutBehind };
    expect(incomplete.progress.behindWord).toBeUndefined();
  });
});

import type { EChartsOption } from 'echarts';
import type { EvaluationReport, Fraction, RateFigure, RateRow } from '../evaluation-report';
import { CHART_LABELS_ZH, type ChartLabels } from './chart-labels';
import { countText, percentNumber, percentText, reaches, thresholdText } from './figure-text';

/**
 * R-EVAL-1: the report's two charts as Apache ECharts options, from the report object alone. Pure data → option (no
 * DOM, no node imports): the console draws them in the browser and the PDF renders them to SVG on the server, so both
 * show the same bars. Values are the report's figures as the tables print them (a rate is percentNumber: 2 decimals,
 * rounded down), never recomputed from anything else. Their words come from a label set (chart-labels.ts): Chinese
 * unless asked, which the PDF never does.
 */

/** The size both outputs draw at (px); the PDF scales it to the page width. */
export const CHART_SIZE = {
  progress: { width: 760, height: 440 },
  rates: { width: 760, height: 700 },
} as const;

export const COLOURS = { task: '#c8ccd4', expected: '#5470c6', ahead: '#3ba272', behind: '#ee6666', threshold: '#303133' } as const;

/** The progress series' Chinese names (the PDF's), as the package exports them. */
export const PROGRESS_SERIES = CHART_LABELS_ZH.progress.series;

/** R-TGT-2 per subdistrict: done against the whole-person expectation to date, beside the task. */
export function progressChartOption(report: EvaluationReport, labels: ChartLabels = CHART_LABELS_ZH): EChartsOption {
  const { units, taskPeriod } = report.progress;
  const elapsed = units[0]?.monthsElapsed ?? 0;
  const names = labels.progress.series;
  const option: EChartsOption = {
    title: {
      text: labels.progress.title(report.asOf),
      subtext: labels.progress.subtitle({ unit: report.unit.name, period: report.period.label, from: taskPeriod.from, to: taskPeriod.to, months: taskPeriod.months, elapsed }),
      left: 'center',
    },
    legend: { top: 64, data: [names.task, names.expected, names.done, names.behind] },
    tooltip: { trigger: 'axis' },
    grid: { left: 64, right: 24, top: 104, bottom: 40 },
    xAxis: { type: 'category', data: units.map((u) => u.name), axisLabel: { interval: 0, fontSize: 12 } },
    yAxis: { type: 'value', name: labels.progress.yAxis },
    series: [
      { name: names.task, type: 'bar', data: units.map((u) => u.task), itemStyle: { color: COLOURS.task }, barGap: '8%' },
      { name: names.expected, type: 'bar', data: units.map((u) => u.expectedToDateWhole), itemStyle: { color: COLOURS.expected } },
      {
        name: names.done,
        type: 'bar',
        stack: names.done,
        // Behind the expected pace in red and labelled 落后: the same standing the table prints.
        data: units.map((u) => (u.standing === 'BEHIND' ? behindBar(u.done.count, labels) : { value: u.done.count, itemStyle: { color: COLOURS.ahead } })),
        itemStyle: { color: COLOURS.ahead },
        label: { show: true, position: 'top', fontSize: 10, formatter: (p: { value: unknown }) => countText(Number(p.value)) },
      },
      // The legend's key for the red bars. On the done bars' stack, so its (empty) column takes no room of its own.
      { name: names.behind, type: 'bar', stack: names.done, data: [], itemStyle: { color: COLOURS.behind } },
    ],
  };
  return option;
}

/** A done bar behind pace: red, its count labelled with 落后 in red (a black-and-white print still tells it apart). */
function behindBar(count: number, labels: ChartLabels) {
  return {
    value: count,
    itemStyle: { color: COLOURS.behind },
    label: { show: true, position: 'top' as const, fontSize: 10, color: COLOURS.behind, formatter: `${countText(count)}\n${labels.progress.behindWord}` },
  };
}

/** The panels of the rates chart, top to bottom (their titles: the label set's `rates.gates`). */
export const RATE_GATES = ['pass', 'certification', 'employment'] as const;

type GateKey = (typeof RATE_GATES)[number];

/** The threshold a programme type's rate is judged against, or null when the report states none. */
export function thresholdOf(report: EvaluationReport, programmeType: string, gate: GateKey): Fraction | null {
  return report.rates.thresholds.find((t) => t.programmeType === programmeType)?.[gate] ?? null;
}

/** One bar: the rate as printed, red when it misses its threshold; an empty base draws no bar and says so. */
function rateBar(rate: RateFigure, threshold: Fraction | null, labels: ChartLabels) {
  const value = percentNumber(rate);
  if (value === null) return { value: null, label: { show: true, position: 'insideBottom' as const, formatter: labels.rates.noBase } };
  const missed = threshold !== null && !reaches(rate, threshold);
  // The label is the table's text ("70.00%"), not ECharts' rendering of the number ("70").
  // The label sits at the bar's foot on a white box: at its top it would run into the threshold's dashed line whenever
  // the rate is near it (92.30% against 95%); the thresholds (30% and up) never come down to the foot.
  return {
    value,
    itemStyle: { color: missed ? COLOURS.behind : COLOURS.expected },
    label: { show: true, position: 'insideBottom' as const, distance: 4, backgroundColor: '#ffffff', padding: [1, 2], color: '#222222', formatter: percentText(rate) },
  };
}

/**
 * R-GATE-1/2/3 per programme type: one panel per gate, a bar per type, and the type's own threshold as a markLine
 * over its bar (employment is 30% for general training and 80% for employment-oriented types, so one line across
 * the panel would be wrong). The segments sit on a hidden value axis running -0.5 … n-0.5, the category centres.
 */
export function ratesChartOption(report: EvaluationReport, labels: ChartLabels = CHART_LABELS_ZH): EChartsOption {
  const rows: readonly RateRow[] = report.rates.byProgrammeType;
  const n = rows.length;
  const top = 64;
  const panel = (CHART_SIZE.rates.height - top - 24) / RATE_GATES.length;
  const grids = RATE_GATES.map((_, i) => ({ left: 56, right: 24, top: top + i * panel + 28, height: panel - 64 }));
  const option = {
    title: [
      { text: labels.rates.title(report.asOf), subtext: labels.rates.subtitle(report.unit.name, report.period.label), left: 'center' },
      ...RATE_GATES.map((gate, i) => ({ text: labels.rates.gates[gate], left: 56, top: grids[i]!.top - 24, textStyle: { fontSize: 13 } })),
    ],
    tooltip: { trigger: 'item' },
    grid: grids,
    xAxis: RATE_GATES.flatMap((_, i) => [
      { type: 'category' as const, gridIndex: i, data: rows.map((r) => r.label), axisLabel: { interval: 0, fontSize: 11 } },
      { type: 'value' as const, gridIndex: i, min: -0.5, max: n - 0.5, show: false },
    ]),
    yAxis: RATE_GATES.map((_, i) => ({ type: 'value' as const, gridIndex: i, min: 0, max: 100, interval: 25, axisLabel: { formatter: '{value}%' }, axisLine: { onZero: false } })),
    series: RATE_GATES.flatMap((gate, i) => [
      {
        name: labels.rates.gates[gate],
        type: 'bar' as const,
        xAxisIndex: 2 * i,
        yAxisIndex: i,
        barMaxWidth: 48,
        data: rows.map((r) => rateBar(r[gate], thresholdOf(report, r.key, gate), labels)),
        label: { show: true, position: 'top' as const, fontSize: 10 },
      },
      {
        name: labels.rates.threshold(labels.rates.gates[gate]),
        type: 'line' as const,
        xAxisIndex: 2 * i + 1,
        yAxisIndex: i,
        data: [],
        // Over the bars: a rate just above its threshold must still show the line it cleared.
        z: 5,
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: COLOURS.threshold, type: 'dashed' as const, width: 1.5 },
          label: { position: 'end' as const, fontSize: 10, formatter: '{b}' },
          data: rows.flatMap((r, k) => {
            const threshold = thresholdOf(report, r.key, gate);
            if (threshold === null) return [];
            const y = percentNumber(threshold) ?? 0;
            return [[{ coord: [k - 0.3, y], name: thresholdText(threshold) }, { coord: [k + 0.3, y] }]];
          }),
        },
      },
    ]),
  } as EChartsOption;
  return option;
}

import { NO_BASE_TEXT } from './figure-text';

/**
 * R-EVAL-1: every word the report's charts write, as a label set, so the console can draw the same charts in its own
 * language. Only the words: figures, unit names, programme type names and the period are the report's own data and
 * are drawn as the report has them (the tables show them the same way). The PDF always draws the Chinese set.
 */

/** The progress chart's subtitle: what the chart covers and where the task period stands. */
export interface ProgressScope {
  readonly unit: string;
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly months: number;
  readonly elapsed: number;
}

/** Chinese: the PDF's words, the default of every chart builder. The English set must have each of its keys. */
export const CHART_LABELS_ZH = {
  progress: {
    title: (asOf: string) => `证书任务进度（截至 ${asOf}）`,
    subtitle: (s: ProgressScope) => `${s.unit} · ${s.period} · 任务期 ${s.from} 至 ${s.to}（${s.months} 个月，已过 ${s.elapsed} 个月）`,
    yAxis: '人',
    /**
     * `behind` is a legend entry only (a series with no bars): the done bars of units behind pace are drawn red, and
     * the legend must say what red means, or it would show every done bar as the series' green.
     */
    series: { task: '任务数', expected: '应完成（按进度）', done: '已完成', behind: '已完成（落后于进度）' },
    /** The word the progress table prints for BEHIND, put on the bar too, so the chart reads without colour. */
    behindWord: '落后',
  },
  rates: {
    title: (asOf: string) => `三率与门槛（按培训类型，截至 ${asOf}）`,
    subtitle: (unit: string, period: string) => `${unit} · ${period}；虚线为该类型的门槛，红色为未达门槛`,
    gates: { pass: '合格率', certification: '取证率', employment: '就业率' },
    /** The name of a gate's threshold line series (shown by the tooltip and the legend). */
    threshold: (gate: string) => `${gate}门槛`,
    /** An empty base: no bar, and this in its place (the tables' word). */
    noBase: NO_BASE_TEXT,
  },
};

/** A chart label set: the keys and signatures of the Chinese one, so no language can leave a word out. */
export type ChartLabels = typeof CHART_LABELS_ZH;

export const CHART_LABELS_EN: ChartLabels = {
  progress: {
    title: (asOf) => `Certification task progress (as of ${asOf})`,
    subtitle: (s) => `${s.unit} · ${s.period} · task period ${s.from} to ${s.to} (${s.months} months, ${s.elapsed} elapsed)`,
    yAxis: 'People',
    series: { task: 'Task', expected: 'Expected to date', done: 'Done', behind: 'Done (behind pace)' },
    behindWord: 'Behind',
  },
  rates: {
    title: (asOf) => `Rates and thresholds (by programme type, as of ${asOf})`,
    subtitle: (unit, period) => `${unit} · ${period}; dashed line: the type's threshold; red: below the threshold`,
    gates: { pass: 'Pass rate', certification: 'Certification rate', employment: 'Employment rate' },
    threshold: (gate) => `${gate} threshold`,
    noBase: 'No base',
  },
};

/** The label sets by the console's language codes. */
export const CHART_LABELS: Readonly<Record<'zh' | 'en', ChartLabels>> = { zh: CHART_LABELS_ZH, en: CHART_LABELS_EN };

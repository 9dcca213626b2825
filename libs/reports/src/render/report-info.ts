import type { EvaluationReport } from '../evaluation-report';

export interface RenderOptions {
  /** The frozen report's content hash (issue 7 §3), printed on the cover so a reader can match a file to its run. */
  readonly contentHash?: string;
  /** PDF only: another CJK font file (tests use it to prove a missing font is reported). */
  readonly cjkFontPath?: string;
}

/** The report's identity, label then value, as both the XLSX cover sheet and the PDF's first lines print it. */
export function reportInfoLines(report: EvaluationReport, options: RenderOptions = {}): [string, string][] {
  const { period, progress } = report;
  return [
    ['报告单位', report.unit.name],
    ['报告期', `${period.label}（${period.from} 至 ${period.to}）`],
    ['数据截至', `${report.asOf}（当日24时，北京时间）`],
    ['任务表版本', progress.targetSetVersion],
    ['任务期', `${progress.taskPeriod.from} 至 ${progress.taskPeriod.to}（${progress.taskPeriod.months} 个月）`],
    ...(options.contentHash ? [['内容哈希', options.contentHash] as [string, string]] : []),
    ['说明', '本报告仅含统计数，不含个人信息；各数字可在系统中追溯至其来源事件。'],
  ];
}

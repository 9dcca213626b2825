import type { EvaluationReport, ProgressLine, RateRow, TargetLine } from '../evaluation-report';
import {
  DATA_QUALITY_LABELS,
  GATE_LABELS,
  PAYEE_TYPE_LABELS,
  STANDING_LABELS,
  TARGET_STATUS_LABELS,
  TARGET_UNIT_LABELS,
  countText,
  gatesText,
  percentText,
  schemeText,
  signedText,
  thresholdText,
  yuanText,
} from '../charts/figure-text';
import type { PdfTable } from './pdf-table';

/** The report's sections as the PDF's text tables: every cell is a figure of the report written by figure-text. */

const dash = '—';
const orDash = (n: number | null) => (n === null ? dash : countText(n));

/** A progress line's cells, one per column; exported so the e2e finds the line in the PDF's text. */
export const progressRowCells = (l: ProgressLine): string[] => [
  l.name,
  orDash(l.holdersAtStart),
  orDash(l.holdersNow),
  orDash(l.target),
  countText(l.task),
  countText(l.monthlyPacePrinted),
  countText(l.done.count),
  countText(l.expectedToDateWhole),
  signedText(l.difference),
  STANDING_LABELS[l.standing],
  countText(l.remaining),
  l.monthlyPaceNeeded === null ? '期满未完成' : countText(l.monthlyPaceNeeded),
];

export function progressTable(report: EvaluationReport): PdfTable {
  const r = 'right' as const;
  return {
    columns: [
      { header: '单位', width: 1.6 },
      { header: '原有持证人数', width: 1, align: r },
      { header: '现有持证人数', width: 1, align: r },
      { header: '持证目标', width: 1, align: r },
      { header: '任务数', width: 0.9, align: r },
      { header: '月均推进数（印发）', width: 1, align: r },
      { header: '已完成', width: 0.9, align: r },
      { header: '应完成（按进度）', width: 1, align: r },
      { header: '超前(+)/落后(-)', width: 1, align: r },
      { header: '进度', width: 0.6, align: 'center' },
      { header: '剩余任务', width: 0.9, align: r },
      { header: '剩余月均需完成', width: 1, align: r },
    ],
    rows: [...report.progress.units.map(progressRowCells), ...(report.progress.district ? [{ cells: progressRowCells(report.progress.district), total: true }] : [])],
  };
}

const targetActual = (line: TargetLine) => {
  if (line.actual === null) return dash;
  return 'count' in line.actual ? countText(line.actual.count) : `${percentText(line.actual)}（${countText(line.actual.numerator)}/${countText(line.actual.denominator)}）`;
};

export function targetsTable(report: EvaluationReport): PdfTable {
  return {
    columns: [
      { header: '指标', width: 2.6 },
      { header: '目标期', width: 1.7 },
      { header: '目标', width: 0.8, align: 'right' },
      { header: '实际', width: 1.6, align: 'right' },
      { header: '状态', width: 0.9, align: 'center' },
      { header: '说明', width: 2.8 },
    ],
    rows: report.targets.lines.map((l) => [
      l.label,
      `${l.targetPeriod.from} 至 ${l.targetPeriod.to}`,
      l.unit === 'PERCENT' ? `${l.target}%` : `${countText(l.target)}${TARGET_UNIT_LABELS[l.unit]}`,
      targetActual(l),
      TARGET_STATUS_LABELS[l.status],
      l.note,
    ]),
  };
}

const rateCell = (rate: RateRow['pass']) => `${percentText(rate)}\n${countText(rate.numerator)}/${countText(rate.denominator)}`;

export function ratesTable(rows: readonly RateRow[], keyHeader: string): PdfTable {
  const r = 'right' as const;
  return {
    columns: [
      { header: keyHeader, width: 2.4 },
      { header: '班级数', width: 0.7, align: r },
      { header: '合格率', width: 1.1, align: r },
      { header: '取证率', width: 1.1, align: r },
      { header: '就业率', width: 1.1, align: r },
      { header: '未达门槛班级数', width: 0.9, align: r },
    ],
    rows: rows.map((row) => [row.label, countText(row.cohorts.count), rateCell(row.pass), rateCell(row.certification), rateCell(row.employment), countText(row.failedCohorts.count)]),
  };
}

export function thresholdsTable(report: EvaluationReport): PdfTable {
  const labelOf = (type: string) => report.rates.byProgrammeType.find((r) => r.key === type)?.label ?? type;
  return {
    columns: [{ header: '培训类型', width: 2.4 }, { header: '合格率门槛', width: 1 }, { header: '取证率门槛', width: 1 }, { header: '就业率门槛', width: 1 }],
    rows: report.rates.thresholds.map((t) => [labelOf(t.programmeType), thresholdText(t.pass), thresholdText(t.certification), thresholdText(t.employment)]),
  };
}

export function failedCohortsTable(report: EvaluationReport): PdfTable {
  const labelOf = (type: string) => report.rates.byProgrammeType.find((r) => r.key === type)?.label ?? type;
  return {
    columns: [{ header: '培训班编号', width: 2.2 }, { header: '培训机构', width: 1.8 }, { header: '培训类型', width: 1.2 }, { header: '结业日期', width: 0.9 }, { header: '未达门槛', width: 2.4 }],
    rows: report.rates.failedCohorts.map((c) => [
      c.cohortId,
      c.providerName,
      labelOf(c.programmeType),
      c.completedOn ?? dash,
      c.gates.map((g) => `${GATE_LABELS[g.gate]} ${percentText(g.rate)}（${countText(g.rate.numerator)}/${countText(g.rate.denominator)}）< 门槛 ${thresholdText(g.threshold)}`).join('\n'),
    ]),
  };
}

export function moneyTable(report: EvaluationReport): PdfTable {
  const r = 'right' as const;
  const { rows, total } = report.money;
  return {
    columns: [
      { header: '补贴项目', width: 2.4 },
      { header: '收款方', width: 0.7, align: 'center' },
      { header: '已核拨（元）', width: 1.3, align: r },
      { header: '已支付（元）', width: 1.3, align: r },
      { header: '已取消（元）', width: 1.1, align: r },
      { header: '待支付（元）', width: 1.3, align: r },
    ],
    rows: [
      ...rows.map((m) => [schemeText(m.scheme), PAYEE_TYPE_LABELS[m.payeeType], yuanText(m.released.fen), yuanText(m.paid.fen), yuanText(m.cancelled.fen), yuanText(m.outstanding.fen)]),
      { cells: ['合计', '', yuanText(total.released.fen), yuanText(total.paid.fen), yuanText(total.cancelled.fen), yuanText(total.outstanding.fen)], total: true },
    ],
  };
}

export function overridesTable(report: EvaluationReport): PdfTable {
  return {
    columns: [{ header: '申报编号', width: 2.2 }, { header: '补贴项目', width: 2 }, { header: '特批事项', width: 1.4 }, { header: '金额（元）', width: 1.2, align: 'right' }],
    rows: report.money.overrides.map((o) => [o.claimId, schemeText(o.scheme), gatesText(o.kinds), yuanText(o.amount.fen)]),
  };
}

export function waitingTable(report: EvaluationReport): PdfTable {
  return {
    columns: [{ header: '申报编号', width: 2.2 }, { header: '补贴项目', width: 2 }, { header: '申报日期', width: 0.9 }, { header: '等待门槛', width: 1.2 }, { header: '金额（元）', width: 1.2, align: 'right' }],
    rows: report.money.waitingOnGates.map((w) => [w.claimId, schemeText(w.scheme), w.submittedOn, gatesText(w.gates), yuanText(w.amount.fen)]),
  };
}

export function dataQualityTable(report: EvaluationReport): PdfTable {
  return {
    columns: [{ header: '类别', width: 1 }, { header: '数量', width: 0.6, align: 'right' }, { header: '说明', width: 3 }, { header: '涉及培训班', width: 2.4 }],
    rows: report.dataQuality.flags.map((f) => [DATA_QUALITY_LABELS[f.kind], countText(f.figure.count), f.message, f.cohortIds.join('\n') || dash]),
  };
}

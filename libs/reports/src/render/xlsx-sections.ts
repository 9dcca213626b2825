import type ExcelJS from 'exceljs';
import type { EvaluationReport, Fraction, MoneyRow, ProgressLine, RateRow, TargetLine } from '../evaluation-report';
import {
  DATA_QUALITY_LABELS,
  GATE_LABELS,
  NO_BASE_TEXT,
  PAYEE_TYPE_LABELS,
  SCHEME_LABELS,
  STANDING_LABELS,
  TARGET_STATUS_LABELS,
  TARGET_UNIT_LABELS,
  gatesText,
  percentHundredths,
} from '../charts/figure-text';
import { FMT, SectionSheet, type XCell, type XColumn } from './xlsx-sheet';

/** The section sheets of the workbook (renderReportXlsx says how figures are stored). */

const DASH = '—';
const orDash = (n: number | null): XCell => n ?? DASH;

/** A rate's percentage cell: hundredths of a percent as an Excel percentage (0.9719 shows 97.19%). */
export function percentCell(rate: Fraction): XCell {
  const h = percentHundredths(rate);
  return h === null ? NO_BASE_TEXT : { value: h / 10_000, numFmt: h % 100 === 0 ? FMT.wholePercent : FMT.percent };
}

const yuan = (fen: number): XCell => ({ value: fen / 100, numFmt: FMT.yuan });

const count = (header: string, width = 11): XColumn => ({ header, width, numFmt: FMT.count });
/** A rate's numerator and denominator, as the tables that show a fraction put them side by side. */
const fractionColumns = (): XColumn[] => [count('分子', 10), count('分母', 10)];

export function progressSheet(workbook: ExcelJS.Workbook, report: EvaluationReport, heading: string): void {
  const { progress } = report;
  const cells = (l: ProgressLine, no: number | null): XCell[] => [
    no,
    l.name,
    orDash(l.holdersAtStart),
    orDash(l.holdersNow),
    orDash(l.target),
    l.task,
    l.monthlyPacePrinted,
    l.done.count,
    l.expectedToDateWhole,
    { value: l.difference, numFmt: FMT.signed },
    STANDING_LABELS[l.standing],
    l.remaining,
    l.monthlyPaceNeeded ?? '期满未完成',
    l.monthsElapsed,
    l.months,
  ];
  new SectionSheet(workbook, '证书进度', '证书任务进度（附件1）', `${heading} · 任务表 ${progress.targetSetVersion} · 任务期 ${progress.taskPeriod.from} 至 ${progress.taskPeriod.to}（${progress.taskPeriod.months} 个月）· 应完成 = 任务数 × 已过月数 ÷ 总月数，向上取整`)
    .table({
      columns: [
        { header: '序号', width: 6 },
        { header: '单位', width: 16 },
        count('原有持证人数'),
        count('现有持证人数'),
        count('持证目标'),
        count('任务数'),
        count('月均推进数（印发）'),
        count('已完成'),
        count('应完成（按进度）'),
        { header: '超前(+)/落后(-)', width: 11, numFmt: FMT.signed },
        { header: '进度', width: 8 },
        count('剩余任务'),
        count('剩余月均需完成'),
        { header: '已过月数', width: 8 },
        { header: '总月数', width: 8 },
      ],
      rows: [...progress.units.map((l, i) => cells(l, i + 1)), ...(progress.district ? [{ cells: cells(progress.district, null), total: true }] : [])],
    })
    .table({ caption: '任务表自身不一致（照印发原样显示）', columns: [{ header: '代码', width: 6, span: 2 }, { header: '说明', width: 0, span: 13 }], rows: progress.flags.map((f) => [f.code, f.message]) })
    .finish();
}

export function targetsSheet(workbook: ExcelJS.Workbook, report: EvaluationReport, heading: string): void {
  const actual = (l: TargetLine): XCell[] => {
    if (l.actual === null) return ['未计量', null, null];
    if ('count' in l.actual) return [l.actual.count, null, null];
    return [percentCell(l.actual), l.actual.numerator, l.actual.denominator];
  };
  new SectionSheet(workbook, '目标任务', '目标任务完成情况（R-TGT-1）', heading)
    .table({
      columns: [
        { header: '序号', width: 6 },
        { header: '指标', width: 36 },
        { header: '计量单位', width: 8 },
        { header: '目标期起', width: 12 },
        { header: '目标期止', width: 12 },
        count('目标', 10),
        count('实际', 12),
        ...fractionColumns(),
        { header: '状态', width: 12 },
        { header: '说明', width: 40 },
        { header: '指标代码', width: 30 },
      ],
      rows: report.targets.lines.map((l, i) => [
        i + 1,
        l.label,
        TARGET_UNIT_LABELS[l.unit],
        l.targetPeriod.from,
        l.targetPeriod.to,
        l.unit === 'PERCENT' ? { value: l.target / 100, numFmt: FMT.wholePercent } : l.target,
        ...actual(l),
        TARGET_STATUS_LABELS[l.status],
        l.note,
        l.code,
      ]),
    })
    .finish();
}

const RATE_GROUPS = [
  ['pass', '合格率', '合格人数'],
  ['certification', '取证率', '取证人数'],
  ['employment', '就业率', '就业人数'],
] as const;

function rateColumns(keyHeader: string, nameHeader: string): XColumn[] {
  return [
    { header: keyHeader, width: 16 },
    { header: nameHeader, width: 26 },
    count('班级数', 8),
    ...RATE_GROUPS.flatMap(([, title, counted]) => [
      { header: counted, group: title, width: 10, numFmt: FMT.count },
      { header: '基数', group: title, width: 10, numFmt: FMT.count },
      { header: title, group: title, width: 10 },
    ]),
    count('未达门槛班级数', 10),
  ];
}

const rateCells = (row: RateRow): XCell[] => [
  row.key,
  row.label,
  row.cohorts.count,
  ...RATE_GROUPS.flatMap(([gate]) => [row[gate].numerator, row[gate].denominator, percentCell(row[gate])]),
  row.failedCohorts.count,
];

export function ratesSheet(workbook: ExcelJS.Workbook, report: EvaluationReport, heading: string): void {
  const { rates } = report;
  const labelOf = (type: string) => rates.byProgrammeType.find((r) => r.key === type)?.label ?? type;
  new SectionSheet(workbook, '三率', '合格率、取证率、就业率（R-GATE-1/2/3）', `${heading} · 比率向下取两位小数`)
    .table({ caption: '按培训类型', columns: rateColumns('类型代码', '培训类型'), rows: rates.byProgrammeType.map(rateCells) })
    .table({ caption: '按培训机构', columns: rateColumns('机构编号', '培训机构'), rows: rates.byProvider.map(rateCells) })
    .table({
      caption: '门槛',
      columns: [{ header: '类型代码', width: 16 }, { header: '培训类型', width: 26 }, { header: '合格率门槛', width: 8 }, { header: '取证率门槛', width: 10 }, { header: '就业率门槛', width: 10 }],
      rows: rates.thresholds.map((t) => [t.programmeType, labelOf(t.programmeType), percentCell(t.pass), percentCell(t.certification), percentCell(t.employment)]),
    })
    .table({
      caption: '未达门槛的培训班',
      columns: [
        { header: '培训班编号', width: 38 },
        { header: '培训机构', width: 26 },
        { header: '培训类型', width: 8 },
        { header: '结业日期', width: 10 },
        { header: '未达门槛', width: 10 },
        ...fractionColumns(),
        { header: '比率', width: 10 },
        { header: '门槛', width: 10 },
        { header: '机构编号', width: 10 },
      ],
      rows: rates.failedCohorts.flatMap((c) =>
        c.gates.map((g) => [c.cohortId, c.providerName, labelOf(c.programmeType), c.completedOn ?? DASH, GATE_LABELS[g.gate] ?? g.gate, g.rate.numerator, g.rate.denominator, percentCell(g.rate), percentCell(g.threshold), c.providerId]),
      ),
    })
    .finish();
}

/** R-PAY-1: released, paid, cancelled for good, and what finance still owes (released − paid − cancelled). */
const AMOUNTS = [
  ['released', '已核拨'],
  ['paid', '已支付'],
  ['cancelled', '已取消'],
  ['outstanding', '待支付'],
] as const;

const amountCells = (m: Pick<MoneyRow, (typeof AMOUNTS)[number][0]>): XCell[] => [...AMOUNTS.map(([key]) => yuan(m[key].fen)), ...AMOUNTS.map(([key]) => m[key].fen)];

export function moneySheet(workbook: ExcelJS.Workbook, report: EvaluationReport, heading: string): void {
  const { rows, total, overrides, waitingOnGates } = report.money;
  const money = (header: string, unit: '元' | '分'): XColumn => ({ header: `${header}（${unit}）`, width: 16, numFmt: unit === '元' ? FMT.yuan : FMT.fen });
  new SectionSheet(workbook, '资金', '补贴资金核拨与支付（R-PAY-1、R-CLAIM-4）', `${heading} · 元为显示金额，（分）列为精确金额`)
    .table({
      columns: [
        { header: '补贴项目', width: 14 },
        { header: '项目名称', width: 22 },
        { header: '收款方类型', width: 10 },
        ...AMOUNTS.map(([, header]) => money(header, '元')),
        ...AMOUNTS.map(([, header]) => money(header, '分')),
      ],
      rows: [
        ...rows.map((m) => [m.scheme, SCHEME_LABELS[m.scheme] ?? '', PAYEE_TYPE_LABELS[m.payeeType], ...amountCells(m)]),
        { cells: ['合计', '', '', ...amountCells(total)], total: true },
      ],
    })
    .table({
      caption: '特批（R-CLAIM-4）',
      columns: [{ header: '申报编号', width: 38 }, { header: '补贴项目', width: 22 }, { header: '特批事项', width: 10 }, money('金额', '元'), money('金额', '分')],
      rows: overrides.map((o) => [o.claimId, o.scheme, gatesText(o.kinds), yuan(o.amount.fen), o.amount.fen]),
    })
    .table({
      caption: '等待门槛的申报',
      columns: [{ header: '申报编号', width: 14 }, { header: '补贴项目', width: 22 }, { header: '申报日期', width: 10 }, { header: '等待门槛', width: 16 }, money('金额', '元'), money('金额', '分')],
      rows: waitingOnGates.map((w) => [w.claimId, w.scheme, w.submittedOn, gatesText(w.gates), yuan(w.amount.fen), w.amount.fen]),
    })
    .finish();
}

/** The sheet that lists a flag's cohorts, one a row (the flag sheet's 涉及培训班 cell points here). */
export const DATA_QUALITY_DETAIL_SHEET = '数据质量明细';

/**
 * R-EVAL-1: a flag's cohorts are listed on their own sheet, one a row, and the flag's cell says how many: a district
 * can have a flag about 1,200 cohorts, and their ids joined into one cell (44,399 characters) pass Excel's 32,767
 * characters a cell, so Excel calls the whole file corrupt. A row each also lets a reader filter and count them.
 */
export function dataQualitySheet(workbook: ExcelJS.Workbook, report: EvaluationReport, heading: string): void {
  const { flags } = report.dataQuality;
  const cohorts = (n: number): XCell => (n === 0 ? DASH : `${n.toLocaleString('en-US')} 个，见「${DATA_QUALITY_DETAIL_SHEET}」`);
  new SectionSheet(workbook, '数据质量', '数据质量提示', heading)
    .table({
      columns: [{ header: '序号', width: 6 }, { header: '类别', width: 14 }, count('数量', 8), { header: '说明', width: 50 }, { header: '涉及培训班', width: 24 }, { header: '类别代码', width: 26 }],
      rows: flags.map((f, i) => [i + 1, DATA_QUALITY_LABELS[f.kind], f.figure.count, f.message, cohorts(f.cohortIds.length), f.kind]),
    })
    .finish();
  new SectionSheet(workbook, DATA_QUALITY_DETAIL_SHEET, '数据质量提示涉及的培训班', `${heading} · 每个培训班一行；提示序号即「数据质量」表的序号`)
    .table({
      columns: [{ header: '提示序号', width: 8 }, { header: '类别', width: 14 }, { header: '培训班编号', width: 38 }, { header: '类别代码', width: 26 }],
      rows: flags.flatMap((f, i) => f.cohortIds.map((id) => [i + 1, DATA_QUALITY_LABELS[f.kind], id, f.kind])),
    })
    .finish();
}

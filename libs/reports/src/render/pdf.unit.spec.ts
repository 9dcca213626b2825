import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_EMPTY_UNIT_REPORT, SAMPLE_REPORT } from '../testing';
import { renderReportPdf } from './pdf';

/** The PDF's text as poppler lays it out; a missing poppler fails the spec (never skips it). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (run.error) throw new Error(`pdftotext could not run (${run.error.message}): install poppler-utils with infra/ensure-cjk-font.sh`);
    if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text line of a table row: the line that starts with the row's label. */
function lineOf(text: string, label: string): string {
  const line = text.split('\n').find((l) => l.trim().startsWith(label));
  if (line === undefined) throw new Error(`no line starts with ${label}`);
  return line;
}

/** The figures of a line, in order, as printed. */
const figuresOf = (line: string) => line.trim().split(/\s+/).slice(1);

describe('R-EVAL-1 renderReportPdf: the sample report as text (pdftotext -layout)', () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    pdf = await renderReportPdf(SAMPLE_REPORT, { contentHash: 'sha256:0f3c' });
    text = pdfText(pdf);
  });

  it('is a PDF with the title, period, day, unit, task table version, hash and the Chinese section headings', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    for (const heading of ['城区职业技能提升行动评估报告（2021 上半年）', '一、证书任务进度', '二、目标任务', '三、三率', '四、资金', '五、数据质量', '未达门槛的培训班', '等待门槛的申报']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('报告期：2021 上半年（2021-01-01 至 2021-06-30）');
    expect(text).toContain('数据截至：2021-06-30');
    expect(text).toContain('任务表版本：JCCQ-2020-12 v1');
    expect(text).toContain('内容哈希：sha256:0f3c');
  });

  it('R-TGT-2 prints each unit line with its task, pace, done, expected, difference, standing, remaining and pace needed', () => {
    for (const unit of SAMPLE_REPORT.progress.units) {
      const figures = figuresOf(lineOf(text, unit.name));
      expect(figures).toContain(unit.done.count.toLocaleString('en-US'));
    }
    // Hand-computed: 1,102 done, ⌈1600 × 11 ÷ 17⌉ = 1,036 expected, +66, 498 left, ⌈498 ÷ 6⌉ = 83 a month.
    expect(figuresOf(lineOf(text, '南村镇'))).toEqual(['—', '—', '—', '1,600', '94', '1,102', '1,036', '+66', '超前', '498', '83']);
    expect(figuresOf(lineOf(text, '西上庄办事处'))).toEqual(['—', '—', '—', '1,200', '71', '702', '777', '-75', '落后', '498', '83']);
    expect(figuresOf(lineOf(text, '钟家庄办事处'))).toEqual(['—', '—', '—', '3,000', '176', '1,942', '1,942', '0', '持平', '1,058', '177']);
    expect(figuresOf(lineOf(text, '城区 '))).toEqual(['18,382', '27,466', '32,582', '14,200', '836', '9,084', '9,189', '-105', '落后', '5,116', '853']);
    expect(text).toContain('PACE_SUM_MISMATCH');
  });

  it('R-GATE-1/2/3 prints the rates as percentages rounded down, with their counts, and the failed cohort against its threshold', () => {
    const general = lineOf(text, '普惠制职业技能培训');
    expect(figuresOf(general).slice(0, 4)).toEqual(['42', '97.19%', '66.36%', '37.35%']);
    expect(lineOf(text, '菜单式培训')).toMatch(/6\s+97\.15%\s+67\.04%\s+78\.97%\s+1$/);
    expect(text).toContain('1,176/1,210');
    expect(text).toContain('139/176');
    expect(text).toMatch(/就业率 68\.75%（22\/32）< 门槛 80%/);
  });

  it('R-TGT-1 prints each target with its status, a share with its counts, and 未计量 where nothing is measured', () => {
    expect(lineOf(text, '高技能人才占技能劳动者比例')).toMatch(/30%\s+31\.78%（3,287\/10,342）\s+已完成/);
    expect(lineOf(text, '技能劳动者持证人数占就业人员比例')).toMatch(/—\s+未计量/);
    expect(lineOf(text, '市级技能大师工作室')).toMatch(/2个\s+2\s+已完成/);
  });

  it('R-PAY-1 prints money in yuan to the fen, per scheme and in total; overrides and waiting claims with their amounts', () => {
    expect(figuresOf(lineOf(text, '合计'))).toEqual(['2,774,290.00', '2,410,038.45', '4,000.00', '360,251.55']);
    expect(lineOf(text, 'R-ENT-3 以工代训补贴')).toMatch(/16,200\.00\s+16,123\.45\s+0\.00\s+76\.55$/);
    expect(lineOf(text, 'R-FREE-4 就业导向培训补贴')).toMatch(/984,000\.00\s+864,000\.00\s+4,000\.00\s+116,000\.00$/);
    expect(lineOf(text, 'b1000000-0000-4000-8000-000000000031')).toMatch(/就业率门槛\s+128,000\.00$/);
    expect(lineOf(text, 'b1000000-0000-4000-8000-000000000042')).toMatch(/2021-05-28\s+取证率、就业率\s+120,000\.00$/);
  });

  it('prints every data-quality flag with its count', () => {
    expect(lineOf(text, '考勤冲突')).toMatch(/^\s*考勤冲突\s+3\s+3个人日/);
    expect(lineOf(text, '证书迟录')).toMatch(/\s12\s/);
  });

  it('draws the two charts, each on its own page, with Chinese titles, unit names and the figures as text', () => {
    const pages = text.split('\f');
    const progressPage = pages.find((p) => p.includes('证书任务进度（截至 2021-06-30）'));
    const ratesPage = pages.find((p) => p.includes('三率与门槛（按培训类型，截至 2021-06-30）'));
    expect(progressPage).toBeDefined();
    expect(ratesPage).toBeDefined();
    expect(progressPage).not.toContain('一、证书任务进度');
    for (const unit of SAMPLE_REPORT.progress.units) {
      expect(progressPage).toContain(unit.name);
      expect(progressPage).toContain(unit.done.count.toLocaleString('en-US'));
    }
    expect(progressPage).toContain('应完成（按进度）');
    // The bars are labelled with the tables' text; each programme type's threshold line with its threshold.
    for (const label of ['97.19%', '70.00%', '37.35%', '78.97%', '82.50%']) expect(ratesPage).toContain(label);
    expect(ratesPage!.match(/(?<![.\d])80%/g)).toHaveLength(3);
    expect(ratesPage!.match(/(?<![.\d])95%/g)).toHaveLength(4);
  });

  it('without the CJK font it fails, naming the package to install', async () => {
    await expect(renderReportPdf(SAMPLE_REPORT, { cjkFontPath: '/nonexistent/wqy-microhei.ttc' })).rejects.toThrow(/fonts-wqy-microhei.*infra\/ensure-cjk-font\.sh/);
  });
});

describe('R-EVAL-1 renderReportPdf: a one-unit report with empty sections', () => {
  it('prints the unit line without a district line and says 无 under every empty table', async () => {
    const text = pdfText(await renderReportPdf(SAMPLE_EMPTY_UNIT_REPORT));
    expect(text).toContain('南村镇职业技能提升行动评估报告（2021 上半年）');
    expect(figuresOf(lineOf(text, '南村镇 '))).toEqual(['—', '—', '—', '1,600', '94', '1,102', '1,036', '+66', '超前', '498', '83']);
    // Targets; rates by type, thresholds, by provider, failed cohorts; overrides, waiting claims; data quality.
    expect(text.split('\n').filter((l) => l.trim() === '无')).toHaveLength(8);
    expect(figuresOf(lineOf(text, '合计'))).toEqual(['0.00', '0.00', '0.00', '0.00']);
  });
});

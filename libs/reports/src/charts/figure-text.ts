import type { DataQualityKind, Fraction, PayeeType, Standing, TargetStatus } from '../evaluation-report';
import type { TargetUnit } from '@skills/domain';

/**
 * How a report's figures are written, shared by the XLSX, the PDF and the console (R-EVAL-1: the same figures in
 * every output). Integers only, no float division, no node imports: this folder also runs in the browser.
 */

/**
 * A rate in hundredths of a percent, rounded down (as @skills/policy percentText), so a shown rate is never higher
 * than the real one: 79.999…% is 7999, never 8000, and a failed 80% gate never reads "80.00%". null: no base.
 */
export function percentHundredths(rate: Fraction): number | null {
  if (rate.denominator === 0) return null;
  const scaled = rate.numerator * 10_000;
  if (!Number.isSafeInteger(scaled) || !Number.isSafeInteger(rate.denominator)) throw new RangeError('a rate needs whole counts small enough to compute exactly');
  return (scaled - (scaled % rate.denominator)) / rate.denominator;
}

export const NO_BASE_TEXT = '无基数';

/** 97.19 for 1176/1210: the number a chart draws, equal to the text the tables print. */
export function percentNumber(rate: Fraction): number | null {
  const h = percentHundredths(rate);
  return h === null ? null : h / 100;
}

/** "97.19%", or 无基数 for an empty base. */
export function percentText(rate: Fraction): string {
  const h = percentHundredths(rate);
  return h === null ? NO_BASE_TEXT : `${Math.trunc(h / 100)}.${String(h % 100).padStart(2, '0')}%`;
}

/** A threshold is a rule, not a measurement: 80/100 → "80%", 95/100 → "95%", 2/3 → "66.66%". */
export function thresholdText(threshold: Fraction): string {
  return percentText(threshold).replace('.00%', '%');
}

/** Whether a rate reaches a threshold, compared in integers (POLICY.md §4): an empty base reaches nothing. */
export function reaches(rate: Fraction, threshold: Fraction): boolean {
  return rate.denominator > 0 && rate.numerator * threshold.denominator >= threshold.numerator * rate.denominator;
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 14200 → "14,200"; -105 → "-105". */
export function countText(n: number): string {
  return `${n < 0 ? '-' : ''}${group(String(Math.abs(n)))}`;
}

/** A difference with its sign: "+66", "0", "-75". */
export function signedText(n: number): string {
  return n > 0 ? `+${countText(n)}` : countText(n);
}

/** Integer fen as yuan, by moving the decimal point in the digits: 241003845 → "2,410,038.45". */
export function yuanText(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError('fen must be a safe integer');
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${fen < 0 ? '-' : ''}${group(digits.slice(0, -2))}.${digits.slice(-2)}`;
}

export const STANDING_LABELS: Readonly<Record<Standing, string>> = { AHEAD: '超前', ON_PACE: '持平', BEHIND: '落后' };

export const TARGET_STATUS_LABELS: Readonly<Record<TargetStatus, string>> = {
  MET: '已完成',
  ON_TRACK: '按进度推进',
  BEHIND: '落后于进度',
  NOT_MET: '到期未完成',
  NOT_MEASURED: '未计量',
};

export const TARGET_UNIT_LABELS: Readonly<Record<TargetUnit, string>> = { PERSON: '人', PERSON_TIME: '人次', PERCENT: '%', STUDIO: '个', BRAND: '个' };

/** Gates (R-GATE-1/2/3; EMPLOYMENT_FALLBACK: the general 30% a R-FREE-4 cohort falls back to) and override kinds (R-CLAIM-4). */
export const GATE_LABELS: Readonly<Record<string, string>> = {
  PASS: '合格率',
  CERTIFICATION: '取证率',
  EMPLOYMENT: '就业率',
  EMPLOYMENT_FALLBACK: '就业率（回落档）',
  GATE_PASS: '合格率门槛',
  GATE_CERTIFICATION: '取证率门槛',
  GATE_EMPLOYMENT: '就业率门槛',
  GATE_EMPLOYMENT_FALLBACK: '就业率（回落档）门槛',
  NO_RULE_LINE: '无规则条目',
};

export const PAYEE_TYPE_LABELS: Readonly<Record<PayeeType, string>> = { PERSON: '个人', ORGANISATION: '单位' };

export const DATA_QUALITY_LABELS: Readonly<Record<DataQualityKind, string>> = {
  ATTENDANCE_CLASH: '考勤冲突',
  LATE_CERTIFICATE: '证书迟录',
  LATE_EMPLOYMENT: '就业迟录',
  TARGET_SET_INCONSISTENCY: '任务表不一致',
};

/** The schemes of POLICY.md by rule id (a scheme the list does not know is shown by its id alone). */
export const SCHEME_LABELS: Readonly<Record<string, string>> = {
  'R-CERT-2': '取证培训补贴',
  'R-CERT-3': '职工个人补贴',
  'R-FREE-3': '普惠制培训补贴',
  'R-FREE-4': '就业导向培训补贴',
  'R-FREE-5': '培训期间生活费补贴',
  'R-FREE-6': '劳动预备制培训补贴',
  'R-FREE-7': '创业培训补贴',
  'R-FREE-8': '在校大学生创业培训补贴',
  'R-ENT-1': '企业职工培训补贴',
  'R-ENT-2': '企业新型学徒制补贴',
  'R-ENT-3': '以工代训补贴',
  'R-ENT-4': '职工培训机构奖补',
  'R-AWARD-1': '技能大师工作室奖补',
  'R-AWARD-2': '劳务品牌奖补',
};

export const schemeText = (scheme: string): string => (SCHEME_LABELS[scheme] ? `${scheme} ${SCHEME_LABELS[scheme]}` : scheme);

/** Gate or override codes in Chinese, joined: ["CERTIFICATION", "EMPLOYMENT"] → "取证率、就业率". */
export const gatesText = (codes: readonly string[]): string => codes.map((c) => GATE_LABELS[c] ?? c).join('、');

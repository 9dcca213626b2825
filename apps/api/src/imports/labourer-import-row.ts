import { CATEGORY_LABELS, FLAG_LABELS, KEY_GROUP_LABELS, type FieldIssue } from '@skills/domain';
import { zodIssues } from '@skills/platform';
import type { RegistryDirectory } from '../registry/registry-directory';
import { LabourerForm } from '../registry/labourers/labourer-form';
import type { SheetRow } from './sheet-reader';

/** Column names accepted for each field: the English field name, or the Chinese heading of the bureau's own sheets. */
const COLUMNS = {
  idNumber: ['idNumber', '身份证号', '身份证号码'],
  name: ['name', '姓名'],
  category: ['category', '类别', '人员类别'],
  keyGroups: ['keyGroups', '重点群体'],
  flags: ['flags', '标记', '其他标记'],
  insuranceMonths: ['insuranceMonths', '参保月数', '失业保险缴费月数'],
  subdistrict: ['subdistrict', 'subdistrictId', '所属镇街', '镇街'],
  registeredOn: ['registeredOn', '建档日期'],
} as const;

export const REQUIRED_COLUMNS = ['idNumber', 'name', 'category', 'subdistrict'] as const;

export function missingColumns(headers: readonly string[]): string[] {
  return REQUIRED_COLUMNS.filter((field) => !COLUMNS[field].some((name) => headers.includes(name))).map(
    (field) => `${field} (or ${COLUMNS[field].slice(1).join(' / ')})`,
  );
}

type Parsed = { ok: true; form: LabourerForm } | { ok: false; issues: FieldIssue[] };

/** One sheet row as a registration form; codes or Chinese labels are both accepted for vocabularies. */
export function toLabourerForm(row: SheetRow, directory: RegistryDirectory): Parsed {
  const cell = (field: keyof typeof COLUMNS) => COLUMNS[field].map((name) => row[name]).find((v) => v !== undefined && v !== '') ?? '';
  const list = (text: string, labels: Readonly<Record<string, string>>) =>
    text === '' ? [] : text.split(/[;；,，、|]/).map((v) => fromLabel(v.trim(), labels));
  const issues: FieldIssue[] = [];
  const idNumber = cell('idNumber');
  if (/^\d(\.\d+)?e\+\d+$/i.test(idNumber)) {
    issues.push({ field: 'idNumber', message: 'the ID number was stored as a number and lost digits: format the column as text and type it again' });
  }
  const subdistrictText = cell('subdistrict');
  const subdistrictId = directory.findSubdistrict(subdistrictText);
  if (subdistrictText !== '' && !subdistrictId) {
    issues.push({ field: 'subdistrict', message: `unknown subdistrict: use one of ${directory.subdistrictNames().join('、')}` });
  }
  const months = cell('insuranceMonths');
  const candidate = {
    idNumber,
    name: cell('name'),
    category: fromLabel(cell('category'), CATEGORY_LABELS),
    keyGroups: list(cell('keyGroups'), KEY_GROUP_LABELS),
    flags: list(cell('flags'), FLAG_LABELS),
    insuranceMonths: months === '' ? 0 : /^\d+$/.test(months) ? Number(months) : Number.NaN,
    subdistrictId: subdistrictId ?? (subdistrictText === '' ? undefined : '00000000-0000-0000-0000-000000000000'),
    ...(cell('registeredOn') ? { registeredOn: cell('registeredOn') } : {}),
  };
  const result = LabourerForm.safeParse(candidate);
  if (!result.success) {
    issues.push(...zodIssues(result.error).filter((i) => !(i.field === 'subdistrictId' && subdistrictText !== '')));
  }
  if (issues.length > 0 || !result.success) return { ok: false, issues };
  return { ok: true, form: result.data };
}

function fromLabel(value: string, labels: Readonly<Record<string, string>>): string {
  const code = Object.entries(labels).find(([, label]) => label === value)?.[0];
  return code ?? value.toUpperCase();
}

import type { RegistryUnit } from '../resolve-target-set';

/** The eight units of data/task-table/JCCQ-2020-12.csv with stand-in ids, for specs that match lines to the registry. */
export const REGISTRY_UNITS: readonly RegistryUnit[] = [
  ['NANCUN', '南村镇', 'Nancun Town'],
  ['XISHANGZHUANG', '西上庄办事处', 'Xishangzhuang Subdistrict'],
  ['ZHONGJIAZHUANG', '钟家庄办事处', 'Zhongjiazhuang Subdistrict'],
  ['DONGJIE', '东街办事处', 'Dongjie Subdistrict'],
  ['NANJIE', '南街办事处', 'Nanjie Subdistrict'],
  ['XIJIE', '西街办事处', 'Xijie Subdistrict'],
  ['BEIJIE', '北街办事处', 'Beijie Subdistrict'],
  ['KAIFAQU', '开发区办事处', 'Development Zone Subdistrict'],
].map(([code, name, nameEn], index) => ({ subdistrictId: `0000000${index + 1}-0000-4000-8000-000000000000`, code: code!, name: name!, nameEn: nameEn! }));

export const unitId = (code: string): string => REGISTRY_UNITS.find((u) => u.code === code)!.subdistrictId;

/** 附件1 as a bureau's sheet lays it out: a title, two heading rows (merged cells repeat their text), the lines. */
export function attachmentGrid(lines: readonly (readonly string[])[]): { rowNumber: number; cells: string[] }[] {
  const rows: string[][] = [
    ['晋城市城区“人人持证  技能社会”行动任务分解表'],
    ['城区(街道)', '持证任务', '持证任务', '持证任务', '持证任务', '备注'],
    ['城区(街道)', '现有持证人数(人)', '2021年持证目标(人)', '任务数\n(人)', '月均推进数(人)\n(2020.8-2021.12)', '备注'],
    ...lines.map((line) => [...line]),
  ];
  return rows.map((cells, index) => ({ rowNumber: index + 1, cells }));
}

/** The lines of 附件1 as printed, district first. */
export const PRINTED_LINES: readonly (readonly string[])[] = [
  ['城区', '18382', '32582', '14200', '836', ''],
  ['南村镇', '', '', '1600', '94', ''],
  ['西上庄办事处', '', '', '1200', '71', ''],
  ['钟家庄办事处', '', '', '3000', '176', ''],
  ['东街办事处', '', '', '2000', '118', ''],
  ['南街办事处', '', '', '1600', '94', ''],
  ['西街办事处', '', '', '2000', '118', ''],
  ['北街办事处', '', '', '1300', '76', ''],
  ['开发区办事处', '', '', '1500', '88', ''],
];

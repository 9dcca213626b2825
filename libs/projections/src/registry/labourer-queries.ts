import type { SqlExecutor } from '@skills/sql';

/** Filters on rm_labourers. Each one set narrows the result; the caller's scope arrives as one of them. */
export interface LabourerFilter {
  readonly subdistrictId?: string;
  readonly category?: string;
  readonly keyGroup?: string;
  readonly registeringUnitId?: string;
  readonly includeErased?: boolean;
  /** True: the caller may see no card at all. */
  readonly nothing?: boolean;
}

export interface LabourerRow {
  readonly labourerId: string;
  readonly category: string;
  readonly keyGroups: string[];
  readonly flags: string[];
  readonly insuranceMonths: number;
  readonly subdistrictId: string;
  readonly registeringUnit: { kind: string; id: string };
  readonly registeredOn: string;
  readonly erasedOn: string | null;
}

interface Row {
  labourer_id: string;
  category: string;
  key_groups: string[];
  flags: string[];
  insurance_months: number;
  subdistrict_id: string;
  registering_unit_kind: string;
  registering_unit_id: string;
  registered_on: string;
  erased_on: string | null;
}

/** A page of cards, newest registration first, with the total of the whole filter. */
export async function findLabourers(db: SqlExecutor, filter: LabourerFilter, page: { page: number; pageSize: number }) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    where.push(condition.replace('?', `$${params.length}`));
  };
  if (filter.nothing) where.push('false');
  if (filter.subdistrictId) add('subdistrict_id = ?', filter.subdistrictId);
  if (filter.category) add('category = ?', filter.category);
  if (filter.keyGroup) add('? = ANY(key_groups)', filter.keyGroup);
  if (filter.registeringUnitId) add('registering_unit_id = ?', filter.registeringUnitId);
  if (!filter.includeErased) where.push('erased_on IS NULL');
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  // The total is counted apart: a window count over the page says 0 for a page past the end.
  const counted = await db.query<{ total: string }>(`SELECT count(*) AS total FROM rm_labourers ${clause}`, params);
  const { rows } = await db.query<Row>(
    `SELECT * FROM rm_labourers ${clause} ORDER BY registered_on DESC, labourer_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.pageSize, (page.page - 1) * page.pageSize],
  );
  return {
    total: Number(counted.rows[0]?.total ?? 0),
    rows: rows.map(
      (r): LabourerRow => ({
        labourerId: r.labourer_id,
        category: r.category,
        keyGroups: r.key_groups,
        flags: r.flags,
        insuranceMonths: r.insurance_months,
        subdistrictId: r.subdistrict_id,
        registeringUnit: { kind: r.registering_unit_kind, id: r.registering_unit_id },
        registeredOn: r.registered_on,
        erasedOn: r.erased_on,
      }),
    ),
  };
}

/** R-REG-3 input: cards registered in [from, to] per registering unit, erased ones included (they were registered). */
export async function countRegistrationsByUnit(db: SqlExecutor, from: string, to: string) {
  const { rows } = await db.query<{ kind: string; id: string; n: string }>(
    `SELECT registering_unit_kind AS kind, registering_unit_id AS id, count(*) AS n FROM rm_labourers
     WHERE registered_on BETWEEN $1 AND $2 GROUP BY 1, 2 ORDER BY 1, 2`,
    [from, to],
  );
  return rows.map((r) => ({ kind: r.kind, id: r.id, count: Number(r.n) }));
}

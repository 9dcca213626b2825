import { z } from 'zod';
import { CATEGORY, KEY_GROUP } from '@skills/domain';
import { maskIdNumber, maskName } from '@skills/personal-data';
import { maySeePersonalData, type Principal, type System } from '@skills/platform';
import { registryReadScope, scopeCondition } from '../registry-access';

export const LabourerSearchQuery = z.strictObject({
  subdistrictId: z.uuid().optional(),
  category: CATEGORY.optional(),
  keyGroup: KEY_GROUP.optional(),
  registeringUnitId: z.uuid().optional(),
  includeErased: z.enum(['true', 'false']).default('false'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type LabourerSearchQuery = z.infer<typeof LabourerSearchQuery>;

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

/**
 * Registry search over the read model, narrowed to what the caller may see: a provider or an enterprise its own
 * registrations, a subdistrict officer the unit's cards. Names and ID numbers come from the vault for the page
 * only, masked unless the caller's role may see them.
 */
export async function searchLabourers(system: System, principal: Principal, query: LabourerSearchQuery) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  const scoped = scopeCondition(registryReadScope(principal));
  if (scoped) add(...scoped);
  if (query.subdistrictId) add('subdistrict_id = ?', query.subdistrictId);
  if (query.category) add('category = ?', query.category);
  if (query.keyGroup) add('? = ANY(key_groups)', query.keyGroup);
  if (query.registeringUnitId) add('registering_unit_id = ?', query.registeringUnitId);
  if (query.includeErased === 'false') where.push('erased_on IS NULL');
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  // The total is counted apart: a window count over the page says 0 for a page past the end.
  const counted = await system.db.query<{ total: string }>(`SELECT count(*) AS total FROM rm_labourers ${filter}`, params);
  const { rows } = await system.db.query<Row>(
    `SELECT * FROM rm_labourers ${filter} ORDER BY registered_on DESC, labourer_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, query.pageSize, (query.page - 1) * query.pageSize],
  );
  const identities = await system.vault.getMany(rows.map((r) => r.labourer_id));
  const full = maySeePersonalData(principal);
  return {
    page: query.page,
    pageSize: query.pageSize,
    total: Number(counted.rows[0]?.total ?? 0),
    items: rows.map((r) => {
      const identity = identities.get(r.labourer_id);
      const known = typeof identity === 'object' ? identity : undefined;
      return {
        labourerId: r.labourer_id,
        name: known ? (full ? known.name : maskName(known.name)) : null,
        idNumber: known ? (full ? known.idNumber : maskIdNumber(known.idNumber)) : null,
        category: r.category,
        keyGroups: r.key_groups,
        flags: r.flags,
        insuranceMonths: r.insurance_months,
        subdistrictId: r.subdistrict_id,
        registeringUnit: { kind: r.registering_unit_kind, id: r.registering_unit_id },
        registeredOn: r.registered_on,
        erasedOn: r.erased_on,
      };
    }),
  };
}

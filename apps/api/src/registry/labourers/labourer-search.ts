import { z } from 'zod';
import { CATEGORY, KEY_GROUP } from '@skills/domain';
import { maskIdNumber, maskName } from '@skills/personal-data';
import { maySeePersonalData, type Principal, type System } from '@skills/platform';
import { registryReadScope, type RegistryReadScope } from '../registry-access';
import { findLabourers, type LabourerFilter } from '@skills/projections';

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

/**
 * Registry search over the read model, narrowed to what the caller may see: a provider or an enterprise its own
 * registrations, a subdistrict officer the unit's cards. Names and ID numbers come from the vault for the page
 * only, masked unless the caller's role may see them.
 */
export async function searchLabourers(system: System, principal: Principal, query: LabourerSearchQuery) {
  const scope = scopeFilter(registryReadScope(principal));
  const clash = (own: string | undefined, asked: string | undefined) => own !== undefined && asked !== undefined && own !== asked;
  const { total, rows } = await findLabourers(
    system.db,
    {
      subdistrictId: scope.subdistrictId ?? query.subdistrictId,
      registeringUnitId: scope.registeringUnitId ?? query.registeringUnitId,
      category: query.category,
      keyGroup: query.keyGroup,
      includeErased: query.includeErased === 'true',
      // Asking outside one's scope finds nothing rather than widening it.
      nothing: scope.nothing || clash(scope.subdistrictId, query.subdistrictId) || clash(scope.registeringUnitId, query.registeringUnitId),
    },
    query,
  );
  const identities = await system.vault.getMany(rows.map((r) => r.labourerId));
  const full = maySeePersonalData(principal);
  return {
    page: query.page,
    pageSize: query.pageSize,
    total,
    items: rows.map((row) => {
      const identity = identities.get(row.labourerId);
      const known = typeof identity === 'object' ? identity : undefined;
      return {
        ...row,
        name: known ? (full ? known.name : maskName(known.name)) : null,
        idNumber: known ? (full ? known.idNumber : maskIdNumber(known.idNumber)) : null,
      };
    }),
  };
}

/**
 * The caller's scope as filters. A scoped caller's own filter cannot widen it: a subdistrict officer asking for
 * another unit gets the intersection (nothing), not that unit.
 */
function scopeFilter(scope: RegistryReadScope): LabourerFilter & { subdistrictId?: string; registeringUnitId?: string } {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'subdistrict':
      return { subdistrictId: scope.subdistrictId };
    case 'registering-unit':
      return { registeringUnitId: scope.unitId };
    case 'none':
      return { nothing: true };
  }
}

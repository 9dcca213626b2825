import { labourerDecider, toLabourerStreamId, DomainError } from '@skills/domain';
import { maskIdNumber, maskName } from '@skills/personal-data';
import { loadStream, maySeePersonalData, type Principal, type System } from '@skills/platform';
import { registryReadScope, scopeAllows } from '../registry-access';

export interface LabourerCard {
  readonly labourerId: string;
  readonly status: 'registered' | 'erased';
  readonly idNumber: string | null;
  readonly name: string | null;
  /** True when the ID number and name are masked for this reader. */
  readonly masked: boolean;
  readonly category: string;
  readonly keyGroups: readonly string[];
  readonly flags: readonly string[];
  readonly insuranceMonths: number;
  readonly subdistrictId: string;
  readonly registeringUnit: { kind: string; id: string };
  readonly registeredOn: string;
  readonly version: number;
}

export const labourerNotFound = () =>
  new DomainError('REGISTRY.LABOURER_NOT_FOUND', 'No card with this id is visible to you: check the id, or ask the unit that registered it', 'not_found');

/**
 * One card, read from its own stream (always current, no projection lag). Providers and enterprises see the cards
 * they registered; a subdistrict officer sees the cards of the unit; bureau roles see all. Anyone not allowed to
 * see a card gets "not found", so ids cannot be probed. `view` 'masked' masks the ID number and name whatever the
 * role (a timeline is for following what happened, not for identifying people): the full values never leave the api.
 */
export async function readLabourerCard(system: System, principal: Principal, labourerId: string, view: 'as-role' | 'masked' = 'as-role'): Promise<LabourerCard> {
  const { state, version } = await loadStream(system.store, system.catalogue, labourerDecider, toLabourerStreamId(labourerId));
  if (state.status === 'absent' || !scopeAllows(registryReadScope(principal), state)) throw labourerNotFound();
  const full = view === 'as-role' && maySeePersonalData(principal);
  const record = state.status === 'erased' ? 'erased' : await system.vault.get(labourerId);
  const identity = typeof record === 'object' ? record : undefined;
  return {
    labourerId,
    status: state.status,
    idNumber: identity ? (full ? identity.idNumber : maskIdNumber(identity.idNumber)) : null,
    name: identity ? (full ? identity.name : maskName(identity.name)) : null,
    masked: !full,
    category: state.category,
    // An erased card keeps only what totals need.
    keyGroups: state.status === 'registered' ? state.keyGroups : [],
    flags: state.status === 'registered' ? state.flags : [],
    insuranceMonths: state.status === 'registered' ? state.insuranceMonths : 0,
    subdistrictId: state.subdistrictId,
    registeringUnit: state.registeringUnit,
    registeredOn: state.registeredOn,
    version,
  };
}

import {
  DomainError,
  labourerDecider,
  providerDecider,
  toEnterpriseStreamId,
  toLabourerStreamId,
  toProviderStreamId,
  type AwardUnit,
  type CalendarDate,
  type EnterpriseEvent,
} from '@skills/domain';
import { loadStream, type System } from '@skills/platform';

export interface EnterpriseFactsOn {
  readonly headcount: number;
  readonly insured: boolean;
}

/**
 * What the registry says of an enterprise on a day: the profile of the latest change in effect by then (a change
 * names the day it holds from), else the one it was registered with. R-ENT-4 asks the headcount on the centre's
 * day, R-ENT-3 the insured status in the placement's first month; neither is typed by the caller.
 */
export async function enterpriseFactsOn(system: System, enterpriseId: string, day: CalendarDate): Promise<EnterpriseFactsOn> {
  const events = (await system.store.readStream(toEnterpriseStreamId(enterpriseId))).map((recorded) => system.catalogue.deserialise(recorded) as EnterpriseEvent);
  const registered = events.find((e) => e.type === 'EnterpriseRegistered');
  if (!registered) throw new DomainError('ORGANISATION.NOT_FOUND', 'no enterprise with this id: check the id', 'not_found', { kind: 'enterprise', id: enterpriseId }, [{ field: 'enterpriseId', message: 'give the id of a registered enterprise' }]);
  let facts: EnterpriseFactsOn & { readonly from: CalendarDate } = { headcount: registered.data.headcount, insured: registered.data.insured, from: '' };
  for (const event of events) {
    // Ties go to the later change: a correction recorded after the first one for the same day wins.
    if (event.type === 'EnterpriseProfileChanged' && event.data.effectiveOn <= day && event.data.effectiveOn >= facts.from) {
      facts = { headcount: event.data.headcount, insured: event.data.insured, from: event.data.effectiveOn };
    }
  }
  return { headcount: facts.headcount, insured: facts.insured };
}

/** A studio's host or a brand's holder must be a registered enterprise or provider: it is paid, and it claims. */
export async function assertAwardUnitRegistered(system: System, unit: AwardUnit, field: string): Promise<void> {
  const registered =
    unit.kind === 'ENTERPRISE'
      ? (await system.store.readStream(toEnterpriseStreamId(unit.id))).length > 0
      : (await loadStream(system.store, system.catalogue, providerDecider, toProviderStreamId(unit.id))).state.status === 'registered';
  if (!registered) {
    throw new DomainError('ORGANISATION.NOT_FOUND', `no ${unit.kind.toLowerCase()} with this id is registered: register it first, or check the kind and the id`, 'not_found', { kind: unit.kind, id: unit.id }, [
      { field, message: 'give a registered enterprise or provider' },
    ]);
  }
}

/** People are counted and placed by card (R-REG-1): every id must name a registered, unerased card. All are listed at once. */
export async function assertLabourersRegistered(system: System, labourerIds: readonly string[], field: (index: number) => string): Promise<void> {
  const states = await Promise.all(labourerIds.map((id) => loadStream(system.store, system.catalogue, labourerDecider, toLabourerStreamId(id))));
  const issues = states.flatMap((loaded, index) => (loaded.state.status === 'registered' ? [] : [{ field: field(index), message: 'no registered card has this labourer id: register the person first (R-REG-1)' }]));
  if (issues.length > 0) throw new DomainError('REGISTRY.LABOURER_NOT_FOUND', `${issues.length} labourer id(s) name no registered card: each is listed`, 'not_found', {}, issues);
}

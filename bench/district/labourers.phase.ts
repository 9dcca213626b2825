/** Labourers enrolling for the first time register before their cohort is planned. */
import { toLabourerIdentityStreamId, toLabourerStreamId } from '@skills/domain';
import type { StreamAppend } from '@skills/event-store';
import { isoOf } from './district-calendar';
import type { Cohort, DistrictState } from './district-state';
import { CATEGORIES } from './district-vocabulary';

/** A card and the reservation of its ID-number fingerprint (one atomic append each) for every newcomer of the cohort. */
export function registerNewcomers(state: DistrictState, cohort: Cohort, appends: StreamAppend[]): void {
  const { rng, writer } = state;
  for (const t of cohort.trainees) {
    if (state.ledgers.has(t.labourerId)) continue;
    const fingerprint = rng.hex(32);
    const registeredOn = cohort.plannedOn - rng.int(1, 200);
    writer.newCommand(registeredOn);
    const registered = writer.event(
      'LabourerRegistered',
      {
        labourerId: t.labourerId,
        fingerprint,
        category: rng.weighted(CATEGORIES),
        keyGroups: rng.chance(0.3) ? ['RURAL_MIGRANT'] : [],
        flags: rng.chance(0.1) ? ['ZERO_EMPLOYMENT_FAMILY'] : [],
        insuranceMonths: rng.int(0, 36),
        subdistrictId: state.subdistrictIds[cohort.subdistrict]!,
        registeringUnit: { kind: 'PROVIDER', id: cohort.providerId },
        registeredOn: isoOf(registeredOn),
      },
    );
    appends.push({ streamId: toLabourerStreamId(t.labourerId), expectedVersion: 'no_stream', events: [registered] });
    appends.push({
      streamId: toLabourerIdentityStreamId(fingerprint),
      expectedVersion: 'no_stream',
      events: [writer.event('LabourerIdentityClaimed', { labourerId: t.labourerId })],
    });
    state.ledgers.set(t.labourerId, []);
  }
}

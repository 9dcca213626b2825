import type { LabourerErased, LabourerGroupsChanged, LabourerRegistered } from '../labourer.events';
import type { Flag, KeyGroup } from '../registry-vocabulary';

/** Test data only: one person's card events, for the card as of a day (R-REG-4, R-FREE-5) and what reads it. */
export const CARD_LABOURER_ID = '5f607182-93a4-4ebf-80d1-4c5d6e7f8091';

export const cardRegistered = (keyGroups: KeyGroup[], flags: Flag[] = []): LabourerRegistered => ({
  type: 'LabourerRegistered',
  data: {
    labourerId: CARD_LABOURER_ID,
    fingerprint: 'a'.repeat(64),
    category: 'RURAL_LABOURER',
    keyGroups,
    flags,
    insuranceMonths: 0,
    subdistrictId: '60718293-a4b5-4fc0-91e2-5d6e7f8091a2',
    registeringUnit: { kind: 'BUREAU', id: '718293a4-b5c6-40d1-a2f3-6e7f8091a2b3' },
    registeredOn: '2021-02-01',
  },
});

export const cardGroupsChanged = (keyGroups: KeyGroup[], flags: Flag[] = []): LabourerGroupsChanged => ({
  type: 'LabourerGroupsChanged',
  data: { labourerId: CARD_LABOURER_ID, keyGroups, flags, insuranceMonths: 0, reason: 'CIRCUMSTANCES_CHANGED' },
});

export const cardErased: LabourerErased = { type: 'LabourerErased', data: { labourerId: CARD_LABOURER_ID, erasedOn: '2021-09-01' } };

import type { CommandContext } from '../../shared/decider';
import type { RegisterLabourer } from '../labourer.commands';
import type { LabourerRegistered } from '../labourer.events';

/** Test data only. Subdistrict ids are those of data/subdistricts/subdistricts.csv. */
export const NANCUN = '21e47a1a-3082-463a-89dd-807d9a7362f0';
export const XIJIE = '5c10f636-bcd1-4a8e-ae70-eb751c0901be';
export const KNOWN_SUBDISTRICTS: ReadonlySet<string> = new Set([NANCUN, XIJIE]);

export const LABOURER_ID = '3f6c2a0e-8d1b-4c5e-9a7f-1b2c3d4e5f60';
export const OTHER_LABOURER_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const PROVIDER_ID = 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e';
export const FINGERPRINT = 'a'.repeat(64);

export const CONTEXT: CommandContext = { actor: 'clerk-1', now: '2020-12-10T02:00:00.000Z' };

export function registerCommand(overrides: Partial<RegisterLabourer> = {}): RegisterLabourer {
  return {
    type: 'RegisterLabourer',
    labourerId: LABOURER_ID,
    fingerprint: FINGERPRINT,
    birthDate: '1990-05-20',
    category: 'RURAL_LABOURER',
    keyGroups: ['RURAL_MIGRANT'],
    flags: [],
    insuranceMonths: 0,
    subdistrictId: NANCUN,
    registeringUnit: { kind: 'SUBDISTRICT', id: NANCUN },
    registeredOn: '2020-12-10',
    ageLimits: { minAge: 16, maxAge: 60 },
    knownSubdistrictIds: KNOWN_SUBDISTRICTS,
    context: CONTEXT,
    ...overrides,
  };
}

export function registered(overrides: Partial<LabourerRegistered['data']> = {}): LabourerRegistered {
  return {
    type: 'LabourerRegistered',
    data: {
      labourerId: LABOURER_ID,
      fingerprint: FINGERPRINT,
      category: 'RURAL_LABOURER',
      keyGroups: ['RURAL_MIGRANT'],
      flags: [],
      insuranceMonths: 0,
      subdistrictId: NANCUN,
      registeringUnit: { kind: 'SUBDISTRICT', id: NANCUN },
      registeredOn: '2020-12-10',
      ...overrides,
    },
  };
}

import { residentId } from './resident-ids';
import type { TestApp } from './test-app';

export interface Person {
  readonly idNumber: string;
  readonly name: string;
}

export interface LabourerRegistrar {
  /** Registers the person (a new one, by default) and returns the labourer id. */
  one(person?: Person): Promise<string>;
  /** Registers `count` new people, one after another, and returns their labourer ids in order. */
  many(count: number): Promise<string[]>;
}

/**
 * Registers cards through the api as `token` (the bureau's): rural labourers in the RURAL_MIGRANT key group, in the
 * subdistrict. A new person is named `name` and has a valid ID number of someone born on `born`, the sequence
 * counting up from `firstSequence` (below 1000), so no two are the same person.
 */
export function labourerRegistrar(app: TestApp, token: string, options: { subdistrictId: string; born: string; name: string; firstSequence: number }): LabourerRegistrar {
  let sequence = options.firstSequence;
  const one = async (person: Person = { idNumber: residentId(options.born, sequence++), name: options.name }): Promise<string> => {
    const body = { ...person, category: 'RURAL_LABOURER', keyGroups: ['RURAL_MIGRANT'], subdistrictId: options.subdistrictId };
    const created = await app.request('POST', '/api/labourers', { token, body });
    expect(created.status).toBe(201);
    return created.body.labourerId as string;
  };
  const many = async (count: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await one());
    return ids;
  };
  return { one, many };
}

import { labourerRegistrar, type LabourerRegistrar } from './labourers';
import { providerWithAccount } from './past-cohorts';
import type { TestApp } from './test-app';

/** The cast many e2e specs start from: the seeded admin and reviewer, two providers and a registrar of people, all in the first subdistrict. */
export interface TwoProviders {
  readonly admin: string;
  readonly reviewer: string;
  readonly providerA: string;
  readonly providerB: string;
  readonly nancun: string;
  readonly registrar: LabourerRegistrar;
}

/** Usernames and the people's sequence range must differ per spec file: the specs share one database. */
export async function twoProviders(app: TestApp, usernames: readonly [string, string], people: { born: string; name: string; firstSequence: number }): Promise<TwoProviders> {
  const [admin, reviewer] = await Promise.all([app.login('admin'), app.login('reviewer')]);
  const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
  const providerA = (await providerWithAccount(app, admin, usernames[0], nancun)).token;
  const providerB = (await providerWithAccount(app, admin, usernames[1], nancun)).token;
  return { admin, reviewer, providerA, providerB, nancun, registrar: labourerRegistrar(app, admin, { subdistrictId: nancun, ...people }) };
}

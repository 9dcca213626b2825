import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@skills/domain';
import type { Role } from '@skills/platform';
import { claimFor, completedCohort } from '../../support/claimed-cohorts';
import { labourerRegistrar } from '../../support/labourers';
import { addDays, providerWithAccount } from '../../support/past-cohorts';
import type { TestApp } from '../../support/test-app';

export interface Account {
  readonly username: string;
  readonly password: string;
}

/** An account of the given roles with a known password (the seeded ones have generated passwords). */
export async function accountWith(app: TestApp, username: string, roles: Role[], scope: { subdistrictId?: string } = {}): Promise<Account> {
  const password = `pw-${username}`;
  await app.system.accounts.create({ userId: randomUUID(), username, password, roles, scope });
  return { username, password };
}

export interface ReviewCast {
  readonly provider: Account & { readonly token: string; readonly providerId: string };
  readonly reviewer: Account;
  readonly approver: Account;
  /** One person holding both levels' roles: R-CLAIM-3 still refuses them the approval of what they checked. */
  readonly both: Account;
  /** Six registered people: two cohorts' worth. */
  readonly labourerIds: readonly string[];
}

/**
 * The people of a review in the browser specs, the provider and the people in the `subdistrict`-th unit (南村镇 first). Usernames carry `prefix`, since each spec's accounts live in one
 * database of their own but the names must not clash with the seeded ones.
 */
export async function reviewCast(app: TestApp, prefix: string, firstSequence: number, subdistrict = 0): Promise<ReviewCast> {
  const admin = await app.login('admin');
  const nancun = app.directory.subdistrictList()[subdistrict]!.subdistrictId;
  const username = `${prefix}-provider`;
  const provider = await providerWithAccount(app, admin, username, nancun);
  const labourerIds = await labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1990-04-04', name: '赵学员', firstSequence }).many(6);
  return {
    provider: { username, password: `pw-${username}`, ...provider },
    reviewer: await accountWith(app, `${prefix}-reviewer`, ['REVIEWER']),
    approver: await accountWith(app, `${prefix}-approver`, ['APPROVER']),
    both: await accountWith(app, `${prefix}-both`, ['REVIEWER', 'APPROVER']),
    labourerIds,
  };
}

/**
 * R-FREE-3 on a general cohort of three people (the cast's first three unless said) that ended 40 days ago: 7, 6 and 7 days attended (1000 + 900 +
 * 1000 yuan = 290000 fen), every gate holding, so the claim is READY_FOR_REVIEW at once.
 */
export async function readyClaim(app: TestApp, cast: ReviewCast, people: readonly string[] = cast.labourerIds.slice(0, 3)): Promise<{ claimId: string; cohortId: string }> {
  const reviewerToken = await app.login('reviewer');
  const today = shanghaiDateOf(new Date().toISOString());
  const { cohortId } = await completedCohort(app, { provider: cast.provider.token, reviewer: reviewerToken }, people, {
    programmeType: 'GENERAL',
    startDay: addDays(today, -40),
    attended: [7, 6, 7],
    certified: 2,
    employed: 1,
  });
  const claim = await claimFor(app, cast.provider.token, 'R-FREE-3', cohortId);
  if (claim.status !== 'READY_FOR_REVIEW' || claim.totalFen !== 290_000) throw new Error(`expected a 290000 fen claim ready for review, got ${JSON.stringify(claim)}`);
  // The queue is a read model a moment behind: the pages are opened once it shows the claim.
  for (let tries = 0; ; tries++) {
    const queue = await app.request('GET', '/api/review-queue?limit=200', { token: reviewerToken });
    if ((queue.body?.items ?? []).some((item: { claimId: string }) => item.claimId === claim.claimId)) break;
    if (tries > 100) throw new Error(`claim ${claim.claimId} did not reach the review queue: ${queue.text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { claimId: claim.claimId, cohortId };
}

import { startTestApp, type TestApp } from '../../support/test-app';
import { ensureConsoleBuilt, launchBrowser } from './browser';
import { readyClaim, reviewCast, type ReviewCast } from './review-cast';

export interface ReviewConsole {
  readonly app: TestApp;
  readonly browser: Awaited<ReturnType<typeof launchBrowser>>;
  readonly cast: ReviewCast;
  /** Two claims READY_FOR_REVIEW: the cast's first three people's, then its last three's. */
  readonly claims: readonly [string, string];
}

/**
 * What each review spec starts from: the built console served by a fresh app, a review cast whose usernames carry
 * `prefix`, two claims ready for review and a browser. Whatever was started is closed again if a later step fails.
 */
export async function startReviewConsole(prefix: string, firstSequence: number): Promise<ReviewConsole> {
  ensureConsoleBuilt();
  const app = await startTestApp();
  try {
    const cast = await reviewCast(app, prefix, firstSequence);
    const first = (await readyClaim(app, cast, cast.labourerIds.slice(0, 3))).claimId;
    const second = (await readyClaim(app, cast, cast.labourerIds.slice(3, 6))).claimId;
    return { app, cast, claims: [first, second], browser: await launchBrowser() };
  } catch (error) {
    await app.close();
    throw error;
  }
}

export async function closeReviewConsole(started: Partial<Pick<ReviewConsole, 'app' | 'browser'>>): Promise<void> {
  await started.browser?.close();
  await started.app?.close();
}

import { shanghaiDateOf, type CalendarDate } from '@skills/domain';
import { completeNoticeTimer, findDueNoticeTimers, postponeNoticeTimer } from '@skills/projections';
import type { SqlExecutor } from '@skills/sql';
import { FailureBackoff, RoundLoop } from '../scheduling';
import { systemClock, type Clock } from '../gates/clock';
import { releaseAfterNotice, type NoticeReleaseDeps } from './release-after-notice';

export interface NoticeTimerDeps extends NoticeReleaseDeps {
  readonly db: SqlExecutor;
}

export interface NoticeTimerOptions {
  readonly clock?: Clock;
  /** Pause between two rounds. */
  readonly intervalMs?: number;
  readonly onRelease?: (claimId: string, day: CalendarDate) => void;
  /** A claim found on notice with an objection in its own period: held, never released (the streams disagree). */
  readonly onHeld?: (claimId: string) => void;
  readonly onError?: (error: unknown, claimId?: string) => void;
}

/** One round: the day it judged, the claims released and those whose timer moved or ended without a release. */
export interface NoticeRound {
  readonly day: CalendarDate;
  readonly released: readonly string[];
  readonly done: readonly string[];
  readonly postponed: readonly string[];
}

/**
 * R-CLAIM-3 public notice (公示) in the worker: each round (at start, then every intervalMs) reads the durable timers
 * due by today (rows of notice_timers, kept by the claim-notices projection, so a restart loses none) and releases for
 * payment each claim whose notice period ended with no objection. The day is the Clock's, in Shanghai: a release is
 * due the day after the period's last day, never before.
 */
export class NoticeTimer extends RoundLoop<NoticeRound> {
  /** Claims whose release failed: tried again after a pause that doubles, up to five minutes. */
  private readonly failing = new FailureBackoff();

  constructor(
    private readonly deps: NoticeTimerDeps,
    private readonly options: NoticeTimerOptions = {},
  ) {
    super(options);
  }

  protected async round(): Promise<NoticeRound> {
    const now = (this.options.clock ?? systemClock).now();
    const day = shanghaiDateOf(now.toISOString());
    const released: string[] = [];
    const done: string[] = [];
    const postponed: string[] = [];
    for (const due of await findDueNoticeTimers(this.deps.db, day)) {
      if (this.halted) break;
      if (this.failing.pausing(due.claimId)) continue;
      try {
        const outcome = await releaseAfterNotice(this.deps, due.claimId, now);
        this.failing.succeeded(due.claimId);
        if (outcome.action === 'WAIT') {
          // The claim's own stream says its period ends later (a newer approval the read model has not applied yet).
          await postponeNoticeTimer(this.deps.db, due, outcome.dueOn);
          postponed.push(due.claimId);
          continue;
        }
        await completeNoticeTimer(this.deps.db, due);
        if (outcome.action === 'RELEASE') {
          released.push(due.claimId);
          this.options.onRelease?.(due.claimId, day);
        } else {
          done.push(due.claimId);
          if (outcome.action === 'OBJECTED') this.options.onHeld?.(due.claimId);
        }
      } catch (error) {
        // The timer stays due and is tried again later; the others go on.
        this.failing.failed(due.claimId);
        this.options.onError?.(error, due.claimId);
      }
    }
    return { day, released, done, postponed };
  }
}

import { shanghaiDateOf, type CalendarDate, type ClaimGateEvent } from '@skills/domain';
import { START_POSITION, comparePositions, type GlobalPosition } from '@skills/event-store';
import {
  cohortOutcomesProjection,
  committedHeadPosition,
  findDueGateClaims,
  gateWatchProjection,
  markGateClaimEvaluated,
  readCheckpoint,
  resolveGateFactTouches,
} from '@skills/projections';
import { FailureBackoff, RoundLoop } from '../scheduling';
import { systemClock, type Clock } from './clock';
import { evaluateClaimGates, type GateEvaluationDeps } from './evaluate-claim-gates';

export interface GateEvaluatorOptions {
  readonly clock?: Clock;
  /** Pause between two rounds. */
  readonly intervalMs?: number;
  /** How long a round waits for the read models to apply what was committed when it began; then it is skipped. */
  readonly catchUpTimeoutMs?: number;
  readonly onDecision?: (claimId: string, events: readonly ClaimGateEvent[]) => void;
  readonly onError?: (error: unknown, claimId?: string) => void;
}

/** One round: the day it judged, whether the read models had caught up, the claims evaluated and what they recorded. */
export interface GateRound {
  readonly day: CalendarDate;
  readonly caughtUp: boolean;
  readonly evaluated: number;
  readonly decisions: readonly { readonly claimId: string; readonly types: readonly string[] }[];
}

/** The read models a round judges from: the facts the gates count, and what the evaluator watches. */
const READ_MODELS = [cohortOutcomesProjection.name, gateWatchProjection.name];

/**
 * R-GATE-4 in the worker. Each round (at start, then every intervalMs) waits until the cohort-outcomes and gate-watch
 * read models have applied every event committed when it began, turns the facts recorded since the last round into
 * claims to look at, adds the claims whose window closed by today (the durable timers, read from the table each
 * round, so a restart loses none), and evaluates each one. A round never judges from a read model that is behind: a
 * window closing on a fact not yet applied would fail a gate for good.
 */
export class GateEvaluator extends RoundLoop<GateRound> {
  /** Claims whose evaluation failed: tried again after a pause that doubles, up to five minutes, not every round. */
  private readonly failing = new FailureBackoff();

  constructor(
    private readonly deps: GateEvaluationDeps,
    private readonly options: GateEvaluatorOptions = {},
  ) {
    super(options);
  }

  protected async round(): Promise<GateRound> {
    const now = (this.options.clock ?? systemClock).now();
    const day = shanghaiDateOf(now.toISOString());
    const head = await committedHeadPosition(this.deps.db);
    if (!(await this.caughtUp(head))) return { day, caughtUp: false, evaluated: 0, decisions: [] };
    await resolveGateFactTouches(this.deps.db, head);
    const decisions: { claimId: string; types: string[] }[] = [];
    let evaluated = 0;
    for (const due of await findDueGateClaims(this.deps.db, day)) {
      if (this.halted) break;
      if (this.failing.pausing(due.claimId)) continue;
      try {
        const result = await evaluateClaimGates(this.deps, due.claimId, now);
        // Left due: a clock behind the claim's figures judges nothing, and one that catches up will.
        if (result.outcome === 'CLOCK_BEHIND') continue;
        await markGateClaimEvaluated(this.deps.db, due, day);
        this.failing.succeeded(due.claimId);
        evaluated++;
        if (result.events.length > 0) {
          decisions.push({ claimId: due.claimId, types: result.events.map((e) => e.type) });
          this.options.onDecision?.(due.claimId, result.events);
        }
      } catch (error) {
        // The claim stays due and is tried again later; the others go on.
        this.failing.failed(due.claimId);
        this.options.onError?.(error, due.claimId);
      }
    }
    return { day, caughtUp: true, evaluated, decisions };
  }

  private async caughtUp(head: GlobalPosition): Promise<boolean> {
    const deadline = Date.now() + (this.options.catchUpTimeoutMs ?? 10_000);
    for (;;) {
      const checkpoints = await Promise.all(READ_MODELS.map((name) => readCheckpoint(this.deps.db, name)));
      if (checkpoints.every((c) => comparePositions(c?.position ?? START_POSITION, head) >= 0)) return true;
      if (this.halted || Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

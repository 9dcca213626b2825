import { GateEvaluator, type GateRound } from '@skills/platform';
import type { TestApp } from './test-app';

/**
 * R-GATE-4: one round of a gate evaluator like the worker's, on the test app's system, its clock at noon of `day` in
 * Shanghai; the round is expected to have caught up with every recorded event.
 */
export async function gatesOn(app: TestApp, day: string): Promise<GateRound> {
  const deps = { db: app.system.db, store: app.system.store, catalogue: app.system.catalogue, policyOn: (date: string) => app.system.policies.inForceOn(date) };
  const evaluator = new GateEvaluator(deps, { clock: { now: () => new Date(`${day}T04:00:00Z`) } });
  try {
    const round = await evaluator.runOnce();
    expect(round).toMatchObject({ day, caughtUp: true });
    return round;
  } finally {
    await evaluator.stop();
  }
}

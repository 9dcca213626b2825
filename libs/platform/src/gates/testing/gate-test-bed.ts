import { createEventCatalogue, type CalendarDate, type EventCatalogue } from '@skills/domain';
import { SqlEventStore } from '@skills/event-store';
import { JCCQ_2020_12, policyInForceOn } from '@skills/policy';
import { ALL_PROJECTIONS, ProjectionRunner } from '@skills/projections';
import { migrate } from '@skills/sql';
import { createTestDatabase, type TestDatabase } from '@skills/sql/testing';
import { ALL_MIGRATIONS } from '../../system/system';
import type { Clock } from '../clock';
import type { GateEvaluationDeps } from '../evaluate-claim-gates';
import { GateEvaluator } from '../gate-evaluator';
import { at, GateHistory } from './gate-history';

/**
 * What the gate evaluator runs on in the worker, for a spec file: a migrated PostgreSQL database, the real projection
 * runner, and a clock the test sets to a day (10:00 in Shanghai). `start` in `beforeAll`, `stop` in `afterAll`.
 */
export class GateTestBed {
  /** The day the clock reads; a test moves it. */
  today: CalendarDate = '2021-04-10';
  readonly clock: Clock = { now: () => new Date(at(this.today)) };
  database!: TestDatabase;
  store!: SqlEventStore;
  catalogue!: EventCatalogue;
  runner!: ProjectionRunner;
  history!: GateHistory;
  deps!: GateEvaluationDeps;

  async start(): Promise<void> {
    this.database = await createTestDatabase(6);
    await migrate(this.database.db, ALL_MIGRATIONS);
    this.store = new SqlEventStore(this.database.db);
    this.catalogue = createEventCatalogue();
    const policyOn = (date: CalendarDate) => policyInForceOn([JCCQ_2020_12], date);
    this.deps = { db: this.database.db, store: this.store, catalogue: this.catalogue, policyOn };
    this.history = new GateHistory(this.database.db, this.store, this.catalogue, policyOn);
    this.runner = new ProjectionRunner(this.database.db, this.store, this.catalogue, ALL_PROJECTIONS, { pollIntervalMs: 20 });
    await this.runner.start();
  }

  async stop(): Promise<void> {
    await this.runner?.stop();
    await this.store?.close();
    await this.database?.drop();
  }

  /** A round of a fresh evaluator on `day`, once the projections have applied everything. */
  async roundOn(day: CalendarDate) {
    this.today = day;
    await this.runner.waitUntilCaughtUp();
    const evaluator = new GateEvaluator(this.deps, { clock: this.clock });
    const round = await evaluator.runOnce();
    await evaluator.stop();
    expect(round.caughtUp).toBe(true);
    return round;
  }
}

import { DomainError } from '@skills/domain';
import { JCCQ_2020_12 } from '@skills/policy';
import type { PolicySimulationReport, SimulationOptions } from '@skills/platform';
import { SimulationRuns, type SimulationRequest } from './simulation-runs';

/** A simulation the test finishes by hand, reporting progress as it is told. */
function controlledSimulation() {
  let options: SimulationOptions = {};
  let finish: (report: PolicySimulationReport) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const simulate = jest.fn((_input: unknown, given: SimulationOptions) => {
    options = given;
    return new Promise<PolicySimulationReport>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  });
  return { simulate, progress: (eventsRead: number, eventsTotal: number) => options.onProgress?.({ eventsRead, eventsTotal }), finish: (r: PolicySimulationReport) => finish(r), fail: (e: unknown) => fail(e) };
}

const reportOf = (eventsRead: number) => ({ eventsRead, claims: { total: 0 } }) as unknown as PolicySimulationReport;

const request = (simulationId: string, requestHash = 'hash-a'): SimulationRequest => ({
  simulationId,
  requestHash,
  requestedBy: 'user-1',
  candidate: { source: 'PUBLISHED', policyVersion: 'JCCQ-2020-12.v1' },
  input: { candidate: JCCQ_2020_12, asOf: '2022-06-30' },
});

const ID = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'] as const;
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('simulation runs kept in memory (issue 4, policy simulation)', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = Date.parse('2022-07-01T02:00:00Z');
  });

  it('answers RUNNING at once, then progress as a floor percent and events/s, then DONE with the report', async () => {
    const sim = controlledSimulation();
    const runs = new SimulationRuns(sim.simulate, { now });
    const { run, alreadyStarted } = runs.start(request(ID[0]));
    expect(alreadyStarted).toBe(false);
    expect(run).toMatchObject({ simulationId: ID[0], status: 'RUNNING', asOf: '2022-06-30', finishedAt: null, progress: { eventsRead: 0, eventsTotal: 0, percent: 0, eventsPerSecond: 0 } });
    expect(sim.simulate).not.toHaveBeenCalled(); // started on the next turn, after the POST is answered
    await turn();
    sim.progress(2_999, 12_000);
    clock += 2_000;
    // 2,999 of 12,000 is 24.99%: shown as 24; 2,999 events in 2 s is 1,500/s (rounded).
    expect(runs.find(ID[0])!.progress).toEqual({ eventsRead: 2_999, eventsTotal: 12_000, percent: 24, eventsPerSecond: 1_500 });
    sim.finish(reportOf(12_000));
    clock += 1_000;
    await runs.settled(ID[0]);
    const done = runs.find(ID[0].toUpperCase())!;
    expect(done).toMatchObject({ status: 'DONE', progress: { eventsRead: 12_000, eventsTotal: 12_000, percent: 100, eventsPerSecond: 4_000 }, report: { eventsRead: 12_000 } });
    expect(done.finishedAt).toBe('2022-07-01T02:00:03.000Z');
  });

  it('the same key and request answer the same run; the same key with another request is refused', async () => {
    const sim = controlledSimulation();
    const runs = new SimulationRuns(sim.simulate, { now });
    runs.start(request(ID[0]));
    const again = runs.start(request(ID[0]));
    expect(again).toMatchObject({ alreadyStarted: true, run: { simulationId: ID[0], status: 'RUNNING' } });
    expect(() => runs.start(request(ID[0], 'hash-b'))).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY.KEY_REUSED' }));
    await turn();
    expect(sim.simulate).toHaveBeenCalledTimes(1);
  });

  it('one run at a time: a second request while one runs is refused naming the running one; after it, it starts', async () => {
    const sim = controlledSimulation();
    const runs = new SimulationRuns(sim.simulate, { now });
    runs.start(request(ID[0]));
    let refused: unknown;
    try {
      runs.start(request(ID[1]));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'SIMULATION.ALREADY_RUNNING', kind: 'conflict', details: { runningSimulationId: ID[0] } });
    expect(runs.find(ID[1])).toBeUndefined();
    await turn();
    sim.finish(reportOf(10));
    await runs.settled(ID[0]);
    expect(runs.start(request(ID[1])).run.status).toBe('RUNNING');
  });

  it('a failed run shows a rule error by its code, and any other error as SIMULATION.FAILED without its text', async () => {
    const sim = controlledSimulation();
    const failures: string[] = [];
    const runs = new SimulationRuns(sim.simulate, { now, onFailure: (id) => failures.push(id) });
    runs.start(request(ID[0]));
    await turn();
    sim.fail(new DomainError('POLICY.NONE_IN_FORCE', 'no policy version is in force on 2019-01-01', 'rule'));
    await runs.settled(ID[0]);
    expect(runs.find(ID[0])).toMatchObject({ status: 'FAILED', error: { code: 'POLICY.NONE_IN_FORCE', message: 'no policy version is in force on 2019-01-01' } });
    runs.start(request(ID[1]));
    await turn();
    sim.fail(new Error('connection reset: host db-1'));
    await runs.settled(ID[1]);
    const failed = runs.find(ID[1])!;
    expect(failed.error!.code).toBe('SIMULATION.FAILED');
    expect(failed.error!.message).not.toContain('db-1');
    expect(failures).toEqual([ID[0], ID[1]]);
  });

  it('keeps the last `capacity` runs: the oldest finished one is dropped', async () => {
    const sim = controlledSimulation();
    const runs = new SimulationRuns(sim.simulate, { now, capacity: 2 });
    for (const id of ID) {
      runs.start(request(id));
      await turn();
      sim.finish(reportOf(1));
      await runs.settled(id);
    }
    expect(runs.find(ID[0])).toBeUndefined();
    expect(runs.find(ID[1])?.status).toBe('DONE');
    expect(runs.find(ID[2])?.status).toBe('DONE');
  });
});

import { DomainError } from '@skills/domain';
import { InMemoryRuns, type RunWork } from './in-memory-runs';

const ID = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-00000000000c'] as const;
const turn = () => new Promise((resolve) => setImmediate(resolve));

interface Asked {
  readonly requestHash: string;
  readonly label: string;
}
const asked = (requestHash = 'hash-a'): Asked => ({ requestHash, label: 'asked' });

/** Work the test finishes by hand, reporting progress as it is told. */
function controlled() {
  let progress: (read: number, total: number) => void = () => undefined;
  let finish: (result: number) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const work = jest.fn<ReturnType<RunWork<number>>, Parameters<RunWork<number>>>((onProgress) => {
    progress = onProgress;
    return new Promise<number>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  });
  return { work, progress: (r: number, t: number) => progress(r, t), finish: (n: number) => finish(n), fail: (e: unknown) => fail(e) };
}

describe('in-memory runs (the bookkeeping shared by policy simulations and evaluation reports)', () => {
  let clock = 0;
  const failures: string[] = [];
  const runsOf = (capacity = 10) =>
    new InMemoryRuns<Asked, number>({
      capacity,
      now: () => clock,
      onFailure: (runId) => failures.push(runId),
      alreadyRunning: { code: 'TEST.ALREADY_RUNNING', noun: 'test run', followAt: (id) => `/api/tests/${id}`, detailsKey: 'runningId' },
      internalFailure: { code: 'TEST.FAILED', message: 'stopped on our side: start it again' },
    });
  beforeEach(() => {
    clock = Date.parse('2024-01-01T00:00:00Z');
    failures.length = 0;
  });

  it('a run is RUNNING at once, its work starts on the next turn, progress is kept, then DONE with the result and its end time', async () => {
    const runs = runsOf();
    const c = controlled();
    const { run, alreadyStarted } = runs.start(ID[0], asked(), c.work);
    expect(alreadyStarted).toBe(false);
    expect(run).toMatchObject({ status: 'RUNNING', startedAtMs: clock, finishedAtMs: null, progress: { eventsRead: 0, eventsTotal: 0 }, request: { label: 'asked' } });
    expect(c.work).not.toHaveBeenCalled();
    await turn();
    expect(c.work).toHaveBeenCalledTimes(1);
    c.progress(40, 160);
    expect(runs.find(ID[0])?.progress).toEqual({ eventsRead: 40, eventsTotal: 160 });
    clock += 5_000;
    c.finish(42);
    await runs.settled(ID[0]);
    expect(runs.find(ID[0].toUpperCase())).toMatchObject({ status: 'DONE', result: 42, finishedAtMs: Date.parse('2024-01-01T00:00:05Z') });
    expect(runs.find(ID[0])?.error).toBeUndefined();
  });

  it('the same id and request hash answer the same run without starting work again; the same id with another hash is refused', async () => {
    const runs = runsOf();
    const c = controlled();
    const first = runs.start(ID[0], asked(), c.work).run;
    const again = runs.start(ID[0], asked(), c.work);
    expect(again.alreadyStarted).toBe(true);
    expect(again.run).toBe(first);
    expect(() => runs.start(ID[0], asked('hash-b'), c.work)).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY.KEY_REUSED' }));
    await turn();
    expect(c.work).toHaveBeenCalledTimes(1);
  });

  it('one run at a time: a second id while one runs gets the feature’s conflict naming the running id, and is not kept', async () => {
    const runs = runsOf();
    const c = controlled();
    runs.start(ID[0], asked(), c.work);
    let refused: unknown;
    try {
      runs.start(ID[1], asked(), controlled().work);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: 'TEST.ALREADY_RUNNING',
      kind: 'conflict',
      message: `test run ${ID[0]} is running: one runs at a time; follow it with GET /api/tests/${ID[0]} and start yours when it is done`,
      details: { runningId: ID[0] },
    });
    expect(runs.find(ID[1])).toBeUndefined();
    await turn();
    c.finish(1);
    await runs.settled(ID[0]);
    expect(runs.start(ID[1], asked(), controlled().work).alreadyStarted).toBe(false);
  });

  it('a domain error keeps its code and message; any other error shows the internal failure without its text; both are reported', async () => {
    const runs = runsOf();
    const ruled = controlled();
    runs.start(ID[0], asked(), ruled.work);
    await turn();
    ruled.fail(new DomainError('TEST.RULE', 'no rule in force on 2019-01-01', 'rule'));
    await runs.settled(ID[0]);
    expect(runs.find(ID[0])).toMatchObject({ status: 'FAILED', error: { code: 'TEST.RULE', message: 'no rule in force on 2019-01-01' } });
    expect(runs.find(ID[0])?.result).toBeUndefined();
    const crashed = controlled();
    runs.start(ID[1], asked(), crashed.work);
    await turn();
    crashed.fail(new Error('connection reset by 10.0.0.7'));
    await runs.settled(ID[1]);
    expect(runs.find(ID[1])).toMatchObject({ status: 'FAILED', error: { code: 'TEST.FAILED', message: 'stopped on our side: start it again' } });
    expect(JSON.stringify(runs.find(ID[1]))).not.toContain('10.0.0.7');
    expect(failures).toEqual([ID[0], ID[1]]);
  });

  it('keeps the last `capacity` runs: starting a third of capacity 2 drops the oldest finished one, never the running one', async () => {
    const runs = runsOf(2);
    for (const id of ID.slice(0, 2)) {
      const c = controlled();
      runs.start(id, asked(), c.work);
      await turn();
      c.finish(1);
      await runs.settled(id);
    }
    runs.start(ID[2], asked(), controlled().work);
    expect(runs.find(ID[0])).toBeUndefined();
    expect(runs.find(ID[1])?.status).toBe('DONE');
    expect(runs.find(ID[2])?.status).toBe('RUNNING');
  });
});

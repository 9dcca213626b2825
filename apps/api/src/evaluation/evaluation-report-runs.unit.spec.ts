import { DomainError } from '@skills/domain';
import { EvaluationReportRuns, type ProduceReport, type ReportRunRequest } from './evaluation-report-runs';

const ID = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'] as const;
const REPORT = '00000000-0000-4000-8000-0000000000aa';
const turn = () => new Promise((resolve) => setImmediate(resolve));

const request = (runId: string, requestHash = 'hash-a'): ReportRunRequest => ({ runId, reportId: REPORT, requestHash, requestedBy: 'evaluator', period: '2021 上半年', asOf: '2021-06-30', subdistrictId: null });

/** A run the test finishes by hand, reporting progress as it is told. */
function controlled() {
  let progress: (read: number, total: number) => void = () => undefined;
  let finish: (hash: string) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const produce: ProduceReport = (onProgress) => {
    progress = onProgress;
    return new Promise((resolve, reject) => {
      finish = (contentHash) => resolve({ contentHash });
      fail = reject;
    });
  };
  return { produce, progress: (r: number, t: number) => progress(r, t), finish: (h: string) => finish(h), fail: (e: unknown) => fail(e) };
}

describe('evaluation report runs (R-EVAL-1: long runs show progress)', () => {
  it('R-EVAL-1 a run is RUNNING with its progress, then DONE with the frozen report id and content hash', async () => {
    const runs = new EvaluationReportRuns();
    const work = controlled();
    const { run, alreadyStarted } = runs.start(request(ID[0]), work.produce);
    expect(alreadyStarted).toBe(false);
    expect(run).toMatchObject({ runId: ID[0], status: 'RUNNING', progress: { eventsRead: 0, eventsTotal: 0, percent: 0 } });
    expect(run.reportId).toBeUndefined();
    await turn();
    work.progress(250, 1_000);
    expect(runs.find(ID[0])?.progress).toEqual({ eventsRead: 250, eventsTotal: 1_000, percent: 25 });
    work.finish('f'.repeat(64));
    await runs.settled(ID[0]);
    expect(runs.find(ID[0])).toMatchObject({ status: 'DONE', reportId: REPORT, contentHash: 'f'.repeat(64), progress: { percent: 100 } });
  });

  it('the same key and request answer the same run; the same key for another request is refused', async () => {
    const runs = new EvaluationReportRuns();
    const work = controlled();
    runs.start(request(ID[0]), work.produce);
    expect(runs.start(request(ID[0]), work.produce).alreadyStarted).toBe(true);
    expect(() => runs.start(request(ID[0], 'hash-b'), work.produce)).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY.KEY_REUSED' }));
    await turn();
    work.finish('a'.repeat(64));
    await runs.settled(ID[0]);
  });

  it('one run at a time: a second while one runs is refused (409) naming the running one; after it, a second starts', async () => {
    const runs = new EvaluationReportRuns();
    const first = controlled();
    runs.start(request(ID[0]), first.produce);
    let refused: unknown;
    try {
      runs.start(request(ID[1]), controlled().produce);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'EVALUATION.REPORT_ALREADY_RUNNING', kind: 'conflict', details: { runningRunId: ID[0] } });
    await turn();
    first.finish('a'.repeat(64));
    await runs.settled(ID[0]);
    expect(runs.start(request(ID[1]), controlled().produce).alreadyStarted).toBe(false);
  });

  it('a failure on our side is FAILED with a stable code and no internals; a domain error keeps its code; no report id', async () => {
    const failures: string[] = [];
    const runs = new EvaluationReportRuns({ onFailure: (runId) => failures.push(runId) });
    const work = controlled();
    runs.start(request(ID[0]), work.produce);
    await turn();
    work.fail(new Error('connection reset by 10.0.0.7'));
    await runs.settled(ID[0]);
    const failed = runs.find(ID[0])!;
    expect(failed).toMatchObject({ status: 'FAILED', error: { code: 'EVALUATION.REPORT_FAILED' } });
    expect(JSON.stringify(failed)).not.toContain('10.0.0.7');
    expect(failed.reportId).toBeUndefined();
    expect(failures).toEqual([ID[0]]);
    const second = controlled();
    runs.start(request(ID[1]), second.produce);
    await turn();
    second.fail(new DomainError('EVALUATION.NO_TARGET_SET', 'No target set is in force', 'validation'));
    await runs.settled(ID[1]);
    expect(runs.find(ID[1])?.error?.code).toBe('EVALUATION.NO_TARGET_SET');
  });
});

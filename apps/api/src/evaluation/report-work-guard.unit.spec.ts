import { ReportWorkGuard } from './report-work-guard';

const RUN = '00000000-0000-4000-8000-0000000000a1';
const REPORT = '00000000-0000-4000-8000-0000000000b2';

describe('one read of the history at a time (R-EVAL-1, issue 7 limits)', () => {
  it('R-EVAL-1 a second reader is refused with a 409 naming what runs and saying to retry; released, the next one goes', async () => {
    const guard = new ReportWorkGuard();
    const release = guard.acquire({ kind: 'run', runId: RUN });
    expect(() => guard.acquire({ kind: 'verify', reportId: REPORT })).toThrow(
      expect.objectContaining({ code: 'EVALUATION.REPORT_ALREADY_RUNNING', kind: 'conflict', details: { runningRunId: RUN, retryAfterSeconds: 5 }, message: expect.stringContaining('retry in 5 seconds') }),
    );
    release();
    release(); // twice changes nothing
    let finish: () => void = () => undefined;
    const verifying = guard.run({ kind: 'verify', reportId: REPORT }, () => new Promise<void>((resolve) => (finish = resolve)));
    expect(() => guard.acquire({ kind: 'trace', reportId: REPORT })).toThrow(expect.objectContaining({ code: 'EVALUATION.BUSY', details: { busyWith: 'verify', reportId: REPORT, retryAfterSeconds: 5 } }));
    finish();
    await verifying;
    expect(guard.busyWith).toBeNull();
    // A failing task releases too.
    await expect(guard.run({ kind: 'trace', reportId: REPORT }, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(guard.busyWith).toBeNull();
  });
});

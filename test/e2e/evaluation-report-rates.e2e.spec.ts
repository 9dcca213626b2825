import { randomUUID } from 'node:crypto';
import { toCohortStreamId } from '@skills/domain';
import { completedCohort } from '../support/claimed-cohorts';
import { evaluationFixture } from '../support/evaluation-fixture';
import { expectStatus } from '../support/keyed-requests';
import { onDay } from '../support/past-cohorts';
import { twoProviders } from '../support/two-providers';

/**
 * R-EVAL-1, R-GATE-2, R-GATE-4, R-MON-1: the rates and data-quality sections of the report over HTTP. Providers and
 * five Nancun rural migrants (a key group) are recorded on 2021-02-01; provider A's GENERAL cohort runs 2021-03-01 to
 * 2021-03-10 (planned end 2021-03-10), all five attend 10 days and pass; two are certified on 2021-03-15. The
 * certification window closes 90 days after the planned end, on 2021-06-08: 2 of 5 = 40% < 60%, so the cohort failed
 * R-GATE-2. The district report for H1-2021 as of 2021-06-15 is frozen. On 2021-06-20 a third trainee's certificate,
 * issued 2021-05-20 inside the window, is recorded: too late for the gate.
 */
describe('the evaluation report: rates, failed cohorts and late certificates as of a day (R-EVAL-1, R-GATE-4)', () => {
  const given = evaluationFixture();
  const { post, get } = given;
  let cohortId: string;
  let frozen: { reportId: string; contentHash: string; report: any };

  /** The evaluator's report for `body`, followed to DONE and read. */
  const runReport = async (body: Record<string, unknown>) => {
    const { run } = await given.runReport(given.evaluator, body);
    if (run.status !== 'DONE') throw new Error(`run ${run.status}: ${JSON.stringify(run.error)}`);
    return expectStatus(await get(given.evaluator, `/api/evaluation/reports/${run.reportId}`), 200).body;
  };

  const loginAs = async (username: string) => expectStatus(await given.app.request('POST', '/api/auth/login', { body: { username, password: `pw-${username}` } }), 200).body.token as string;

  beforeAll(async () => {
    const cast = await onDay('2021-02-01', () => twoProviders(given.app, ['eval-rates-a', 'eval-rates-b'], { born: '1989-08-08', name: '孙学员', firstSequence: 860 }));
    const people = await onDay('2021-02-01', () => cast.registrar.many(5));
    // Tokens issued on the faked 2021-02-01 would have expired by the cohort's days: log in again on the real clock.
    const [reviewer, provider] = await Promise.all([given.app.login('reviewer'), loginAs('eval-rates-a')]);
    ({ cohortId } = await completedCohort(given.app, { provider, reviewer }, people, { programmeType: 'GENERAL', startDay: '2021-03-01', attended: [10, 10, 10, 10, 10], certified: 2, employed: 0 }));
    await given.app.system.runner!.waitUntilCaughtUp();
    frozen = await runReport({ period: 'H1-2021', asOf: '2021-06-15' });
    const { occupation } = expectStatus(await get(given.admin, `/api/cohorts/${cohortId}`), 200).body;
    await onDay('2021-06-20', async () => {
      const body = { labourerId: people[2], type: 'SKILL_LEVEL', level: 'JUNIOR', occupation, number: `LATE-${randomUUID().slice(0, 8)}`, issuer: '某评价机构', issuedOn: '2021-05-20' };
      expectStatus(await post('/api/certificates', given.admin, body), 201);
    });
  });

  it('R-EVAL-1 R-GATE-1 R-GATE-2 as of 2021-06-15: GENERAL and provider A each 1 cohort, pass 5/5, certification 2/5, 1 failed cohort; the thresholds 95%, 60%, 30%', () => {
    const { rates } = frozen.report;
    expect(rates.thresholds.find((t: any) => t.programmeType === 'GENERAL')).toEqual({
      programmeType: 'GENERAL',
      pass: { numerator: 95, denominator: 100 },
      certification: { numerator: 60, denominator: 100 },
      employment: { numerator: 30, denominator: 100 },
    });
    expect(rates.byProgrammeType).toHaveLength(1);
    expect(rates.byProgrammeType[0]).toMatchObject({
      key: 'GENERAL',
      cohorts: { id: 'rates/programme/GENERAL/cohorts', count: 1 },
      pass: { id: 'rates/programme/GENERAL/pass', numerator: 5, denominator: 5 },
      certification: { id: 'rates/programme/GENERAL/certification', numerator: 2, denominator: 5 },
      failedCohorts: { count: 1 },
    });
    expect(rates.byProvider).toHaveLength(1);
    expect(rates.byProvider[0]).toMatchObject({ label: '培训机构 eval-rates-a', cohorts: { count: 1 }, pass: { numerator: 5, denominator: 5 }, certification: { numerator: 2, denominator: 5 } });
    expect(rates.failedCohorts).toEqual([
      expect.objectContaining({ cohortId, programmeType: 'GENERAL', completedOn: '2021-03-10', gates: [{ gate: 'CERTIFICATION', rate: { id: `rates/cohort/${cohortId}/certification`, numerator: 2, denominator: 5 }, threshold: { numerator: 60, denominator: 100 } }] }),
    ]);
  });

  it('R-TGT-1 key-group trainings of 2021: the five rural migrants of a free GENERAL cohort started 2021-03-01 = 5 person-times; new skilled workers 2', () => {
    const line = (code: string, from: string, to: string) => frozen.report.targets.lines.find((l: any) => l.code === code && l.targetPeriod.from === from && l.targetPeriod.to === to);
    expect(line('KEY_GROUP_TRAININGS', '2021-01-01', '2021-12-31').actual.count).toBe(5);
    expect(line('KEY_GROUP_TRAININGS', '2020-01-01', '2020-12-31').actual.count).toBe(0);
    expect(line('NEW_SKILLED_WORKERS', '2021-01-01', '2021-12-31').actual.count).toBe(2);
  });

  it('R-GATE-4 R-MON-1 the certificate recorded on 2021-06-20 after the window: the frozen report reproduces; as of today it is flagged late and the rate stays 2/5', async () => {
    expect(frozen.report.dataQuality.flags.find((f: any) => f.kind === 'LATE_CERTIFICATE')).toMatchObject({ figure: { count: 0 }, cohortIds: [] });
    const verified = expectStatus(await post(`/api/evaluation/reports/${frozen.reportId}/verify`, given.evaluator, {}), 200).body;
    expect(verified).toMatchObject({ reproduced: true, frozenHash: frozen.contentHash, recomputedHash: frozen.contentHash });

    const today = await runReport({ period: 'H1-2021' });
    expect(today.contentHash).not.toBe(frozen.contentHash);
    expect(today.report.dataQuality.flags.find((f: any) => f.kind === 'LATE_CERTIFICATE')).toMatchObject({ figure: { id: 'quality/LATE_CERTIFICATE', count: 1 }, cohortIds: [cohortId] });
    expect(today.report.rates.byProgrammeType[0].certification).toMatchObject({ numerator: 2, denominator: 5 });
    // Towards the task table it counts (issued 2021-05-20, in the task period): Nancun 2 → 3.
    expect(frozen.report.progress.units.find((u: any) => u.subdistrictId === given.nancun).done.count).toBe(2);
    expect(today.report.progress.units.find((u: any) => u.subdistrictId === given.nancun).done.count).toBe(3);
  });

  it("R-MON-1 the failed cohort's certification rate traces to the cohort's stream and the two certificates counted", async () => {
    const trace = expectStatus(await get(given.evaluator, `/api/evaluation/reports/${frozen.reportId}/trace?figure=${encodeURIComponent(`rates/cohort/${cohortId}/certification`)}`), 200).body;
    const streams: string[] = trace.sources.map((s: any) => s.streamId);
    expect(streams).toContain(toCohortStreamId(cohortId));
    const certificates = streams.filter((s) => s.startsWith('certificate-'));
    expect(certificates).toHaveLength(2);
    expect(trace.events.filter((e: any) => e.type === 'CertificateRecorded').map((e: any) => e.streamId).sort()).toEqual(certificates.sort());
    expect(trace.events.filter((e: any) => e.type === 'CertificateRecorded').every((e: any) => e.recordedOn === '2021-03-15')).toBe(true);
    expect(trace.events.some((e: any) => e.streamId === toCohortStreamId(cohortId) && e.type === 'CohortCompleted')).toBe(true);
  });
});

import type { TraineeExplanation } from '@skills/policy';
import type { Principal } from '@skills/platform';
import { traineeExplanationsFor } from './trainee-explanations';

const PROVIDER_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60';
const principal = (roles: Principal['roles'], scope: Principal['scope'] = {}): Principal => ({ userId: '11111111-2222-4333-8444-555555555555', username: 'u', roles, scope });
const provider = principal(['PROVIDER'], { providerId: PROVIDER_ID });

const COUNTED_CERTIFICATE = 'c0ffee00-0000-4abc-8def-000000000001';
const OTHER_CERTIFICATE = 'c0ffee00-0000-4abc-8def-000000000002';
const EMPLOYMENT = 'e1e2e3e4-0000-4a7b-8c9d-000000000003';
const base = { inBase: true, withdrawn: false, reason: 'ENROLLED_AT_START', detail: 'enrolled at the start' } as unknown as TraineeExplanation['base'];

// One trainee certified by one record while another (another provider's, another occupation) did not count, and
// one employment recorded elsewhere that did not count.
const certified: TraineeExplanation = {
  labourerId: '3f6c2a0e-8d1b-4c5e-9a7f-1b2c3d4e5f60',
  base,
  pass: { counted: true, reason: 'PASSED', detail: 'passed the final assessment (培训合格证 issued)' },
  certification: {
    counted: true,
    reason: 'CERTIFIED',
    detail: 'SKILL_LEVEL certificate issued 2021-03-10, inside the window 2021-01-04 to 2021-06-01',
    evidenceId: COUNTED_CERTIFICATE,
    considered: [
      { id: OTHER_CERTIFICATE, counts: false, detail: 'SPECIAL_OPERATION certificate issued 2020-11-02 is for 焊工, not the cohort\'s occupation 电工' },
      { id: COUNTED_CERTIFICATE, counts: true, detail: 'SKILL_LEVEL certificate issued 2021-03-10, inside the window 2021-01-04 to 2021-06-01' },
    ],
  },
  employment: {
    counted: false,
    reason: 'NO_EMPLOYMENT',
    detail: 'no verified employment starting in the window: employment starting 2020-12-01: starts before the cohort started on 2021-01-04',
    considered: [{ id: EMPLOYMENT, counts: false, detail: 'employment starting 2020-12-01: starts before the cohort started on 2021-01-04' }],
  },
};
const withdrawn: TraineeExplanation = {
  labourerId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  base: { ...base, withdrawn: true },
  pass: { counted: false, reason: 'WITHDRAWN', detail: 'withdrew and stays in the base: counts as a failure' },
  certification: { counted: false, reason: 'WITHDRAWN', detail: 'withdrew and stays in the base: counts as a failure' },
  employment: { counted: false, reason: 'WITHDRAWN', detail: 'withdrew and stays in the base: counts as a failure' },
};
// A trainee in the base with a job recorded in time (by an employer, say) that the bureau has not verified yet.
const awaiting: TraineeExplanation = {
  labourerId: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
  base,
  pass: { counted: false, reason: 'NOT_PASSED', detail: 'no passing final assessment: none recorded' },
  certification: { counted: false, reason: 'NO_CERTIFICATE', detail: 'no certificate for the occupation in the window: none recorded', considered: [] },
  employment: {
    counted: false,
    reason: 'AWAITING_VERIFICATION',
    detail: 'awaiting the bureau\'s verification: employment starting 2021-06-02, recorded on 2021-06-03, is not verified yet',
    considered: [{ id: EMPLOYMENT, counts: false, awaitingVerification: true, detail: 'employment starting 2021-06-02, recorded on 2021-06-03, is not verified yet' }],
  },
};

describe('outcome explanations by role (R-GATE-5 and privacy)', () => {
  it('R-GATE-5 the bureau sees every record considered, unchanged', () => {
    for (const role of ['ADMIN', 'REVIEWER', 'APPROVER', 'EVALUATOR'] as const) {
      expect(traineeExplanationsFor(principal([role]), [certified, withdrawn, awaiting])).toEqual([certified, withdrawn, awaiting]);
    }
  });

  it('R-GATE-5 a provider sees counted, the reason and the record that counted, never the records considered', () => {
    const [view] = traineeExplanationsFor(provider, [certified]);
    expect(view!.certification).toEqual({
      counted: true,
      reason: 'CERTIFIED',
      detail: 'SKILL_LEVEL certificate issued 2021-03-10, inside the window 2021-01-04 to 2021-06-01',
      evidenceId: COUNTED_CERTIFICATE,
    });
    expect(view!.pass).toEqual(certified.pass);
    expect(view!.base).toEqual(base);
    const text = JSON.stringify(view);
    for (const leaked of [OTHER_CERTIFICATE, EMPLOYMENT, 'considered', '焊工', 'SPECIAL_OPERATION', '2020-11-02', '2020-12-01']) expect(text).not.toContain(leaked);
  });

  it('R-GATE-5 a provider sees a record gate that did not count as NOT_COUNTED, with no detail of the records', () => {
    const [view, withdrawnView] = traineeExplanationsFor(provider, [certified, withdrawn]);
    expect(view!.employment).toEqual({ counted: false, reason: 'NOT_COUNTED', detail: expect.stringContaining('shown to the bureau only') });
    // Decided on the cohort's own facts before any record was looked at: its reason and detail stay.
    for (const gate of ['pass', 'certification', 'employment'] as const) {
      expect(withdrawnView![gate]).toEqual({ counted: false, reason: 'WITHDRAWN', detail: 'withdrew and stays in the base: counts as a failure' });
    }
  });

  it('R-GATE-5 R-GATE-3 a provider is not told that a job awaits the bureau\'s verification: it may be an employer\'s record', () => {
    const [view] = traineeExplanationsFor(provider, [awaiting]);
    expect(view!.employment).toEqual({ counted: false, reason: 'NOT_COUNTED', detail: 'no employment counted for this trainee; the records looked at are shown to the bureau only' });
    // The same answer as for a trainee with no record at all, so the code cannot be told apart by elimination.
    const [none] = traineeExplanationsFor(provider, [certified]);
    expect(view!.employment).toEqual(none!.employment);
    expect(view!.certification).toEqual({ counted: false, reason: 'NOT_COUNTED', detail: expect.stringContaining('shown to the bureau only') });
    for (const leaked of ['AWAITING_VERIFICATION', 'verification', '2021-06-02', EMPLOYMENT]) expect(JSON.stringify(view)).not.toContain(leaked);
  });

  it('R-GATE-5 lets through no field the calculator may add later, for a provider', () => {
    const extended = { ...certified, certification: { ...certified.certification, recordedBy: 'another-provider' }, note: 'x' } as unknown as TraineeExplanation;
    const [view] = traineeExplanationsFor(provider, [extended]);
    expect(Object.keys(view!).sort()).toEqual(['base', 'certification', 'employment', 'labourerId', 'pass']);
    expect(Object.keys(view!.certification).sort()).toEqual(['counted', 'detail', 'evidenceId', 'reason']);
  });
});

import type { Principal } from '@skills/platform';
import type { TimelineEntry } from './timeline-events';
import { visibleTo } from './timelines.service';

const entry = (type: string, data: Record<string, unknown> = {}): TimelineEntry => ({
  type,
  schemaVersion: 1,
  storedSchemaVersion: 1,
  occurredAt: '2021-03-02T02:00:00.000Z',
  recordedAt: '2021-03-02T02:00:00.000Z',
  actor: 'clerk-1',
  correlationId: 'c-1',
  causationId: null,
  streamId: 'attendance-x',
  position: '1/1',
  data,
});
const principal = (roles: Principal['roles'], providerId?: string): Principal => ({
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'someone',
  roles,
  scope: providerId ? { providerId } : {},
});

describe('who sees which timeline events', () => {
  const events = [entry('AttendanceRecorded'), entry('AttendanceClashFlagged', { cohortIds: ['a', 'b'] }), entry('FinalAssessmentRecorded')];

  it('R-MON-1 a provider\'s cohort timeline leaves out clash flags (they name other providers\' cohorts)', () => {
    const seen = visibleTo(principal(['PROVIDER'], '00000000-0000-4000-8000-0000000000aa'), events);
    expect(seen.map((e) => e.type)).toEqual(['AttendanceRecorded', 'FinalAssessmentRecorded']);
  });

  it('R-MON-1 the bureau sees every event, clash flags included', () => {
    for (const role of ['ADMIN', 'REVIEWER', 'APPROVER', 'EVALUATOR'] as const) expect(visibleTo(principal([role]), events)).toEqual(events);
  });
});

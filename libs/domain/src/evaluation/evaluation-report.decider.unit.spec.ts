import { createEventCatalogue } from '../catalogue';
import { given } from '../shared/testing/given-when-then';
import { evaluationReportDecider, type FreezeEvaluationReport } from './evaluation-report.decider';
import type { EvaluationReportFrozen } from './evaluation-report.events';
import { toEvaluationReportStreamId } from './evaluation-report-stream-ids';

const REPORT_ID = '3f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const NANCUN = '11111111-1111-4111-8111-111111111111';
const context = { actor: 'evaluator', now: '2021-07-02T02:00:00.000Z' };
const report = {
  schemaVersion: 1 as const,
  period: { kind: 'H1' as const, from: '2021-01-01', to: '2021-06-30', label: '2021 上半年' },
  asOf: '2021-06-30',
  unit: { subdistrictId: NANCUN, name: '南村镇' },
  progress: { units: [{ done: { id: 'progress.done', count: 2 } }] },
  targets: { lines: [] },
  rates: { byProgrammeType: [] },
  money: { rows: [] },
  dataQuality: { flags: [] },
};
const data = (contentHash = 'a'.repeat(64)): EvaluationReportFrozen['data'] => ({ reportId: REPORT_ID, period: report.period, asOf: '2021-06-30', subdistrictId: NANCUN, contentHash, report });
const freeze = (contentHash?: string): FreezeEvaluationReport => ({ type: 'FreezeEvaluationReport', report: data(contentHash), context });

describe('a frozen evaluation report (R-EVAL-1, issue 7 §3)', () => {
  it('R-EVAL-1 the first freeze stores the report with its content hash', () => {
    given(evaluationReportDecider).when(freeze()).then([{ type: 'EvaluationReportFrozen', data: data() }]);
  });

  it('R-EVAL-1 a report is never replaced: a second freeze of the id stores nothing, the first hash stays', () => {
    const first: EvaluationReportFrozen = { type: 'EvaluationReportFrozen', data: data() };
    const spec = given(evaluationReportDecider, [first]);
    spec.when(freeze('b'.repeat(64))).thenNothingHappens();
    expect(spec.state.contentHash).toBe('a'.repeat(64));
  });

  it('R-EVAL-1 the catalogue stores it and reads it back as it was', () => {
    const catalogue = createEventCatalogue();
    const stored = catalogue.serialise({ type: 'EvaluationReportFrozen', data: data() });
    expect(stored.type).toBe('EvaluationReportFrozen');
    expect(catalogue.deserialise(stored)).toEqual({ type: 'EvaluationReportFrozen', data: data() });
  });

  it('R-EVAL-1 the registry units the report was computed with are stored and read back as they were', () => {
    const catalogue = createEventCatalogue();
    const withUnits = { ...data(), units: [{ subdistrictId: NANCUN, code: 'NANCUN', name: '南村镇', nameEn: 'Nancun Town' }] };
    const stored = catalogue.serialise({ type: 'EvaluationReportFrozen', data: withUnits });
    expect(stored).toMatchObject({ schemaVersion: 1, data: { units: withUnits.units } });
    expect(catalogue.deserialise(stored)).toEqual({ type: 'EvaluationReportFrozen', data: withUnits });
    // A unit is an office's names and code, nothing else: another field (a person's, say) is refused.
    const withMore = { ...withUnits, units: [{ ...withUnits.units[0]!, labourerId: NANCUN }] };
    expect(() => catalogue.serialise({ type: 'EvaluationReportFrozen', data: withMore })).toThrow(/units/);
  });

  it('R-EVAL-1 a report frozen before units were stored (an old version-1 row without them, nor head or run) still deserialises, with no units', () => {
    const catalogue = createEventCatalogue();
    const old = { reportId: REPORT_ID, period: report.period, asOf: '2021-06-30', subdistrictId: NANCUN, contentHash: 'a'.repeat(64), report };
    const stored = { type: 'EvaluationReportFrozen', schemaVersion: 1, data: old };
    // Both reads: the full parse, and the report's trusted re-read of stored rows.
    for (const read of [catalogue.deserialise(stored), catalogue.deserialiseStored(stored)]) {
      expect(read).toEqual({ type: 'EvaluationReportFrozen', data: old });
      expect((read as EvaluationReportFrozen).data.units).toBeUndefined();
    }
  });

  it('R-EVAL-1 no personal data: a labourer id or a resident ID number anywhere in the report is refused', () => {
    const catalogue = createEventCatalogue();
    const withId = { ...data(), report: { ...report, rates: { failedCohorts: [{ labourerId: NANCUN }] } } };
    expect(() => catalogue.serialise({ type: 'EvaluationReportFrozen', data: withId })).toThrow(/counts only/);
    const withNumber = { ...data(), report: { ...report, dataQuality: { flags: [{ message: '证件 11010519491231002X 重复' }] } } };
    expect(() => catalogue.serialise({ type: 'EvaluationReportFrozen', data: withNumber })).toThrow(/counts only/);
  });

  it('R-EVAL-1 a bad content hash or period is refused by the schema', () => {
    const catalogue = createEventCatalogue();
    expect(() => catalogue.serialise({ type: 'EvaluationReportFrozen', data: data('ABC') })).toThrow(/SHA-256/);
    expect(() => catalogue.serialise({ type: 'EvaluationReportFrozen', data: { ...data(), period: { ...report.period, kind: 'Q3' } } })).toThrow();
  });

  it('one stream per report id, lower case; anything but a UUID is refused', () => {
    expect(toEvaluationReportStreamId(REPORT_ID.toUpperCase())).toBe(`evaluation-report-${REPORT_ID}`);
    expect(() => toEvaluationReportStreamId('nancun')).toThrow(RangeError);
  });
});

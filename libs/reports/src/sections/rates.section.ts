import { EMPLOYMENT_ORIENTED_PROGRAMMES, PROGRAMME_TYPE_LABELS, toAssessmentStreamId, toAttendanceStreamId, toCertificateStreamId, toCohortStreamId, toEmploymentStreamId } from '@skills/domain';
import { GATED_PROGRAMME_TYPE } from '@skills/policy';
import type { CountFigure, FailedCohort, FigureId, RateFigure, RateRow, RatesSection } from '../evaluation-report';
import type { EvaluationHistory } from '../history/evaluation-history';
import { reportEnd, type ReportContext } from '../report-context';
import type { TraceRef, Tracer } from '../tracing';
import { unitCohorts, type UnitCohort } from './unit-cohorts';

type RateGate = 'pass' | 'certification' | 'employment';
const RATE_GATES: readonly RateGate[] = ['pass', 'certification', 'employment'];
const GATE_ID = { pass: 'PASS', certification: 'CERTIFICATION', employment: 'EMPLOYMENT' } as const;

/**
 * R-EVAL-1: the three rates (R-GATE-1..3) per programme type and per provider over the cohorts of the unit completed
 * in the period (by the completion's own day, cut at reportEnd: THE RULE, report-context.ts), as the gates judged
 * them on asOf. A row's rate is the exact fraction of the summed counts (Σ counted /
 * Σ base), not an average of the cohorts' rates, so a cohort of 40 weighs four times one of 10. A cohort failed a gate
 * only when its window closed below the threshold (R-GATE-4): one still open (or awaiting verification) is pending.
 */
export function ratesSection(history: EvaluationHistory, context: ReportContext, tracer: Tracer): RatesSection {
  const from = context.period.from;
  const to = reportEnd(context);
  const cohorts = unitCohorts(history, context).filter((c) => c.completedOn >= from && c.completedOn <= to);
  const byType = groupBy(cohorts, (c) => c.programmeType);
  const byProvider = groupBy(cohorts, (c) => c.providerId);
  return {
    thresholds: thresholdsOn(context),
    byProgrammeType: [...byType].map(([type, group]) => rateRow(`rates/programme/${type}`, type, PROGRAMME_TYPE_LABELS[group[0]!.programmeType], group, tracer)),
    byProvider: [...byProvider].map(([providerId, group]) => rateRow(`rates/provider/${providerId}`, providerId, group[0]!.providerName, group, tracer)),
    failedCohorts: cohorts.filter((c) => failedGates(c).length > 0).map((c) => failedCohort(c, tracer)),
  };
}

/** The thresholds of the policy in force on the report's last day, for each gated programme type. */
function thresholdsOn(context: ReportContext): RatesSection['thresholds'] {
  const policy = context.policyOn(reportEnd(context));
  if (!policy) return [];
  const gates = policy.parameters.gates;
  return GATED_PROGRAMME_TYPE.options.map((programmeType) => ({
    programmeType,
    pass: percent(gates.passRatePercent),
    certification: percent(gates.certificationRatePercent),
    // R-GATE-3: 80% for the employment-oriented programmes of R-FREE-4, the general figure otherwise.
    employment: percent(gates.employmentRatePercent[EMPLOYMENT_ORIENTED_PROGRAMMES.has(programmeType) ? 'EMPLOYMENT_ORIENTED' : 'GENERAL']),
  }));
}

function rateRow(prefix: string, key: string, label: string, group: readonly UnitCohort[], tracer: Tracer): RateRow {
  const failed = group.filter((c) => failedGates(c).length > 0);
  return {
    key,
    label,
    cohorts: count(`${prefix}/cohorts`, group.length, group, tracer),
    pass: rate(`${prefix}/pass`, group, 'pass', tracer),
    certification: rate(`${prefix}/certification`, group, 'certification', tracer),
    employment: rate(`${prefix}/employment`, group, 'employment', tracer),
    failedCohorts: count(`${prefix}/failed`, failed.length, failed, tracer),
  };
}

function failedCohort(cohort: UnitCohort, tracer: Tracer): FailedCohort {
  return {
    cohortId: cohort.cohortId,
    providerId: cohort.providerId,
    providerName: cohort.providerName,
    programmeType: cohort.programmeType,
    completedOn: cohort.completedOn,
    gates: failedGates(cohort).map((gate) => ({
      gate: GATE_ID[gate],
      rate: rate(`rates/cohort/${cohort.cohortId}/${gate}`, [cohort], gate, tracer),
      threshold: percent(cohort.rates.gates[gate].thresholdPercent),
    })),
  };
}

const failedGates = (cohort: UnitCohort): RateGate[] => RATE_GATES.filter((gate) => cohort.rates.gates[gate].state.status === 'FAILED');

function rate(id: FigureId, group: readonly UnitCohort[], gate: RateGate, tracer: Tracer): RateFigure {
  let numerator = 0;
  let denominator = 0;
  for (const cohort of group) {
    numerator += cohort.rates.gates[gate].rate.numerator;
    denominator += cohort.rates.gates[gate].rate.denominator;
  }
  tracer.trace(id, () => group.flatMap((cohort) => gateRefs(cohort, gate)));
  return { id, numerator, denominator };
}

function count(id: FigureId, value: number, group: readonly UnitCohort[], tracer: Tracer): CountFigure {
  tracer.trace(id, () => group.map((c) => ({ streamId: toCohortStreamId(c.cohortId) })));
  return { id, count: value };
}

/**
 * R-MON-1, R-GATE-5: the cohort's stream (the plan, the roster and the withdrawals the base is made of), the
 * attendance that decided a withdrawn trainee's place in the base (the days held before the withdrawal against the
 * 20% cut-off, counted over everyone's attendance; only for a cohort someone withdrew from), and the records each
 * counted trainee was counted by: the assessment, the certificate, the employment.
 */
function gateRefs(cohort: UnitCohort, gate: RateGate): TraceRef[] {
  const refs: TraceRef[] = [{ streamId: toCohortStreamId(cohort.cohortId) }];
  for (const labourerId of cohort.attendees) refs.push({ streamId: toAttendanceStreamId(cohort.cohortId, labourerId), types: ATTENDANCE });
  for (const { labourerId, evidenceId } of cohort.rates.gates[gate].counted) {
    if (gate === 'pass') refs.push({ streamId: toAssessmentStreamId(cohort.cohortId, labourerId) });
    else if (evidenceId !== undefined) refs.push({ streamId: gate === 'certification' ? toCertificateStreamId(evidenceId) : toEmploymentStreamId(evidenceId) });
  }
  return refs;
}

const ATTENDANCE = ['AttendanceRecorded'];

const percent = (value: number) => ({ numerator: value, denominator: 100 });

/** Groups in key order, so every output lists its rows the same way. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

import { toAttendanceStreamId, toCertificateStreamId, toCohortStreamId, toEmploymentStreamId, toTargetSetStreamId } from '@skills/domain';
import { dayNumber } from '@skills/platform';
import { targetSetFlags } from '@skills/policy';
import type { DataQualityFlag, DataQualitySection } from '../evaluation-report';
import type { EvaluationHistory } from '../history/evaluation-history';
import { reportEnd, type ReportContext } from '../report-context';
import type { TraceRef, Tracer } from '../tracing';
import { lateCertificates, lateEmployments, type LateRecords } from './late-outcome-records';
import { targetSetFlagText } from './target-set-flag-text';
import { unitCohorts } from './unit-cohorts';

/**
 * R-EVAL-1, R-MON-1: what in the unit's records for the period should be looked at, as counts and cohort ids only (no
 * person is named). Attendance clashes, outcome records made too late to count (R-GATE-4), and the target set's own
 * inconsistencies (R-TGT-2). Every kind is listed, with 0 when nothing was found, so a clean report says it checked.
 */
export function dataQualitySection(history: EvaluationHistory, context: ReportContext, tracer: Tracer): DataQualitySection {
  const period = { from: context.period.from, to: reportEnd(context) };
  const cohorts = unitCohorts(history, context);
  const certificates = lateCertificates(cohorts, period);
  const employments = lateEmployments(cohorts, period, context.asOf);
  return {
    flags: [
      attendanceClashFlag(history, context, tracer),
      lateFlag('LATE_CERTIFICATE', certificates, toCertificateStreamId, `证书在取证率统计期限截止后才录入,未计入培训班取证率:${certificates.recordIds.length} 本,涉及 ${certificates.cohortIds.length} 个培训班`, tracer),
      lateFlag('LATE_EMPLOYMENT', employments, toEmploymentStreamId, `就业记录在就业率统计期限截止后才录入,未计入培训班就业率:${employments.recordIds.length} 条,涉及 ${employments.cohortIds.length} 个培训班`, tracer),
      ...targetSetQualityFlags(context, tracer),
    ],
  };
}

/**
 * One person recorded attending two different cohorts on the same day, counted in person-days, on days of the period
 * and with at least one of the cohorts run by a provider of the unit. Only people enrolled in two cohorts can clash.
 */
function attendanceClashFlag(history: EvaluationHistory, context: ReportContext, tracer: Tracer): DataQualityFlag {
  const { cohorts, cohortsOfPerson } = history.simulation;
  const unit = context.unit.subdistrictId?.toLowerCase() ?? null;
  const inUnit = (cohortId: string) => {
    const providerId = cohorts.get(cohortId)?.row?.providerId;
    return unit === null || (providerId !== undefined && history.registry.providers.get(providerId)?.subdistrictId.toLowerCase() === unit);
  };
  const first = dayNumber(context.period.from);
  const last = dayNumber(reportEnd(context));
  let personDays = 0;
  const cohortIds = new Set<string>();
  const streams = new Set<string>();
  for (const [labourerId, enrolled] of cohortsOfPerson) {
    if (enrolled.length < 2) continue;
    const byDay = new Map<number, string[]>();
    for (const cohortId of new Set(enrolled)) {
      for (const day of cohorts.get(cohortId)?.attendance.get(labourerId) ?? []) {
        if (day < first || day > last) continue;
        const list = byDay.get(day);
        if (list) list.push(cohortId);
        else byDay.set(day, [cohortId]);
      }
    }
    for (const clashing of byDay.values()) {
      if (clashing.length < 2 || !clashing.some(inUnit)) continue;
      personDays++;
      for (const cohortId of clashing) {
        cohortIds.add(cohortId);
        streams.add(toAttendanceStreamId(cohortId, labourerId));
      }
    }
  }
  const figure = { id: 'quality/ATTENDANCE_CLASH', count: personDays };
  tracer.trace(figure.id, () => [...streams].map((streamId): TraceRef => ({ streamId, types: ['AttendanceRecorded'] })));
  return {
    kind: 'ATTENDANCE_CLASH',
    figure,
    message: `同一学员同日在两个培训班均有出勤记录:${personDays} 人日,涉及 ${cohortIds.size} 个培训班`,
    cohortIds: [...cohortIds].sort(),
  };
}

function lateFlag(kind: 'LATE_CERTIFICATE' | 'LATE_EMPLOYMENT', late: LateRecords, streamOf: (recordId: string) => string, message: string, tracer: Tracer): DataQualityFlag {
  const figure = { id: `quality/${kind}`, count: late.recordIds.length };
  // The records, and the cohorts whose completion set the window they missed.
  tracer.trace(figure.id, () => [...late.recordIds.map(streamOf), ...late.cohortIds.map(toCohortStreamId)].map((streamId) => ({ streamId })));
  return { kind, figure, message, cohortIds: late.cohortIds };
}

/** R-TGT-2: one flag per inconsistency of the target set in force, for the district line or the unit's own line. */
function targetSetQualityFlags(context: ReportContext, tracer: Tracer): DataQualityFlag[] {
  const unit = context.unit.subdistrictId?.toLowerCase() ?? null;
  const { content } = context.targetSet;
  return targetSetFlags(content, context.units)
    .filter((flag) => unit === null || flag.subdistrictId === null || flag.subdistrictId.toLowerCase() === unit)
    .map((flag) => {
      const figure = { id: `quality/TARGET_SET_INCONSISTENCY/${flag.code}/${flag.subdistrictId ?? 'district'}`, count: 1 };
      tracer.trace(figure.id, () => [{ streamId: toTargetSetStreamId(content.targetSetId), types: ['TargetSetVersionPublished'] }]);
      return { kind: 'TARGET_SET_INCONSISTENCY', figure, message: `${context.targetSet.targetSetVersion} ${targetSetFlagText(flag)}`, cohortIds: [] };
    });
}

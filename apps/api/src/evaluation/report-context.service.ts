import { DomainError, type CalendarDate } from '@skills/domain';
import { DISTRICT_LINE_NAME, policyInForceOn, targetSetInForceOn, type PolicyDocument, type RegistryUnit, type TargetSetVersion } from '@skills/policy';
import type { System } from '@skills/platform';
import type { ReportContext, ReportPeriod, ReportUnit } from '@skills/reports';
import { policyVersionsKnownAt, targetSetVersionsKnownAt, type KnownHead } from './versions-known-at';

/** What a report is asked for: a period, the day it is as of, and one unit (null: the district). */
export interface ReportRequest {
  readonly period: ReportPeriod;
  readonly asOf: CalendarDate;
  readonly subdistrictId: string | null;
}

/**
 * R-EVAL-1, R-TGT-2: the target set in force on asOf among those known then (published by the end of asOf and, for a
 * report, at or before the head it read). The report and the progress endpoint both resolve it here, so they never
 * count against different task tables.
 */
export async function targetSetKnownOn(system: Pick<System, 'store' | 'catalogue'>, units: readonly RegistryUnit[], asOf: CalendarDate, head: KnownHead): Promise<TargetSetVersion> {
  const targetSet = targetSetInForceOn(await targetSetVersionsKnownAt(system, units, asOf, head), asOf);
  if (!targetSet) {
    throw new DomainError('EVALUATION.NO_TARGET_SET', `No target set is in force on ${asOf}: choose a later asOf (GET /api/targets shows which set is in force when)`, 'validation', { asOf }, [
      { field: 'asOf', message: 'no target set in force on this day' },
    ]);
  }
  return targetSet;
}

/**
 * R-EVAL-1, R-TGT-2, R-MON-1: the report's context as the system knew it on asOf. The target set and the policy
 * versions are the ones published by the end of asOf: a version published later (even one taking effect earlier)
 * did not exist then, so a past report never changes under it. With the head the report read up to, a version
 * published after it (later the same day) is not known either, so a report as of today verifies the same tonight.
 */
export async function resolveReportContext(system: Pick<System, 'store' | 'catalogue' | 'policies'>, units: readonly RegistryUnit[], request: ReportRequest, head: KnownHead = null): Promise<ReportContext> {
  const { period, asOf, subdistrictId } = request;
  const unit = unitOf(units, subdistrictId);
  const targetSet = await targetSetKnownOn(system, units, asOf, head);
  // From the store, not the process's catalogue, so a version another replica published is seen too.
  const documents = (await policyVersionsKnownAt(system, asOf, head)).map((v) => v.document);
  const policyOn = (day: CalendarDate): PolicyDocument | undefined => {
    try {
      return policyInForceOn(documents, day);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'POLICY.NONE_IN_FORCE') return undefined;
      throw error;
    }
  };
  return { period, asOf, unit, units, targetSet, policyOn };
}

function unitOf(units: readonly RegistryUnit[], subdistrictId: string | null): ReportUnit {
  if (subdistrictId === null) return { subdistrictId: null, name: DISTRICT_LINE_NAME };
  const found = units.find((u) => u.subdistrictId === subdistrictId.toLowerCase());
  if (!found) {
    throw new DomainError('EVALUATION.UNKNOWN_UNIT', `No subdistrict ${subdistrictId} in the registry: use a subdistrictId GET /api/targets/:version lists, or leave it out for the district`, 'not_found', {}, [
      { field: 'subdistrictId', message: 'not a subdistrict of the registry' },
    ]);
  }
  return { subdistrictId: found.subdistrictId, name: found.name };
}

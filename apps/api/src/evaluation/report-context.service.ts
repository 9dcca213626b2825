import { DomainError, shanghaiDateOf, type CalendarDate } from '@skills/domain';
import { DISTRICT_LINE_NAME, policyInForceOn, targetSetInForceOn, type PolicyDocument, type RegistryUnit } from '@skills/policy';
import type { System } from '@skills/platform';
import type { ReportContext, ReportPeriod, ReportUnit } from '@skills/reports';
import { readTargetSetVersions } from '../targets/target-set-versions';

/** What a report is asked for: a period, the day it is as of, and one unit (null: the district). */
export interface ReportRequest {
  readonly period: ReportPeriod;
  readonly asOf: CalendarDate;
  readonly subdistrictId: string | null;
}

/** Known on asOf: a shipped version always, a published one from the day it was published (Asia/Shanghai). */
const knownOn = (asOf: CalendarDate) => (version: { readonly publishedAt: string | null }) => version.publishedAt === null || shanghaiDateOf(version.publishedAt) <= asOf;

/**
 * R-EVAL-1, R-TGT-2, R-MON-1: the report's context as the system knew it on asOf. The target set and the policy
 * versions are the ones published by the end of asOf: a version published later (even one taking effect earlier)
 * did not exist then, so a past report never changes under it.
 */
export async function resolveReportContext(system: Pick<System, 'store' | 'catalogue' | 'policies'>, units: readonly RegistryUnit[], request: ReportRequest): Promise<ReportContext> {
  const { period, asOf, subdistrictId } = request;
  const unit = unitOf(units, subdistrictId);
  const targetSet = targetSetInForceOn((await readTargetSetVersions(system, units)).filter(knownOn(asOf)), asOf);
  if (!targetSet) {
    throw new DomainError('EVALUATION.NO_TARGET_SET', `No target set is in force on ${asOf}: choose a later asOf (GET /api/targets shows which set is in force when)`, 'validation', { asOf }, [
      { field: 'asOf', message: 'no target set in force on this day' },
    ]);
  }
  // From the store, so a version another replica published is seen too.
  await system.policies.refresh();
  const documents = system.policies.all().filter(knownOn(asOf)).map((v) => v.document);
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

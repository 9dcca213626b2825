import { DomainError } from '@skills/domain';
import type { Principal } from '@skills/platform';
import { isBureau } from '../training/cohort-access';
import { evaluationUnitFor } from './evaluation-readers';

/**
 * R-EVAL-1 (issue 7, access): may this caller see a report (a run, a frozen report, its files, its trace) of this
 * unit? The bureau sees all; a subdistrict officer its own unit only, never the district's report.
 */
export function assertMayReadReportOf(principal: Principal, subdistrictId: string | null): void {
  if (isBureau(principal)) return;
  const own = evaluationUnitFor(principal, subdistrictId ?? undefined);
  if (subdistrictId === null || own !== subdistrictId.toLowerCase()) {
    throw new DomainError('EVALUATION.OTHER_UNIT', 'A subdistrict officer sees the reports of its own unit only', 'forbidden');
  }
}

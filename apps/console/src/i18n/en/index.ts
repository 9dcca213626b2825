import type { MessageKey } from '../zh';
import { enClaim } from './claim';
import { enCohort } from './cohort';
import { enEvaluation } from './evaluation';
import { enLabels } from './labels';
import { enNotices } from './notices';
import { enPayouts } from './payouts';
import { enQueue } from './queue';
import { enReconciliation } from './reconciliation';
import { enShell } from './shell';

/** The console's words in English (the switch in the header), split into the same areas as zh/. */
export const en: Record<MessageKey, string> = {
  ...enShell,
  ...enLabels,
  ...enQueue,
  ...enClaim,
  ...enPayouts,
  ...enReconciliation,
  ...enCohort,
  ...enNotices,
  ...enEvaluation,
};

import { zhClaim } from './claim';
import { zhCohort } from './cohort';
import { zhEvaluation } from './evaluation';
import { zhLabels } from './labels';
import { zhNotices } from './notices';
import { zhPayouts } from './payouts';
import { zhQueue } from './queue';
import { zhReconciliation } from './reconciliation';
import { zhShell } from './shell';

/**
 * The console's words in Chinese, the default language, one file per page or area. Each en/<area>.ts is typed
 * against its zh/<area>.ts, so English must have the same keys, no more and no fewer.
 */
export const zh = {
  ...zhShell,
  ...zhLabels,
  ...zhQueue,
  ...zhClaim,
  ...zhPayouts,
  ...zhReconciliation,
  ...zhCohort,
  ...zhNotices,
  ...zhEvaluation,
} as const;

export type MessageKey = keyof typeof zh;

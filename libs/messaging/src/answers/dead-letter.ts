import type { z } from 'zod';

export const PAYOUT_ANSWER_DEAD_LETTER_V1 = 'PayoutAnswerDeadLetter.v1';

/** Why an answer was not recorded: MALFORMED (not JSON, or not PayoutAnswer.v1), or the payout's refusal code. */
export interface PayoutAnswerDeadLetter {
  readonly type: typeof PAYOUT_ANSWER_DEAD_LETTER_V1;
  readonly reason: string;
  readonly message: string;
  /** For MALFORMED: the zod issues, path and message each (the field to fix). */
  readonly issues: readonly { readonly path: string; readonly code: string; readonly message: string }[];
  /** Where the answer was read, so finance can find and resend it. */
  readonly source: { readonly topic: string; readonly partition: number; readonly offset: string };
  /** The message's value as it came (finance's own message, which carries codes and figures only). */
  readonly value: string | null;
}

export function zodIssuesOf(error: z.ZodError): PayoutAnswerDeadLetter['issues'] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code, message: issue.message }));
}

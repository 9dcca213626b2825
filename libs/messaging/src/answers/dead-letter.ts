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
  /**
   * The message's value as it came, for a valid PayoutAnswer.v1 that was refused (codes and figures only). Null for a
   * MALFORMED one: it may carry any field, a name or an account among them, and no personal data goes into a Kafka
   * message; finance finds it by `source` and `valueSha256`.
   */
  readonly value: string | null;
  /** SHA-256 (hex) of the value as it came; null when the message had none. */
  readonly valueSha256: string | null;
}

export function zodIssuesOf(error: z.ZodError): PayoutAnswerDeadLetter['issues'] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code, message: issue.message }));
}

import { z } from 'zod';
import { PAYOUT_CANCELLATION_REASON } from '@skills/domain';

/** R-PAY-1: re-instructing carries nothing: the amount, payee and key are the payout's own. */
export const ReinstructPayoutForm = z.strictObject({});

/** R-PAY-1: a reason code and a written reason (5 to 2000 characters after trimming, the domain's rule). */
export const CancelPayoutForm = z.strictObject({ reason: z.strictObject({ code: PAYOUT_CANCELLATION_REASON, text: z.string().max(20_000) }) });
export type CancelPayoutForm = z.infer<typeof CancelPayoutForm>;

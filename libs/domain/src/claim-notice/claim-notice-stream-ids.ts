/**
 * R-CLAIM-3 public notice (公示): the objections lodged against one claim live on a stream of their own beside the
 * claim's (`claim-<id>`), so that the claim decider never meets an event it does not fold. Made here only.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toClaimNoticeStreamId(claimId: string): string {
  if (!UUID.test(claimId)) throw new RangeError('a claim-notice stream id needs a UUID');
  return `claim-notice-${claimId.toLowerCase()}`;
}

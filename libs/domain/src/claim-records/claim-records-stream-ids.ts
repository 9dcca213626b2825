/**
 * The file (案卷) kept beside one claim: the comments left at any step and the evidence attached (R-CLAIM-3). A stream
 * of its own, not the claim's, so the claim decider never meets an event it does not fold. Made here only.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toClaimRecordsStreamId(claimId: string): string {
  if (!UUID.test(claimId)) throw new RangeError('a claim-records stream id needs a UUID');
  return `claim-records-${claimId.toLowerCase()}`;
}

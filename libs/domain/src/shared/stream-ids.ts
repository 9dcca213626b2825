/**
 * The only place stream ids are made. Each kind has its own prefix, and the part after it is checked, so that
 * `labourer-identity-…` can never be read as a labourer stream (labourer ids are UUIDs). UUIDs are lower-cased:
 * two spellings of one id must not make two streams.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FINGERPRINT = /^[0-9a-f]{64}$/;
const POLICY_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;

function uuidStream(prefix: string, id: string): string {
  if (!UUID.test(id)) throw new RangeError(`a ${prefix} stream id needs a UUID`);
  return `${prefix}-${id.toLowerCase()}`;
}

export const toLabourerStreamId = (labourerId: string) => uuidStream('labourer', labourerId);
/** R-PAY-1: the recordings of one labourer's bank account (the account itself is in the vault only). */
export const toLabourerBankAccountStreamId = (labourerId: string) => uuidStream('labourer-bank-account', labourerId);
export const toProviderStreamId = (providerId: string) => uuidStream('provider', providerId);
export const toEnterpriseStreamId = (enterpriseId: string) => uuidStream('enterprise', enterpriseId);
export const toEvaluationBodyStreamId = (evaluationBodyId: string) => uuidStream('evaluation-body', evaluationBodyId);
export const toSubdistrictStreamId = (subdistrictId: string) => uuidStream('subdistrict', subdistrictId);

/** R-REG-1: the identity-reservation stream of one ID-number fingerprint (lower-case hex HMAC-SHA256). */
export function toLabourerIdentityStreamId(fingerprint: string): string {
  if (!FINGERPRINT.test(fingerprint)) throw new RangeError('a labourer-identity stream id needs a 64-character lower-case hex fingerprint');
  return `labourer-identity-${fingerprint}`;
}

/** One stream per policy series (JCCQ-2020-12): its published versions are its events. */
export function toPolicyStreamId(policyId: string): string {
  if (!POLICY_ID.test(policyId)) throw new RangeError('a policy stream id needs an upper-case policy id such as JCCQ-2020-12');
  return `policy-${policyId}`;
}

/** The index of policy streams (PolicyListed): lower case, so no upper-case policy id can ever name it. */
export const toPolicyCatalogueStreamId = (): string => 'policy-catalogue';

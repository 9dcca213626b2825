import type { ClaimPeriod, ClaimScheme, ClaimSubject } from './claim-vocabulary';

/**
 * R-FREE-3 and R-FREE-4 pay one training subsidy for one trainee of one cohort: the general tier is R-FREE-4's
 * fallback, not a second subsidy. They share a key, so a cohort claimed under one cannot be paid again under the
 * other whatever the programme checks upstream say.
 */
const KEY_FAMILY: Partial<Record<ClaimScheme, string>> = { 'R-FREE-3': 'R-FREE-3|R-FREE-4', 'R-FREE-4': 'R-FREE-3|R-FREE-4' };

export interface PaymentKeyParts {
  readonly scheme: ClaimScheme;
  readonly subject: ClaimSubject;
  readonly period: ClaimPeriod;
  /** The person on per-person schemes; absent when the scheme pays the subject itself (a studio, a centre). */
  readonly labourerId?: string;
  /**
   * A second payment one clause makes for the same person (R-FREE-6: the training subsidy to the provider and, "同时",
   * the living allowance to the trainee; R-AWARD-2: a person trained, and placed, under one brand), named so that
   * each is paid once; absent everywhere else, keys unchanged.
   */
  readonly part?: 'LIVING_ALLOWANCE' | 'TRAINED' | 'PLACED';
}

/**
 * R-CLAIM-2: one person, one scheme, one subject, one period is paid at most once, across all claims and payees, so
 * the payee is not part of the key. The caller hashes this text (SHA-256, lower-case hex) into the payment key. A
 * scheme paid per month must make each month its own period, since keys match exactly and do not detect overlaps.
 */
export function paymentKeyMaterial(parts: PaymentKeyParts): string {
  const beneficiary = parts.labourerId === undefined ? 'SUBJECT' : `PERSON:${parts.labourerId.toLowerCase()}`;
  // U+001F (unit separator) appears in no id, date or rule id, so no two keys' parts can run together into one.
  const material = ['payment-key', KEY_FAMILY[parts.scheme] ?? parts.scheme, parts.subject.kind, parts.subject.id.toLowerCase(), beneficiary, parts.period.from, parts.period.to];
  return [...material, ...(parts.part === undefined ? [] : [`PART:${parts.part}`])].join('\u001f');
}

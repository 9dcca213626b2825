/**
 * R-CERT-1: a number is unique per issuing body, so the duplicate key is (issuer, number). The caller (outside the
 * pure domain) computes HMAC-SHA256 of this text with the fingerprint key and passes the lower-case hex as
 * `numberKey`. Normalising here makes 'Ａ１２３ ' and 'a123' one number: full-width forms folded (NFKC), spaces
 * dropped from the number and collapsed in the issuer, letters upper-cased.
 */
export function certificateNumberKeyMaterial(issuer: string, number: string): string {
  const normalisedIssuer = issuer.normalize('NFKC').trim().replace(/\s+/g, ' ').toUpperCase();
  const normalisedNumber = number.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (normalisedIssuer === '' || normalisedNumber === '') throw new RangeError('a certificate number key needs an issuer and a number');
  // U+001F (unit separator) cannot be typed into either field, so no issuer/number split can collide with another.
  return `certificate-number\u001f${normalisedIssuer}\u001f${normalisedNumber}`;
}

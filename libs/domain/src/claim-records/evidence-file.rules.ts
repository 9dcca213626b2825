import { z } from 'zod';
import { DomainError } from '../shared/domain-error';

/**
 * R-CLAIM-3 evidence files (scanned attendance sheets, employment contracts): PDF, JPEG or PNG, recognised by their
 * first bytes. The Content-Type header is the sender's word only: a renamed executable or a web page sent as
 * image/png is refused, and the type stored is the one the bytes show.
 */
export const EVIDENCE_MEDIA_TYPE = z.enum(['application/pdf', 'image/jpeg', 'image/png']);
export type EvidenceMediaType = z.infer<typeof EVIDENCE_MEDIA_TYPE>;

/** What a file is of, for the reviewer's list; the bytes show the type, the uploader says what it is. */
export const EVIDENCE_KIND = z.enum(['ATTENDANCE_SHEET', 'EMPLOYMENT_CONTRACT', 'CERTIFICATE', 'OTHER']);
export type EvidenceKind = z.infer<typeof EVIDENCE_KIND>;

/** A declared type the api accepts for an evidence body besides the three: the sender may not know the type. */
export const UNDECLARED_MEDIA_TYPE = 'application/octet-stream';

/** The default size limit (10 MiB); the api takes its limit from configuration (EVIDENCE_MAX_BYTES). */
export const DEFAULT_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** The type the file's first bytes show, or undefined for anything else. */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceMediaType | undefined {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  return undefined;
}

const RULE = { ruleId: 'R-CLAIM-3' } as const;
const ALLOWED = 'PDF, JPEG or PNG';

/** Bytes in MiB for a message: 10485760 → "10 MiB", 1572864 → "1.5 MiB". */
export const mebibytes = (bytes: number): string => `${Number((bytes / 1048576).toFixed(2))} MiB`;

export const evidenceEmpty = () =>
  new DomainError('EVIDENCE.EMPTY', 'the file is empty: send the scanned document itself as the request body', 'validation', RULE, [{ field: 'file', message: 'send a non-empty PDF, JPEG or PNG file' }]);

export const evidenceTooLarge = (sizeBytes: number, maxBytes: number) =>
  new DomainError(
    'EVIDENCE.TOO_LARGE',
    `the file is ${mebibytes(sizeBytes)}, above the limit of ${mebibytes(maxBytes)} (${maxBytes} bytes) per evidence file: scan at a lower resolution or split it into several files`,
    'validation',
    { ...RULE, sizeBytes, maxBytes },
    [{ field: 'file', message: `must be at most ${maxBytes} bytes (${mebibytes(maxBytes)})` }],
  );

export const evidenceTypeNotAllowed = (declared: string) =>
  new DomainError(
    'EVIDENCE.TYPE_NOT_ALLOWED',
    `evidence files must be ${ALLOWED} (application/pdf, image/jpeg, image/png); the Content-Type sent is not one of them: scan or save the document as one of these`,
    'validation',
    { ...RULE, allowed: EVIDENCE_MEDIA_TYPE.options },
    [{ field: 'content-type', message: `use application/pdf, image/jpeg or image/png (or ${UNDECLARED_MEDIA_TYPE} and let the file show its type); ${declared === '' ? 'none was sent' : 'another was sent'}` }],
  );

export const evidenceContentNotAllowed = () =>
  new DomainError(
    'EVIDENCE.CONTENT_NOT_ALLOWED',
    `the file's content is not a ${ALLOWED} file, whatever its Content-Type says: evidence files must be one of these three`,
    'validation',
    { ...RULE, allowed: EVIDENCE_MEDIA_TYPE.options },
    [{ field: 'file', message: `send a real ${ALLOWED} file` }],
  );

export const evidenceTypeMismatch = (declared: EvidenceMediaType, actual: EvidenceMediaType) =>
  new DomainError(
    'EVIDENCE.TYPE_MISMATCH',
    `the Content-Type says ${declared} but the file's content is ${actual}: send it with Content-Type ${actual}`,
    'validation',
    { ...RULE, declared, actual },
    [{ field: 'content-type', message: `use ${actual} for this file` }],
  );

/**
 * R-CLAIM-3 "stored with size and type limits; an upload that breaks a limit is refused with a clear message": the
 * checks in the order a clerk can act on them (declared type, size, then what the content is). Returns the type the
 * content shows, which is what is stored.
 */
export function checkEvidenceFile(file: { readonly declaredType: string; readonly bytes: Uint8Array }, maxBytes: number): EvidenceMediaType {
  const declared = file.declaredType.split(';')[0]!.trim().toLowerCase();
  const declaredAllowed = EVIDENCE_MEDIA_TYPE.safeParse(declared);
  if (!declaredAllowed.success && declared !== UNDECLARED_MEDIA_TYPE) throw evidenceTypeNotAllowed(declared);
  if (file.bytes.length === 0) throw evidenceEmpty();
  if (file.bytes.length > maxBytes) throw evidenceTooLarge(file.bytes.length, maxBytes);
  const actual = sniffEvidenceType(file.bytes);
  if (!actual) throw evidenceContentNotAllowed();
  if (declaredAllowed.success && declaredAllowed.data !== actual) throw evidenceTypeMismatch(declaredAllowed.data, actual);
  return actual;
}

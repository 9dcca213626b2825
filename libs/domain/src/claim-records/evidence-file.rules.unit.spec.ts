import { DomainError } from '../shared/domain-error';
import { checkEvidenceFile, mebibytes, sniffEvidenceType } from './evidence-file.rules';

const bytes = (...values: number[]) => Uint8Array.from(values);
const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj');
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46);
const HTML = new TextEncoder().encode('<html><script>alert(1)</script></html>');
const EXE = bytes(0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0);
const MIB = 1024 * 1024;

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'none';
}

describe('evidence files (R-CLAIM-3)', () => {
  it('R-CLAIM-3 tells PDF, PNG and JPEG by their first bytes and nothing else', () => {
    expect(sniffEvidenceType(PDF)).toBe('application/pdf');
    expect(sniffEvidenceType(PNG)).toBe('image/png');
    expect(sniffEvidenceType(JPEG)).toBe('image/jpeg');
    expect(sniffEvidenceType(HTML)).toBeUndefined();
    expect(sniffEvidenceType(EXE)).toBeUndefined();
    // A truncated signature is not the type: the first 4 of PNG's 8 bytes.
    expect(sniffEvidenceType(PNG.subarray(0, 4))).toBeUndefined();
    expect(sniffEvidenceType(new Uint8Array(0))).toBeUndefined();
  });

  it('R-CLAIM-3 stores the type the content shows, and takes application/octet-stream as "let the file say"', () => {
    expect(checkEvidenceFile({ declaredType: 'application/pdf', bytes: PDF }, MIB)).toBe('application/pdf');
    expect(checkEvidenceFile({ declaredType: 'image/png; charset=binary', bytes: PNG }, MIB)).toBe('image/png');
    expect(checkEvidenceFile({ declaredType: 'application/octet-stream', bytes: JPEG }, MIB)).toBe('image/jpeg');
  });

  it('R-CLAIM-3 refuses a page sent as image/png and an executable sent as a PDF: the header is not enough', () => {
    expect(codeOf(() => checkEvidenceFile({ declaredType: 'image/png', bytes: HTML }, MIB))).toBe('EVIDENCE.CONTENT_NOT_ALLOWED');
    expect(codeOf(() => checkEvidenceFile({ declaredType: 'application/pdf', bytes: EXE }, MIB))).toBe('EVIDENCE.CONTENT_NOT_ALLOWED');
    expect(codeOf(() => checkEvidenceFile({ declaredType: 'image/jpeg', bytes: PNG }, MIB))).toBe('EVIDENCE.TYPE_MISMATCH');
    expect(codeOf(() => checkEvidenceFile({ declaredType: 'text/html', bytes: PDF }, MIB))).toBe('EVIDENCE.TYPE_NOT_ALLOWED');
    expect(codeOf(() => checkEvidenceFile({ declaredType: 'image/png', bytes: new Uint8Array(0) }, MIB))).toBe('EVIDENCE.EMPTY');
  });

  it('R-CLAIM-3 takes a file of exactly the limit and refuses one byte more, naming the limit', () => {
    const limit = 2 * MIB;
    const atLimit = new Uint8Array(limit);
    atLimit.set(PDF);
    expect(checkEvidenceFile({ declaredType: 'application/pdf', bytes: atLimit }, limit)).toBe('application/pdf');
    const over = new Uint8Array(limit + 1);
    over.set(PDF);
    let refused: DomainError | undefined;
    try {
      checkEvidenceFile({ declaredType: 'application/pdf', bytes: over }, limit);
    } catch (error) {
      refused = error as DomainError;
    }
    expect(refused?.code).toBe('EVIDENCE.TOO_LARGE');
    expect(refused?.message).toContain('above the limit of 2 MiB (2097152 bytes)');
    expect(refused?.details).toMatchObject({ sizeBytes: 2_097_153, maxBytes: 2_097_152 });
  });

  it('writes sizes in MiB as a clerk reads them', () => {
    expect(mebibytes(10 * MIB)).toBe('10 MiB');
    expect(mebibytes(1_572_864)).toBe('1.5 MiB');
    expect(mebibytes(10 * MIB + 1)).toBe('10 MiB');
  });
});

/**
 * RFC 4180 CSV text, written by hand (a few lines, no dependency): fields separated by commas, records ended by CRLF,
 * a field quoted when it holds a comma, a double quote, CR or LF, and a double quote inside doubled. Preceded by the
 * UTF-8 byte order mark, because Excel on Windows reads a CSV without it in the local code page (GBK on Chinese
 * systems) and garbles the Chinese header.
 */
export const UTF8_BOM = '\uFEFF';

/** One field, quoted only when RFC 4180 needs it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The whole file: BOM, header, one record per row, every record (the last too) ended by CRLF. */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = header.length;
  const records = [header, ...rows].map((fields, index) => {
    // A row of the wrong width is a bug in the caller: a shifted column would put an amount under the wrong heading.
    if (fields.length !== width) throw new Error(`CSV record ${index} has ${fields.length} fields; the header has ${width}`);
    return fields.map(csvField).join(',') + '\r\n';
  });
  return UTF8_BOM + records.join('');
}

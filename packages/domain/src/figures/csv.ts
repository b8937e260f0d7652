/*
 * CSV for the figures export: RFC 4180 (fields with a comma, quote or line break are quoted, quotes
 * doubled, CRLF line ends), and safe to open in a spreadsheet: a text field starting with =, +, -,
 * @, a tab or a carriage return is prefixed with an apostrophe so it is read as text, not run as a
 * formula (OWASP, "CSV Injection"). Numbers are written as numbers and never prefixed.
 */

export type CsvCell = string | number | null;

const formulaStart = /^[=+\-@\t\r]/;

/** One field, escaped. */
export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const safe = formulaStart.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows as a CSV document (with a final CRLF). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

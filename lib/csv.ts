/** RFC 4180 CSV: CRLF rows; a field is quoted when it holds a comma, a quote or a line break. */
export function csv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** What Excel and WPS need to read a CSV as UTF-8: without it, Chinese opens as mojibake (ä¸€åŒºäº”åŸŽ). */
const UTF8_BOM = '\uFEFF';

/**
 * CSV for spreadsheets: the UTF-8 byte-order mark first, and, as OWASP recommends against CSV injection, every
 * field that a spreadsheet would read as a formula (one starting with =, +, -, @, a tab or a carriage return)
 * behind an apostrophe, which makes it text. Fields may come from any web page.
 */
export function spreadsheetCsv(rows: readonly (readonly string[])[]): string {
  return UTF8_BOM + csv(rows.map((row) => row.map((value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value))));
}

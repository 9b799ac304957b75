// One CSV field as every CSV casegraph writes it: RFC 4180 quoting, and no cell a spreadsheet would run as a formula.

/** A cell a spreadsheet would read as a formula: it starts with `=`, `+`, `-`, `@`, a tab or a carriage return. */
const formulaStart = /^[=+\-@\t\r]/;
/** A plain number stays as it is: spreadsheets read it as a number, never as a formula, and researchers need `-3`. */
const plainNumber = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * OWASP's CSV-injection advice: a field that starts like a formula gets a leading `'`, which spreadsheets hide and
 * treat as "this is text". The data keeps its true value in every other format; the CSV documents say so.
 * Then RFC 4180: a field holding a comma, quote or line break is quoted, inner quotes doubled.
 */
export function csvField(value: string): string {
  const safe = formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

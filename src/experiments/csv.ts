// CSV text for the experiment tables (RFC 4180 quoting: tier names and sweep parameters are free
// text). Numbers print the same way on every machine so finished files compare byte for byte.
import { RUN_COLUMNS, type RunRow } from './report.ts';

export function csvField(value: string | number): string {
  if (typeof value === 'number') return formatNumber(value);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Shortest text that reads back to the same double; an empty cell for "not defined" (NaN). */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '';
  // Money sums fen and divides by 100: round off binary noise such as 12.340000000000002.
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

export function csvLine(fields: readonly (string | number)[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

export const RUNS_HEADER = csvLine(RUN_COLUMNS);

export function runRowsCsv(rows: readonly RunRow[]): string {
  let text = '';
  for (const row of rows) text += csvLine(RUN_COLUMNS.map((column) => row[column]));
  return text;
}

/** A table as CSV: header, then each record's fields in column order. */
export function tableCsv<T extends object>(columns: readonly (keyof T & string)[], records: readonly T[]): string {
  let text = csvLine(columns);
  for (const record of records) text += csvLine(columns.map((column) => record[column] as string | number));
  return text;
}

/** A row as runs.csv gives it back (the value rounded as written), for analyses done without the file. */
export function storedRow(row: RunRow): RunRow {
  return { ...row, value: Number(formatNumber(row.value)) };
}

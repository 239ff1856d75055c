// stats.csv and diff.csv from the rows of runs.csv.
import { tableCsv } from './csv.ts';
import type { RunRow } from './report.ts';
import { DIFF_COLUMNS, STATS_COLUMNS, diffRows, statsRows } from './stats.ts';

export function tablesOf(rows: readonly RunRow[], baseline: string): { stats: string; diff: string } {
  return { stats: tableCsv(STATS_COLUMNS, statsRows(rows)), diff: tableCsv(DIFF_COLUMNS, diffRows(rows, baseline)) };
}

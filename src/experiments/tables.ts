// stats.csv, diff.csv and (with targets) fit.csv from the rows of runs.csv.
import { tableCsv } from './csv.ts';
import { FIT_COLUMNS, fitRows, type Target } from './fit.ts';
import type { RunRow } from './report.ts';
import { DIFF_COLUMNS, STATS_COLUMNS, diffRows, statsRows } from './stats.ts';

export function tablesOf(rows: readonly RunRow[], baseline: string, targets: readonly Target[] = []): { stats: string; diff: string; fit?: string } {
  return {
    stats: tableCsv(STATS_COLUMNS, statsRows(rows)),
    diff: tableCsv(DIFF_COLUMNS, diffRows(rows, baseline)),
    ...(targets.length > 0 ? { fit: tableCsv(FIT_COLUMNS, fitRows(rows, targets)) } : {}),
  };
}

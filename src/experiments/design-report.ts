// What a design's runs found, as the blocks of an HTML report: alignment and warnings first, then
// metric by metric. The command line's `--report` and the experiments page build the same report
// from the same rows. Browser-safe.
import { comparisonDay } from './comparison-text.ts';
import type { Design } from './design.ts';
import { comparisonBlocks, type ReportBlock } from './html-report.ts';
import type { RunRow } from './report.ts';
import { diffRows, statsRows } from './stats.ts';

export function designBlocks(design: Design, rows: readonly RunRow[], metrics: readonly string[], notes: readonly string[] = []): ReportBlock[] {
  const diff = diffRows(rows, design.baseline);
  const warnings = [...new Set(design.configurations.flatMap((c) => c.warnings.map((w) => `Warning: ${w.message}`)))];
  return comparisonBlocks({
    diff,
    stats: statsRows(rows),
    metrics,
    dateOf: (metric) => comparisonDay(diff, metric)?.date,
    notes: [...(design.alignment ?? []), ...warnings, ...notes],
  });
}

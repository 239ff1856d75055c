// `--report report.html` on compare, experiment and fit: the report is built by the browser-safe
// builder (src/experiments/html-report.ts) and written here, whole or not at all.
import { renameSync, writeFileSync } from 'node:fs';
import { comparisonDay } from '../../experiments/comparison-text.ts';
import type { Design } from '../../experiments/design.ts';
import { comparisonBlocks, htmlReport, type ReportBlock } from '../../experiments/html-report.ts';
import type { RunRow } from '../../experiments/report.ts';
import { diffRows, statsRows } from '../../experiments/stats.ts';
import { InputError } from '../errors.ts';

export function writeReportFile(path: string, html: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, html, 'utf8');
    renameSync(temp, path);
  } catch (error) {
    throw new InputError(`cannot write the report ${path}: ${(error as Error).message}`);
  }
}

/** What a design's runs found, as report blocks: alignment and warnings first, then metric by metric. */
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

/** The report of a comparison or experiment, written to `path`. */
export function writeDesignReport(path: string, title: string, command: string, manifest: object, blocks: readonly ReportBlock[]): void {
  writeReportFile(path, htmlReport({ title, command, manifest, blocks }));
}

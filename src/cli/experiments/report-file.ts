// `--report report.html` on compare, experiment and fit: the report is built by the browser-safe
// builder (src/experiments/html-report.ts) and written here, whole or not at all. The commands
// import this file only when a report is asked for: d3 need not load for every command.
import { renameSync, writeFileSync } from 'node:fs';
import type { Design } from '../../experiments/design.ts';
import { designBlocks } from '../../experiments/design-report.ts';
import { fitBlocks, htmlReport, type FitWaveRow } from '../../experiments/html-report.ts';
import type { RunRow } from '../../experiments/report.ts';
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

export interface ReportHeader {
  readonly path: string;
  readonly title: string;
  readonly command: string;
  readonly manifest: object;
}

/** The report of a comparison or experiment. */
export function writeDesignReport(header: ReportHeader, design: Design, rows: readonly RunRow[], metrics: readonly string[], notes: readonly string[] = []): void {
  writeReportFile(header.path, htmlReport({ ...header, blocks: designBlocks(design, rows, metrics, notes) }));
}

/** The report of a fit: its waves and how each swept range narrowed. */
export function writeFitReport(header: ReportHeader, waves: readonly FitWaveRow[]): void {
  writeReportFile(header.path, htmlReport({ ...header, blocks: fitBlocks(waves) }));
}

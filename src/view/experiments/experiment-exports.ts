// What the experiments page downloads: the CLI's files for the runs finished so far — runs.csv,
// stats.csv, diff.csv, fit.csv (a file with targets), the sensitivity table and chart — and the self-contained report
// (html-report.ts) with the manifest of what ran and the command that reproduces it.
import packageJson from '../../../package.json';
import type { Design } from '../../experiments/design.ts';
import { designBlocks } from '../../experiments/design-report.ts';
import { htmlReport } from '../../experiments/html-report.ts';
import { experimentManifest } from '../../experiments/manifest.ts';
import { planSha256 } from '../../experiments/plan.ts';
import { sha256Hex } from '../../scenario/sha256.ts';
import { download, downloadPng } from '../shared/downloads.ts';
import type { ExperimentRuns } from './experiment-runs.ts';
import type { ExperimentSource, PageSettings } from './experiment-files.ts';

export interface FinishedSoFar {
  readonly source: ExperimentSource;
  readonly settings: PageSettings;
  readonly runs: ExperimentRuns;
  readonly startedAt: string;
  readonly running: boolean;
}

/** The command line that runs the same file with the same settings. */
export function commandOf(source: ExperimentSource, settings: PageSettings): string {
  const design = (settings.agents !== undefined ? ` --agents ${settings.agents}` : '') + (settings.replicates !== undefined ? ` --replicates ${settings.replicates}` : '');
  return `tierwave experiment ${source.file}${design}`;
}

function manifestOf(s: FinishedSoFar, design: Design) {
  return experimentManifest({
    tool: { name: packageJson.name, version: packageJson.version },
    runtime: navigator.userAgent,
    command: commandOf(s.source, s.settings),
    design,
    planSha256: planSha256(design),
    experiment: { file: s.source.file, sha256: sha256Hex(s.source.text) },
    runs: { planned: s.runs.planned, inShard: s.runs.planned, done: s.runs.runCount },
    startedAt: s.startedAt,
    finishedAt: s.running ? undefined : new Date().toISOString(),
    complete: s.runs.finished,
  });
}

const text = (name: string, body: string, type: string) => download(name, new Blob([body], { type }));

/** Downloads one file by its export key; a chart to draw as PNG is passed in. */
export function exportFile(kind: string, s: FinishedSoFar, chart: SVGSVGElement | null): Promise<void> | void {
  const { runs } = s;
  const design = runs.design;
  if (kind === 'runs') return text('runs.csv', runs.runsCsv(), 'text/csv');
  if (kind === 'stats') return text('stats.csv', runs.tables().stats, 'text/csv');
  if (kind === 'diff') return text('diff.csv', runs.tables().diff, 'text/csv');
  if (kind === 'fit') {
    const fit = runs.tables().fit;
    return fit ? text('fit.csv', fit, 'text/csv') : undefined;
  }
  const sensitivity = runs.sensitivity();
  if (kind === 'csv' && sensitivity) return text('sensitivity.csv', sensitivity.csv, 'text/csv');
  if (kind === 'svg' && sensitivity) return text('sensitivity.svg', sensitivity.svg, 'image/svg+xml');
  if (kind === 'png' && chart) return downloadPng(chart, 'sensitivity.png');
  if (kind === 'report') {
    const blocks = designBlocks(design, runs.rows(), design.report.metrics);
    const html = htmlReport({ title: `tierwave experiment ${design.name}`, command: commandOf(s.source, s.settings), manifest: manifestOf(s, design), blocks });
    return text('report.html', html, 'text/html');
  }
}

// A sensitivity analysis as an experiment: a "morris" or "sobol" sweep's design, the outputs it
// explains, and — once the runs are in — sensitivity.csv from runs.csv's rows. Everything needed to
// redo the analysis (method, sizes, design seed, parameters, outputs) is kept in the design and the
// manifest, so `merge` of shard folders computes the same table. Browser-safe.
import type { DailyMetric } from '../../engine/metrics.ts';
import type { HeadlineKey } from '../../engine/headline.ts';
import { tableCsv } from '../csv.ts';
import type { RunRow } from '../report.ts';
import type { Sweep } from '../schema.ts';
import { SENSITIVITY_COLUMNS, sensitivityDesign, sensitivityRows, type SensitivityDesign, type SensitivityMethod, type SensitivityRow } from './analysis.ts';
import { sensitivityChartSvg } from './chart.ts';
import type { Factor } from './factors.ts';
import { DEFAULT_BOOTSTRAP } from './bootstrap.ts';

/** An output resolved for the rows: the tier as runs.csv labels it; "" date for a headline figure. */
export interface Output {
  readonly metric: DailyMetric | HeadlineKey;
  readonly tier: string;
  readonly date: string;
}

export const outputLabel = (o: Output): string => (o.date ? `${o.metric}, ${o.tier}, ${o.date}` : o.metric);

/** What decides a sensitivity analysis's design and table. */
export interface SensitivitySpec {
  readonly method: SensitivityMethod;
  /** The design's seed (the sweep's, or the master seed). */
  readonly seed: number;
  readonly parameters: readonly Factor[];
  readonly outputs: readonly Output[];
  /** Share covered by the bootstrap intervals. */
  readonly level: number;
  readonly resamples: number;
}

export const DEFAULT_MORRIS_LEVELS = 4;
export const DEFAULT_MORRIS_TRAJECTORIES = 10;

export const isSensitivitySweep = (sweep: Sweep | undefined): boolean => sweep?.method === 'morris' || sweep?.method === 'sobol';

/** The sweep's parameters as factors, named by their scenario paths. */
export function sweepFactors(sweep: Sweep): Factor[] {
  return sweep.parameters.map((p) => ({ name: p.path, from: p.from, to: p.to, scale: p.scale, integer: p.integer, ...(p.values ? { values: p.values } : {}) }));
}

/** The spec of a morris or sobol sweep (undefined for other sweeps). */
export function sensitivitySpec(sweep: Sweep, masterSeed: number, outputs: readonly Output[]): SensitivitySpec | undefined {
  if (!isSensitivitySweep(sweep)) return undefined;
  const method: SensitivityMethod =
    sweep.method === 'morris'
      ? { method: 'morris', trajectories: sweep.trajectories ?? DEFAULT_MORRIS_TRAJECTORIES, levels: sweep.levels ?? DEFAULT_MORRIS_LEVELS }
      : { method: 'sobol', samples: sweep.samples ?? 1 };
  const level = sweep.level ?? DEFAULT_BOOTSTRAP.level;
  return { method, seed: sweep.seed ?? masterSeed, parameters: sweepFactors(sweep), outputs, level, resamples: sweep.resamples ?? DEFAULT_BOOTSTRAP.resamples };
}

export function specDesign(spec: SensitivitySpec): SensitivityDesign {
  return sensitivityDesign(spec.method, spec.parameters.length, spec.seed);
}

/**
 * The indices of every output from runs.csv's rows. Runs are numbered replicate by replicate over
 * the design's points (one variant), so run r·P + p is replicate r at point p — points that happen
 * to coincide stay apart. A run missing an output (a headline figure outside the run) makes the
 * indices of that output undefined (empty cells).
 */
export function sensitivityOfRuns(rows: readonly RunRow[], spec: SensitivitySpec, replicates: number): SensitivityRow[] {
  const design = specDesign(spec);
  const points = design.points.length;
  const outputs = spec.outputs.map((output) => {
    const runs: number[][] = Array.from({ length: points }, () => []);
    const byRun = new Map<number, number>();
    for (const row of rows) {
      if (row.metric === output.metric && row.tier === output.tier && (output.date === '' || row.date === output.date)) byRun.set(row.run_id, row.value);
    }
    for (let r = 0; r < replicates; r++) for (let p = 0; p < points; p++) runs[p].push(byRun.get(r * points + p) ?? NaN);
    return { name: outputLabel(output), runs };
  });
  return sensitivityRows(design, spec.parameters, outputs, { level: spec.level, resamples: spec.resamples, seed: spec.seed });
}

/** sensitivity.csv and the chart (sensitivity.svg) of a finished analysis. */
export function sensitivityFiles(rows: readonly RunRow[], spec: SensitivitySpec, replicates: number, title: string): { rows: SensitivityRow[]; csv: string; svg: string } {
  const table = sensitivityOfRuns(rows, spec, replicates);
  return { rows: table, csv: tableCsv(SENSITIVITY_COLUMNS, table), svg: sensitivityChartSvg(table, title) };
}

// The runs of an experiment as they arrive from the workers. Rows are kept as runs.csv would give
// them back, so the files of the whole set are the CLI's to the byte; before that, each complete
// replicate (every configuration run with its seed) refines a sensitivity analysis's indices. Runs
// of an experiment without a sweep also keep their reported metrics day by day, for the bands over
// time (a sweep's bands are read from the rows, over the swept value).
import type { DailySeries } from '../../engine/metrics.ts';
import { seriesValue } from '../../engine/metrics.ts';
import { RUNS_HEADER, runRowsCsv, storedRow } from '../../experiments/csv.ts';
import type { Design } from '../../experiments/design.ts';
import type { PlannedRun } from '../../experiments/plan.ts';
import { runRows, type RunRow } from '../../experiments/report.ts';
import { sensitivityFiles } from '../../experiments/sensitivity/experiment.ts';
import type { SensitivityRow } from '../../experiments/sensitivity/analysis.ts';
import { tablesOf } from '../../experiments/tables.ts';

export interface SensitivityFiles {
  /** Replicates the indices are computed from. */
  readonly replicates: number;
  readonly rows: readonly SensitivityRow[];
  readonly csv: string;
  readonly svg: string;
}

/** One run's reported metrics on every day and tier: values[(day * tiers + tier) * metrics + metric]. */
export interface RunTrace {
  readonly run: PlannedRun;
  readonly values: Float64Array;
}

export class ExperimentRuns {
  private readonly byRun = new Map<number, readonly RunRow[]>();
  private readonly traces: RunTrace[] = [];
  /** Finished runs per replicate. */
  private readonly perReplicate: number[] = [];
  private latest: SensitivityFiles | undefined;
  readonly keepsTraces: boolean;

  constructor(readonly design: Design) {
    this.keepsTraces = design.points.length === 1 && !design.sensitivity;
  }

  get runCount(): number {
    return this.byRun.size;
  }

  get planned(): number {
    return this.design.configurations.length * this.design.replicates;
  }

  get finished(): boolean {
    return this.runCount === this.planned;
  }

  add(run: PlannedRun, series: DailySeries): void {
    const scenario = this.design.configurations[run.configuration].scenario;
    this.byRun.set(run.id, runRows(run, scenario, series, this.design.report).map(storedRow));
    this.perReplicate[run.replicate] = (this.perReplicate[run.replicate] ?? 0) + 1;
    if (this.keepsTraces) this.traces.push({ run, values: this.trace(series) });
  }

  private trace(series: DailySeries): Float64Array {
    const metrics = this.design.report.metrics;
    const tiers = series.tiers + 1;
    const values = new Float64Array((series.days + 1) * tiers * metrics.length);
    for (let day = 0; day <= series.days; day++) {
      for (let tier = 0; tier < tiers; tier++) {
        for (let m = 0; m < metrics.length; m++) values[(day * tiers + tier) * metrics.length + m] = seriesValue(series, day, tier, metrics[m]);
      }
    }
    return values;
  }

  /** The finished runs of one configuration, each with its day-by-day trace (experiments without a sweep). */
  tracesOf(configuration: number): readonly RunTrace[] {
    return this.traces.filter((t) => t.run.configuration === configuration);
  }

  /** Leading replicates whose every configuration has finished. */
  completeReplicates(): number {
    const points = this.design.configurations.length;
    let k = 0;
    while (k < this.perReplicate.length && this.perReplicate[k] === points) k++;
    return k;
  }

  /** A sensitivity analysis's indices from the complete replicates (undefined before the first), recomputed only when more are complete. */
  sensitivity(): SensitivityFiles | undefined {
    const spec = this.design.sensitivity;
    const replicates = this.completeReplicates();
    if (!spec || replicates === 0) return undefined;
    if (this.latest?.replicates !== replicates) {
      const { rows, csv, svg } = sensitivityFiles(this.rows(), spec, replicates, this.design.name);
      this.latest = { replicates, rows, csv, svg };
    }
    return this.latest;
  }

  /** Every finished run's rows, by run id (runs.csv's order). */
  rows(): RunRow[] {
    return [...this.byRun.keys()].sort((a, b) => a - b).flatMap((id) => this.byRun.get(id)!);
  }

  runsCsv(): string {
    return RUNS_HEADER + runRowsCsv(this.rows());
  }

  /** stats.csv and diff.csv of the finished runs (fit.csv too when the file has targets). */
  tables(): ReturnType<typeof tablesOf> {
    return tablesOf(this.rows(), this.design.baseline, this.design.targets);
  }
}

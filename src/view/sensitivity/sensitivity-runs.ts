// The runs of a sensitivity analysis as they arrive from the workers, and the indices of the
// replicates finished so far. Rows are kept as runs.csv would give them back, so the indices of the
// whole set are the CLI's to the byte; before that, each complete replicate (every design point run
// with its seed) refines them.
import type { DailySeries } from '../../engine/metrics.ts';
import { RUNS_HEADER, runRowsCsv, storedRow } from '../../experiments/csv.ts';
import type { Design } from '../../experiments/design.ts';
import type { PlannedRun } from '../../experiments/plan.ts';
import { runRows, type RunRow } from '../../experiments/report.ts';
import { sensitivityFiles, type SensitivitySpec } from '../../experiments/sensitivity/experiment.ts';
import type { SensitivityRow } from '../../experiments/sensitivity/analysis.ts';

export interface SensitivityFiles {
  /** Replicates the indices are computed from. */
  readonly replicates: number;
  readonly rows: readonly SensitivityRow[];
  readonly csv: string;
  readonly svg: string;
}

export class SensitivityRuns {
  private readonly byRun = new Map<number, readonly RunRow[]>();
  /** Finished runs per replicate. */
  private readonly perReplicate: number[] = [];
  private latest: SensitivityFiles | undefined;

  constructor(
    private readonly design: Design,
    private readonly spec: SensitivitySpec,
  ) {}

  get runCount(): number {
    return this.byRun.size;
  }

  add(run: PlannedRun, series: DailySeries): void {
    const scenario = this.design.configurations[run.configuration].scenario;
    this.byRun.set(run.id, runRows(run, scenario, series, this.design.report).map(storedRow));
    this.perReplicate[run.replicate] = (this.perReplicate[run.replicate] ?? 0) + 1;
  }

  /** Leading replicates whose every design point has finished. */
  completeReplicates(): number {
    const points = this.design.configurations.length;
    let k = 0;
    while (k < this.perReplicate.length && this.perReplicate[k] === points) k++;
    return k;
  }

  /** The indices of the complete replicates (undefined before the first), recomputed only when more are complete. */
  files(): SensitivityFiles | undefined {
    const replicates = this.completeReplicates();
    if (replicates === 0) return undefined;
    if (this.latest?.replicates !== replicates) {
      const { rows, csv, svg } = sensitivityFiles(this.rows(), this.spec, replicates, this.design.name);
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
}

// What the page has learned so far: every finished run's daily series, summarised per day across
// the replicates that are complete (every variant finished), so bands and differences always rest
// on the same, paired runs.
import type { DailyMetric, DailySeries } from '../../engine/metrics.ts';
import { seriesValue } from '../../engine/metrics.ts';
import { dateOfDay } from '../../engine/calendar.ts';
import type { Design } from '../../experiments/design.ts';
import type { PlannedRun } from '../../experiments/plan.ts';
import { runRows, tierLabels, type RunRow } from '../../experiments/report.ts';
import { meanHalfWidth, mean, quantile, replicatesNeeded, standardDeviation } from '../../experiments/stats.ts';

export interface BandPoint {
  readonly day: number;
  readonly date: string;
  readonly mean: number;
  /** 90 % interval of the mean. */
  readonly lo: number;
  readonly hi: number;
  /** 5 % and 95 % of single runs. */
  readonly q05: number;
  readonly q95: number;
}

export interface FinishedRun {
  readonly run: PlannedRun;
  readonly series: DailySeries;
}

function band(day: number, date: string, values: number[]): BandPoint {
  const sorted = [...values].sort((a, b) => a - b);
  const m = mean(values);
  const half = meanHalfWidth(standardDeviation(values), values.length);
  return { day, date, mean: m, lo: m - half, hi: m + half, q05: quantile(sorted, 0.05), q95: quantile(sorted, 0.95) };
}

export class ComparisonResults {
  /** runs[replicate][configuration] */
  private readonly runs: (FinishedRun | undefined)[][] = [];

  constructor(readonly design: Design) {}

  add(run: PlannedRun, series: DailySeries): void {
    (this.runs[run.replicate] ??= [])[run.configuration] = { run, series };
  }

  /** Replicates with every variant finished, in replicate order. */
  complete(): FinishedRun[][] {
    const n = this.design.configurations.length;
    return this.runs.filter((row): row is FinishedRun[] => row !== undefined && row.filter(Boolean).length === n);
  }

  get runCount(): number {
    return this.runs.reduce((sum, row) => sum + (row ? row.filter(Boolean).length : 0), 0);
  }

  /** Index of a tier label ("all" included) in a configuration's series. */
  tierIndex(configuration: number, tier: string): number {
    const labels = tierLabels(this.design.configurations[configuration].scenario);
    const at = labels.indexOf(tier);
    return at >= 0 ? at : labels.length - 1;
  }

  private days(configuration: number): number {
    return this.design.configurations[configuration].scenario.days;
  }

  private value(finished: FinishedRun, tier: string, metric: DailyMetric, day: number): number {
    return seriesValue(finished.series, day, this.tierIndex(finished.run.configuration, tier), metric);
  }

  /** Per day: the mean with its interval, and the spread of runs, of one variant. */
  bands(configuration: number, tier: string, metric: DailyMetric): BandPoint[] {
    const replicates = this.complete();
    if (replicates.length === 0) return [];
    const start = this.design.configurations[configuration].scenario.start;
    return Array.from({ length: this.days(configuration) + 1 }, (_, day) =>
      band(day, dateOfDay(start, day), replicates.map((row) => this.value(row[configuration], tier, metric, day))),
    );
  }

  /** Per day: the paired difference variant − baseline (configuration 0), on the days both have. */
  differences(configuration: number, tier: string, metric: DailyMetric): BandPoint[] {
    const replicates = this.complete();
    if (replicates.length === 0) return [];
    const start = this.design.configurations[0].scenario.start;
    const days = Math.min(this.days(0), this.days(configuration));
    return Array.from({ length: days + 1 }, (_, day) =>
      band(day, dateOfDay(start, day), replicates.map((row) => this.value(row[configuration], tier, metric, day) - this.value(row[0], tier, metric, day))),
    );
  }

  /** One day of `differences` (paired) or `bands`, without computing the others. */
  pointAt(configuration: number, tier: string, metric: DailyMetric, day: number, paired: boolean): BandPoint | undefined {
    const replicates = this.complete();
    if (replicates.length === 0 || day > this.days(configuration) || (paired && day > this.days(0))) return undefined;
    const values = replicates.map((row) => this.value(row[configuration], tier, metric, day) - (paired ? this.value(row[0], tier, metric, day) : 0));
    return band(day, dateOfDay(this.design.configurations[0].scenario.start, day), values);
  }

  /** Replicates needed for the first variant's difference (or the baseline's mean) to reach ±halfWidth on `day`. */
  needed(tier: string, metric: DailyMetric, day: number, halfWidth: number): number {
    const replicates = this.complete();
    if (replicates.length < 2) return NaN;
    const configuration = this.design.configurations.length > 1 ? 1 : 0;
    const values = replicates.map((row) => this.value(row[configuration], tier, metric, day) - (configuration === 1 ? this.value(row[0], tier, metric, day) : 0));
    return replicatesNeeded(standardDeviation(values), halfWidth);
  }

  /** The finished runs in the CLI's runs.csv rows: every day, every tier, one metric. */
  rows(metric: DailyMetric): RunRow[] {
    const rows: RunRow[] = [];
    for (const row of this.runs) {
      for (const finished of row ?? []) {
        if (!finished) continue;
        const { run, series } = finished;
        const scenario = this.design.configurations[run.configuration].scenario;
        rows.push(...runRows(run, scenario, series, { metrics: [metric], dates: [], final: true, every: 1 }));
      }
    }
    return rows.sort((a, b) => a.run_id - b.run_id);
  }
}

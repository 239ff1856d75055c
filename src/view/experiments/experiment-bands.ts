// The live bands: per variant, the mean of the runs finished so far and the 90 % interval of that
// mean (Student t, as stats.csv), either day by day (an experiment without a sweep) or at one date
// over the swept value (a sweep: one point per sweep point, its replicates pooled). They tighten
// as replicates land.
import { dateOfDay } from '../../engine/calendar.ts';
import type { Design } from '../../experiments/design.ts';
import { tierLabels, type RunRow } from '../../experiments/report.ts';
import { mean, meanHalfWidth, standardDeviation } from '../../experiments/stats.ts';
import type { ExperimentRuns } from './experiment-runs.ts';

export interface BandPoint {
  /** Milliseconds since 1970 (over time) or the swept value (a category's position when not a number). */
  readonly x: number;
  /** The date, or the swept value as written. */
  readonly label: string;
  readonly n: number;
  readonly mean: number;
  /** 90 % interval of the mean; NaN from fewer than two runs. */
  readonly lo: number;
  readonly hi: number;
}

export interface BandSeries {
  readonly name: string;
  readonly points: readonly BandPoint[];
}

function bandPoint(x: number, label: string, values: readonly number[]): BandPoint {
  const m = mean(values);
  const half = meanHalfWidth(standardDeviation(values), values.length);
  return { x, label, n: values.length, mean: m, lo: m - half, hi: m + half };
}

const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Per variant, day by day: `metric` in `tier` over the runs finished so far. */
export function bandsOverTime(runs: ExperimentRuns, metric: string, tier: string): BandSeries[] {
  const { design } = runs;
  const m = design.report.metrics.indexOf(metric as Design['report']['metrics'][number]);
  if (m < 0) return [];
  return design.configurations.flatMap((c) => {
    const traces = runs.tracesOf(c.index);
    const t = tierLabels(c.scenario).indexOf(tier);
    if (traces.length === 0 || t < 0) return [];
    const tiers = c.scenario.tiers.length + 1;
    const metrics = design.report.metrics.length;
    const points = Array.from({ length: c.scenario.days + 1 }, (_, day) => {
      const date = dateOfDay(c.scenario.start, day);
      return bandPoint(utc(date), date, traces.map(({ values }) => values[(day * tiers + t) * metrics + m]));
    });
    return [{ name: c.variant, points }];
  });
}

/** Per variant, one point per sweep point: `metric` in `tier` on `date` over swept parameter `k`. */
export function bandsOverSweep(design: Design, rows: readonly RunRow[], metric: string, tier: string, date: string, k = 0): BandSeries[] {
  const values = new Map<string, number[]>();
  for (const row of rows) {
    if (row.metric !== metric || row.tier !== tier || row.date !== date) continue;
    const key = JSON.stringify([row.variant, row.parameters]);
    values.get(key)?.push(row.value) ?? values.set(key, [row.value]);
  }
  const swept = design.points.map((p) => p.values[k]?.value);
  const categories = [...new Set(swept.filter((v) => typeof v !== 'number').map((v) => JSON.stringify(v)))];
  const position = (value: unknown) => (typeof value === 'number' ? value : categories.indexOf(JSON.stringify(value)));
  return design.variants.flatMap((variant) => {
    const points = design.points.flatMap((point, p) => {
      const found = values.get(JSON.stringify([variant, point.text]));
      const value = swept[p];
      return found ? [bandPoint(position(value), typeof value === 'string' ? value : JSON.stringify(value), found)] : [];
    });
    return points.length > 0 ? [{ name: variant, points: points.sort((a, b) => a.x - b.x) }] : [];
  });
}

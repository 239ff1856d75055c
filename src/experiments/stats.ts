// Summaries across replicates: per variant (stats.csv) and paired against the baseline (diff.csv).
// Pairing is by replicate, which shares its seed across variants, so the noise both runs share
// cancels in the difference; the unpaired (Welch) interval over the same runs is given beside it
// to show what the pairing bought.
import type { RunRow } from './report.ts';
import { studentTQuantile } from './student-t.ts';

/** Intervals are 90 %: the 5 % and 95 % points, as strategists quote them. */
export const INTERVAL_LEVEL = 0.9;

/** Linear interpolation between order statistics (R type 7, numpy's default). `sorted` ascending. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const x of values) sum += x;
  return values.length === 0 ? NaN : sum / values.length;
}

/** Sample standard deviation (n − 1); NaN for fewer than two values. */
export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return NaN;
  const m = mean(values);
  let squares = 0;
  for (const x of values) squares += (x - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

export interface Spread {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly q05: number;
  readonly q50: number;
  readonly q95: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: values.length, mean: mean(values), sd: standardDeviation(values), q05: quantile(sorted, 0.05), q50: quantile(sorted, 0.5), q95: quantile(sorted, 0.95) };
}

/** Half-width of the t interval of a mean from n values with standard deviation sd. */
export function meanHalfWidth(sd: number, n: number, level = INTERVAL_LEVEL): number {
  return n < 2 ? NaN : (studentTQuantile(0.5 + level / 2, n - 1) * sd) / Math.sqrt(n);
}

/** Replicates needed for a mean's interval half-width ≤ `halfWidth`, given the spread seen so far. */
export function replicatesNeeded(sd: number, halfWidth: number, level = INTERVAL_LEVEL): number {
  if (!(sd >= 0) || !(halfWidth > 0)) return NaN;
  if (sd === 0) return 2;
  let n = Math.max(2, Math.ceil(((1.645 * sd) / halfWidth) ** 2));
  while (meanHalfWidth(sd, n, level) > halfWidth) n++;
  return n;
}

/** Welch's interval for the difference of two independent means (ignores the pairing). */
export function unpairedHalfWidth(a: readonly number[], b: readonly number[], level = INTERVAL_LEVEL): number {
  const va = standardDeviation(a) ** 2 / a.length;
  const vb = standardDeviation(b) ** 2 / b.length;
  const se2 = va + vb;
  if (!(se2 >= 0) || a.length < 2 || b.length < 2) return NaN;
  if (se2 === 0) return 0;
  const df = se2 ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return studentTQuantile(0.5 + level / 2, df) * Math.sqrt(se2);
}

export const STATS_COLUMNS = ['variant', 'parameters', 'day', 'date', 'tier', 'metric', 'n', 'mean', 'sd', 'q05', 'q50', 'q95'] as const;
export type StatsRow = Spread & Pick<RunRow, 'variant' | 'parameters' | 'day' | 'date' | 'tier' | 'metric'>;

// By date, not day number: two worlds are compared on the same date of the calendar.
const cellKey = (row: RunRow) => JSON.stringify([row.parameters, row.date, row.tier, row.metric]);

/** One row per variant, sweep point, day, tier and metric, in the order they first appear. */
export function statsRows(rows: readonly RunRow[]): StatsRow[] {
  const groups = new Map<string, { first: RunRow; values: number[] }>();
  for (const row of rows) {
    const key = JSON.stringify([row.variant, cellKey(row)]);
    const group = groups.get(key);
    if (group) group.values.push(row.value);
    else groups.set(key, { first: row, values: [row.value] });
  }
  return [...groups.values()].map(({ first, values }) => {
    const { variant, parameters, day, date, tier, metric } = first;
    return { variant, parameters, day, date, tier, metric, ...spread(values) };
  });
}

export const DIFF_COLUMNS = [
  'variant', 'baseline', 'parameters', 'day', 'date', 'tier', 'metric', 'n',
  'baseline_mean', 'variant_mean', 'mean_diff', 'sd_diff', 'ci90_lo', 'ci90_hi', 'q05_diff', 'q95_diff', 'unpaired_ci90_lo', 'unpaired_ci90_hi',
] as const;

export interface DiffRow extends Pick<RunRow, 'variant' | 'parameters' | 'day' | 'date' | 'tier' | 'metric'> {
  readonly baseline: string;
  readonly n: number;
  readonly baseline_mean: number;
  readonly variant_mean: number;
  readonly mean_diff: number;
  readonly sd_diff: number;
  /** t interval of the mean paired difference. */
  readonly ci90_lo: number;
  readonly ci90_hi: number;
  /** Spread of the single-replicate differences. */
  readonly q05_diff: number;
  readonly q95_diff: number;
  /** Welch interval over the same runs, as if the seeds had not been shared. */
  readonly unpaired_ci90_lo: number;
  readonly unpaired_ci90_hi: number;
}

/** Paired differences (variant − baseline) for each cell both have, replicate by replicate. */
export function diffRows(rows: readonly RunRow[], baseline: string): DiffRow[] {
  const baselineValues = new Map<string, Map<number, number>>();
  for (const row of rows) {
    if (row.variant !== baseline) continue;
    const key = cellKey(row);
    if (!baselineValues.has(key)) baselineValues.set(key, new Map());
    baselineValues.get(key)!.set(row.replicate, row.value);
  }
  const groups = new Map<string, { first: RunRow; pairs: [number, number][] }>();
  for (const row of rows) {
    if (row.variant === baseline) continue;
    const base = baselineValues.get(cellKey(row))?.get(row.replicate);
    if (base === undefined) continue;
    const key = JSON.stringify([row.variant, cellKey(row)]);
    const group = groups.get(key) ?? { first: row, pairs: [] };
    groups.set(key, group);
    group.pairs.push([base, row.value]);
  }
  return [...groups.values()].map(({ first, pairs }) => pairedDiff(first, baseline, pairs));
}

function pairedDiff(first: RunRow, baseline: string, pairs: readonly [number, number][]): DiffRow {
  const { variant, parameters, day, date, tier, metric } = first;
  const b = pairs.map((p) => p[0]);
  const v = pairs.map((p) => p[1]);
  const d = pairs.map(([x, y]) => y - x);
  const s = spread(d);
  const half = meanHalfWidth(s.sd, s.n);
  const unpaired = unpairedHalfWidth(v, b);
  return {
    variant, baseline, parameters, day, date, tier, metric, n: s.n,
    baseline_mean: mean(b), variant_mean: mean(v), mean_diff: s.mean, sd_diff: s.sd,
    ci90_lo: s.mean - half, ci90_hi: s.mean + half, q05_diff: s.q05, q95_diff: s.q95,
    unpaired_ci90_lo: s.mean - unpaired, unpaired_ci90_hi: s.mean + unpaired,
  };
}

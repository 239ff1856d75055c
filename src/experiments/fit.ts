// Scoring runs against observed figures (an experiment's `targets`): for each variant and sweep
// point, the mean over its replicates of each targeted metric, how many of the figure's standard
// deviations it misses by (z), and the loss — the mean of z² over the targets. fit.csv lists them
// best first, so a sweep over uncertain parameters becomes a calibration: the points whose loss is
// near 0 are the parameter values the observations allow. Replicates share seeds across points,
// so two points' losses differ by their parameters, not by their luck. Browser-safe.
import type { DailyMetric } from '../engine/metrics.ts';
import { HEADLINE_FIGURES, type HeadlineKey } from '../engine/headline.ts';
import type { RunRow } from './report.ts';
import { mean, standardDeviation } from './stats.ts';

/** A target resolved for the rows: the tier as runs.csv labels it. */
export interface Target {
  readonly metric: DailyMetric | HeadlineKey;
  readonly tier: string;
  /** The day observed; "" for a headline figure (one per run, on its last day). */
  readonly date: string;
  readonly value: number;
  readonly sd: number;
}

/** The uncertainty assumed when a target gives none: 10 % of the figure — at least 1 agent for
 *  a count, 0.01 for a headline figure (a share or a growth) of 0. */
export function defaultSd(value: number, metric: string): number {
  return isHeadlineFigure(metric) ? Math.abs(value) * 0.1 || 0.01 : Math.max(1, Math.abs(value) * 0.1);
}

export const FIT_COLUMNS = ['rank', 'variant', 'parameters', 'replicates', 'loss', 'target', 'observed', 'sd', 'simulated_mean', 'simulated_sd', 'z'] as const;

export interface FitRow {
  readonly rank: number;
  readonly variant: string;
  readonly parameters: string;
  readonly replicates: number;
  readonly loss: number;
  /** `metric, tier, date`. */
  readonly target: string;
  readonly observed: number;
  readonly sd: number;
  readonly simulated_mean: number;
  readonly simulated_sd: number;
  readonly z: number;
}

export const targetLabel = (t: Target): string => (t.date ? `${t.metric}, ${t.tier}, ${t.date}` : `${t.metric}, ${t.tier}`);

export const isHeadlineFigure = (metric: string): metric is HeadlineKey => (HEADLINE_FIGURES as readonly string[]).includes(metric);

interface Scored {
  readonly variant: string;
  readonly parameters: string;
  readonly replicates: number;
  readonly loss: number;
  readonly misses: { readonly target: Target; readonly mean: number; readonly sd: number; readonly z: number }[];
}

/** Every variant and sweep point scored, best (lowest loss) first; ties keep run order. */
export function scoreRuns(rows: readonly RunRow[], targets: readonly Target[]): Scored[] {
  const groups = new Map<string, { variant: string; parameters: string; rows: RunRow[] }>();
  for (const row of rows) {
    const key = `${row.variant}\u0000${row.parameters}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { variant: row.variant, parameters: row.parameters, rows: [] }));
    group.rows.push(row);
  }
  const scored = [...groups.values()].map((group) => {
    const misses = targets.map((target) => {
      const values = group.rows.filter((r) => r.metric === target.metric && r.tier === target.tier && (target.date === '' || r.date === target.date)).map((r) => r.value);
      const m = mean(values);
      return { target, mean: m, sd: standardDeviation(values), z: (m - target.value) / target.sd };
    });
    const replicates = new Set(group.rows.map((r) => r.replicate)).size;
    // A target with no rows (NaN) makes the loss NaN, which ranks last.
    return { variant: group.variant, parameters: group.parameters, replicates, loss: mean(misses.map((x) => x.z * x.z)), misses };
  });
  const order = (x: number) => (Number.isNaN(x) ? Infinity : x);
  return scored.map((s, i) => ({ s, i })).sort((a, b) => order(a.s.loss) - order(b.s.loss) || a.i - b.i).map(({ s }) => s);
}

/** fit.csv's rows: one per variant or sweep point and target, best first. */
export function fitRows(rows: readonly RunRow[], targets: readonly Target[]): FitRow[] {
  return scoreRuns(rows, targets).flatMap((s, k) =>
    s.misses.map((x) => ({
      rank: k + 1,
      variant: s.variant,
      parameters: s.parameters,
      replicates: s.replicates,
      loss: s.loss,
      target: targetLabel(x.target),
      observed: x.target.value,
      sd: x.target.sd,
      simulated_mean: x.mean,
      simulated_sd: x.sd,
      z: x.z,
    })),
  );
}

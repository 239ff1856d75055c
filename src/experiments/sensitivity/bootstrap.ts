// Bootstrap percentile intervals: the estimate is recomputed on samples drawn with replacement
// from the independent units of a design (Morris trajectories, Saltelli rows), and the interval is
// the central `level` share of those recomputed values (Efron's percentile interval). The draws
// come from a seeded stream, so the same design, outputs and seed give the same interval.
import { stream } from '../../engine/random.ts';
import { quantile } from '../stats.ts';

export interface BootstrapOptions {
  /** Central share covered by the interval, e.g. 0.95. */
  readonly level: number;
  /** How many resamples (1000 is the usual choice for percentile intervals). */
  readonly resamples: number;
  readonly seed: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapOptions = { level: 0.95, resamples: 1000, seed: 1 };

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/**
 * For each resample, the unit indices drawn (with replacement) from `units`, handed to `estimate`,
 * which returns one value per index of interest; the result is one interval per index.
 */
export function bootstrapIntervals(units: number, options: BootstrapOptions, estimate: (sample: Int32Array) => ArrayLike<number>): Interval[] {
  const next = stream(options.seed, 'sensitivity-bootstrap');
  const sample = new Int32Array(units);
  let draws: number[][] | undefined;
  for (let b = 0; b < options.resamples; b++) {
    for (let j = 0; j < units; j++) sample[j] = Math.floor(next() * units);
    const values = estimate(sample);
    draws ??= Array.from({ length: values.length }, () => []);
    for (let i = 0; i < values.length; i++) draws[i].push(values[i]);
  }
  const tail = (1 - options.level) / 2;
  return (draws ?? []).map((column) => {
    const finite = column.filter(Number.isFinite).sort((a, b) => a - b);
    return { lo: quantile(finite, tail), hi: quantile(finite, 1 - tail) };
  });
}

/** The whole design as a "sample": every unit once, in order. */
export function everyUnit(units: number): Int32Array {
  return Int32Array.from({ length: units }, (_, j) => j);
}

/** "Not distinguishable from zero": the interval reaches 0 (or could not be computed). */
export function includesZero(interval: Interval): boolean {
  return !(interval.lo > 0 || interval.hi < 0);
}

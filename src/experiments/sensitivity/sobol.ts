// Sobol indices by Saltelli sampling. Two independent N × k samples A and B of the unit cube, and
// for each factor i the matrix AB_i: A with column i taken from B. First-order index S_i (the share
// of the output's variance that factor i explains alone) by Saltelli et al. (2010),
// mean(f(B)·(f(AB_i) − f(A))) / V; total index ST_i (alone and in every interaction) by Jansen
// (1999), mean((f(A) − f(AB_i))²) / 2V; V the variance of f over A and B together. N(k + 2) runs.
// The points are pseudo-random from a seeded stream (no well-kept Sobol-sequence package on npm),
// so intervals shrink as 1/√N. Intervals: bootstrap over the N rows. Browser-safe.
import { stream } from '../../engine/random.ts';
import { bootstrapIntervals, everyUnit, type BootstrapOptions, type Interval } from './bootstrap.ts';

export interface SaltelliOptions {
  readonly factors: number;
  /** N, the rows of A and of B. */
  readonly samples: number;
  readonly seed: number;
}

export interface SaltelliDesign {
  readonly method: 'sobol';
  readonly factors: number;
  readonly samples: number;
  /** Row after row j: A_j, B_j, then AB_1j … AB_kj — k + 2 points per row. */
  readonly points: readonly (readonly number[])[];
}

export function saltelliDesign(options: SaltelliOptions): SaltelliDesign {
  const { factors: k, samples } = options;
  const next = stream(options.seed, 'saltelli-samples');
  const points: number[][] = [];
  for (let j = 0; j < samples; j++) {
    const a = Array.from({ length: k }, () => next());
    const b = Array.from({ length: k }, () => next());
    points.push(a, b);
    for (let i = 0; i < k; i++) points.push(a.map((x, c) => (c === i ? b[i] : x)));
  }
  return { method: 'sobol', factors: k, samples, points };
}

export interface SobolIndex {
  readonly first: number;
  readonly total: number;
  readonly firstInterval: Interval;
  readonly totalInterval: Interval;
}

/** S_i then ST_i for every factor from the rows in `sample`; outputs centred on their A-and-B mean. */
function estimate(y: Float64Array, k: number, sample: Int32Array): Float64Array {
  const width = k + 2;
  const n = sample.length;
  let sum = 0;
  let squares = 0;
  for (const j of sample) {
    const a = y[j * width];
    const b = y[j * width + 1];
    sum += a + b;
    squares += a * a + b * b;
  }
  const m = sum / (2 * n);
  const variance = squares / (2 * n) - m * m;
  const result = new Float64Array(2 * k);
  for (let i = 0; i < k; i++) {
    let first = 0;
    let total = 0;
    for (const j of sample) {
      const a = y[j * width];
      const b = y[j * width + 1];
      const ab = y[j * width + 2 + i];
      first += b * (ab - a);
      total += (a - ab) ** 2;
    }
    result[i] = first / n / variance;
    result[k + i] = total / (2 * n) / variance;
  }
  return result;
}

/** Sobol indices of every factor from one output per design point (replicate means for a stochastic model). */
export function sobolIndices(design: SaltelliDesign, outputs: ArrayLike<number>, bootstrap: BootstrapOptions): SobolIndex[] {
  if (outputs.length !== design.points.length) throw new Error(`Sobol: expected ${design.points.length} outputs, one per point, got ${outputs.length}`);
  const k = design.factors;
  const width = k + 2;
  let mean = 0;
  for (let j = 0; j < design.samples; j++) mean += (outputs[j * width] + outputs[j * width + 1]) / (2 * design.samples);
  // Centred on the mean over A and B (the estimate of f₀ the variance uses): keeps the products
  // small when the output's mean is large beside its spread.
  const y = Float64Array.from(outputs, (x) => x - mean);
  const point = estimate(y, k, everyUnit(design.samples));
  const intervals = bootstrapIntervals(design.samples, bootstrap, (sample) => estimate(y, k, sample));
  return Array.from({ length: k }, (_, i) => ({ first: point[i], total: point[k + i], firstInterval: intervals[i], totalInterval: intervals[k + i] }));
}

// Morris screening (Morris 1991; μ* after Campolongo, Cariboni & Saltelli 2007): a cheap first
// look at many factors. Each of r trajectories starts at a random point of a p-level grid in the
// unit cube and moves one factor at a time, in random order, by Δ = p / (2(p − 1)); the output's
// change over that step, divided by the step, is one elementary effect of that factor. Over the
// trajectories, μ* (mean of |effects|) ranks influence, μ (mean of effects) gives the sign, and σ
// (their standard deviation) shows interaction or curvature. Classic (one-path) trajectories, not
// radial ones: every step starts where the last one ended, k + 1 runs per trajectory.
// Effects are in output units per whole range of the factor (the unit cube's side; for a list of
// values, from its first entry to its last), so factors with different units compare. Intervals:
// bootstrap over trajectories. Browser-safe.
import { stream } from '../../engine/random.ts';
import { bootstrapIntervals, everyUnit, type BootstrapOptions, type Interval } from './bootstrap.ts';
import { factorPosition, type Factor } from './factors.ts';

export interface MorrisOptions {
  readonly factors: number;
  readonly trajectories: number;
  /** Grid levels p, even (so every level has exactly one neighbour Δ away). */
  readonly levels: number;
  readonly seed: number;
}

export interface MorrisDesign {
  readonly method: 'morris';
  readonly factors: number;
  readonly trajectories: number;
  readonly levels: number;
  /** The step, in unit-cube units. */
  readonly delta: number;
  /** k + 1 points per trajectory, trajectory after trajectory, each a point of [0, 1]^k. */
  readonly points: readonly (readonly number[])[];
  /** moved[t·k + s]: the factor that changes between points s and s + 1 of trajectory t. */
  readonly moved: Int32Array;
}

export function morrisDesign(options: MorrisOptions): MorrisDesign {
  const { factors: k, trajectories, levels: p } = options;
  if (!(p >= 2 && p % 2 === 0)) throw new Error(`Morris levels: expected an even number ≥ 2, got ${p}`);
  const next = stream(options.seed, 'morris-trajectories');
  const half = p / 2;
  const points: number[][] = [];
  const moved = new Int32Array(trajectories * k);
  for (let t = 0; t < trajectories; t++) {
    // Level indices, so each step is exactly p/2 levels and Δ is the same for every factor.
    const level = Array.from({ length: k }, () => Math.floor(next() * p));
    const order = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    points.push(level.map((l) => l / (p - 1)));
    order.forEach((factor, s) => {
      level[factor] += level[factor] < half ? half : -half;
      moved[t * k + s] = factor;
      points.push(level.map((l) => l / (p - 1)));
    });
  }
  return { method: 'morris', factors: k, trajectories, levels: p, delta: half / (p - 1), points, moved };
}

export interface MorrisIndex {
  /** Mean of the absolute elementary effects: the influence ranking. */
  readonly muStar: number;
  readonly mu: number;
  /** Standard deviation (n − 1) of the effects: interactions or non-linearity. */
  readonly sigma: number;
  readonly muStarInterval: Interval;
  readonly muInterval: Interval;
  readonly sigmaInterval: Interval;
}

/**
 * effects[t·k + i]: factor i's elementary effect in trajectory t. With `factors`, a step is measured
 * by where the factor's value lies in its range (factorPosition), so lists of values count whole.
 */
export function elementaryEffects(design: MorrisDesign, outputs: ArrayLike<number>, factors?: readonly Factor[]): Float64Array {
  const { factors: k, trajectories } = design;
  const effects = new Float64Array(trajectories * k);
  for (let t = 0; t < trajectories; t++) {
    for (let s = 0; s < k; s++) {
      const a = t * (k + 1) + s;
      const factor = design.moved[t * k + s];
      const [from, to] = [design.points[a][factor], design.points[a + 1][factor]];
      const step = factors ? factorPosition(factors[factor], to) - factorPosition(factors[factor], from) : to - from;
      effects[t * k + factor] = (outputs[a + 1] - outputs[a]) / step;
    }
  }
  return effects;
}

/** μ*, μ and σ of every factor over the trajectories in `sample` (indices, repeats allowed). */
function summarise(effects: Float64Array, k: number, sample: Int32Array): Float64Array {
  const n = sample.length;
  const result = new Float64Array(3 * k);
  for (let i = 0; i < k; i++) {
    let sum = 0;
    let sumAbs = 0;
    for (const t of sample) {
      sum += effects[t * k + i];
      sumAbs += Math.abs(effects[t * k + i]);
    }
    const mu = sum / n;
    let squares = 0;
    for (const t of sample) squares += (effects[t * k + i] - mu) ** 2;
    result[i] = sumAbs / n;
    result[k + i] = mu;
    result[2 * k + i] = n > 1 ? Math.sqrt(squares / (n - 1)) : NaN;
  }
  return result;
}

/** Morris indices of every factor from one output per design point (replicate means for a stochastic model). */
export function morrisIndices(design: MorrisDesign, outputs: ArrayLike<number>, bootstrap: BootstrapOptions, factors?: readonly Factor[]): MorrisIndex[] {
  if (outputs.length !== design.points.length) throw new Error(`Morris: expected ${design.points.length} outputs, one per point, got ${outputs.length}`);
  const k = design.factors;
  const effects = elementaryEffects(design, outputs, factors);
  const estimate = summarise(effects, k, everyUnit(design.trajectories));
  const intervals = bootstrapIntervals(design.trajectories, bootstrap, (sample) => summarise(effects, k, sample));
  return Array.from({ length: k }, (_, i) => ({
    muStar: estimate[i],
    mu: estimate[k + i],
    sigma: estimate[2 * k + i],
    muStarInterval: intervals[i],
    muInterval: intervals[k + i],
    sigmaInterval: intervals[2 * k + i],
  }));
}

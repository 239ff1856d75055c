// Sweep points: a full grid of the parameters' values, or a Latin hypercube — `samples` points
// where each parameter's range is cut into `samples` equal strata and every stratum is used once,
// so a few dozen runs cover each range evenly (a grid of 5 parameters × 5 values needs 3125).
import { sha256Words } from '../scenario/sha256.ts';
import type { Sweep, SweepParameter } from './schema.ts';
import { factorValue } from './sensitivity/factors.ts';
import { sensitivitySpec, specDesign, sweepFactors } from './sensitivity/experiment.ts';

export interface SweepValue {
  readonly path: string;
  readonly value: unknown;
}

export interface SweepPoint {
  readonly values: readonly SweepValue[];
  /** `path=value;path=value`, the `parameters` column of runs.csv. */
  readonly text: string;
}

/** The value at fraction u ∈ [0, 1] of a range parameter, to `digits` significant digits. */
function rangeValue(parameter: SweepParameter, u: number, digits: number): number {
  const from = parameter.from!;
  const to = parameter.to!;
  const x = parameter.scale === 'log' ? Math.exp(Math.log(from) + u * (Math.log(to) - Math.log(from))) : from + u * (to - from);
  return parameter.integer ? Math.round(x) : Number(x.toPrecision(digits));
}

/** Grid values of one parameter: its list, or `count` evenly spaced values from `from` to `to`. */
export function gridValues(parameter: SweepParameter): unknown[] {
  if (parameter.values) return parameter.values;
  const count = parameter.count ?? 2;
    // Twelve digits keep the written ends exact and print 0.1 + 0.2 steps as 0.3, not 0.30000000000000004.
  return Array.from({ length: count }, (_, k) => rangeValue(parameter, k / (count - 1), 12));
}

export function pointText(values: readonly SweepValue[]): string {
  return values.map(({ path, value }) => `${path}=${JSON.stringify(value)}`).join(';');
}

function gridPoints(parameters: readonly SweepParameter[]): SweepPoint[] {
  let combos: SweepValue[][] = [[]];
  // The first parameter varies slowest, as in a nested loop written in file order.
  for (const parameter of parameters) {
    const values = gridValues(parameter);
    combos = combos.flatMap((combo) => values.map((value) => [...combo, { path: parameter.path, value }]));
  }
  return combos.map((values) => ({ values, text: pointText(values) }));
}

/** splitmix32: a small seeded stream, enough for shuffling strata. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

function latinHypercube(parameters: readonly SweepParameter[], samples: number, seed: number): SweepPoint[] {
  const random = splitmix32(sha256Words(`latin-hypercube:${seed}`)[0]);
  const columns = parameters.map((parameter) => {
    const strata = Array.from({ length: samples }, (_, i) => i);
    for (let i = samples - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    return strata.map((stratum) => {
      const u = (stratum + random()) / samples;
      if (parameter.values) return parameter.values[Math.min(parameter.values.length - 1, Math.floor(u * parameter.values.length))];
      // A random point in its stratum: six digits are as good as more, and read better in runs.csv.
      return rangeValue(parameter, u, 6);
    });
  });
  return Array.from({ length: samples }, (_, i) => {
    const values = parameters.map((parameter, j) => ({ path: parameter.path, value: columns[j][i] }));
    return { values, text: pointText(values) };
  });
}

/** A morris or sobol design's points of the unit cube, read as the parameters' values. */
function sensitivityPoints(sweep: Sweep, seed: number): SweepPoint[] {
  const factors = sweepFactors(sweep);
  return specDesign(sensitivitySpec(sweep, seed, [])!).points.map((point) => {
    const values = factors.map((factor, j) => ({ path: factor.name, value: factorValue(factor, point[j]) }));
    return { values, text: pointText(values) };
  });
}

/** The points of a sweep; `seed` is used by the Latin hypercube, morris and sobol designs. */
export function sweepPoints(sweep: Sweep, seed: number): SweepPoint[] {
  if (sweep.method === 'grid') return gridPoints(sweep.parameters);
  if (sweep.method === 'morris' || sweep.method === 'sobol') return sensitivityPoints(sweep, seed);
  return latinHypercube(sweep.parameters, sweep.samples ?? 1, sweep.seed ?? seed);
}

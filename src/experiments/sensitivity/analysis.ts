// A sensitivity analysis from end to end, generic over "a function from parameters to outputs":
// the design (points of the unit cube, made before anything runs), then, once every point has its
// outputs — computed here for a function, or arriving run by run from tierwave's workers — one
// table of indices with intervals, most influential parameter first. The split lets the CLI and a
// page run the points however they like and call `sensitivityRows` at the end. Browser-safe.
import type { BootstrapOptions } from './bootstrap.ts';
import { includesZero, type Interval } from './bootstrap.ts';
import { factorValues, type Factor } from './factors.ts';
import { morrisDesign, morrisIndices, type MorrisDesign } from './morris.ts';
import { noiseShare, replicateMeans } from './replicates.ts';
import { saltelliDesign, sobolIndices, type SaltelliDesign } from './sobol.ts';

export type SensitivityDesign = MorrisDesign | SaltelliDesign;

export type SensitivityMethod =
  | { readonly method: 'morris'; readonly trajectories: number; readonly levels: number }
  | { readonly method: 'sobol'; readonly samples: number };

/** The design for `factors` factors; the same method, sizes and seed give the same points. */
export function sensitivityDesign(method: SensitivityMethod, factors: number, seed: number): SensitivityDesign {
  return method.method === 'morris'
    ? morrisDesign({ factors, trajectories: method.trajectories, levels: method.levels, seed })
    : saltelliDesign({ factors, samples: method.samples, seed });
}

/** Runs needed: points × replicates. */
export const designRuns = (design: SensitivityDesign, replicates: number): number => design.points.length * replicates;

/** A deterministic model evaluated at every point of the design. */
export function evaluate(design: SensitivityDesign, factors: readonly Factor[], model: (values: unknown[]) => number): Float64Array {
  return Float64Array.from(design.points, (point) => model(factorValues(factors, point)));
}

export const SENSITIVITY_COLUMNS = ['output', 'parameter', 'index', 'value', 'lo', 'hi', 'level', 'distinguishable_from_zero', 'noise_share'] as const;

export type IndexName = 'S1' | 'ST' | 'mu_star' | 'mu' | 'sigma';

export interface SensitivityRow {
  readonly output: string;
  readonly parameter: string;
  readonly index: IndexName;
  readonly value: number;
  readonly lo: number;
  readonly hi: number;
  readonly level: number;
  /** "no" when the interval reaches 0: the index may well be 0. */
  readonly distinguishable_from_zero: 'yes' | 'no';
  /** The output's within-point over total variance (empty without replicates). */
  readonly noise_share: number;
}

export interface OutputRuns {
  readonly name: string;
  /** runs[point][replicate]. */
  readonly runs: readonly (readonly number[])[];
}

interface Entry {
  readonly index: IndexName;
  readonly value: number;
  readonly interval: Interval;
}

/**
 * The indices of every output, parameter by parameter in order of influence (Sobol: ST; Morris:
 * μ*; ties and undefined values keep the parameters' order, undefined last).
 */
export function sensitivityRows(design: SensitivityDesign, factors: readonly Factor[], outputs: readonly OutputRuns[], bootstrap: BootstrapOptions): SensitivityRow[] {
  const parameters = factors.map((f) => f.name);
  return outputs.flatMap((output) => {
    if (output.runs.length !== design.points.length) throw new Error(`${output.name}: expected outputs at ${design.points.length} points, got ${output.runs.length}`);
    const means = replicateMeans(output.runs);
    const noise = noiseShare(output.runs);
    const entries: Entry[][] =
      design.method === 'morris'
        ? morrisIndices(design, means, bootstrap, factors).map((m) => [
            { index: 'mu_star', value: m.muStar, interval: m.muStarInterval },
            { index: 'mu', value: m.mu, interval: m.muInterval },
            { index: 'sigma', value: m.sigma, interval: m.sigmaInterval },
          ])
        : sobolIndices(design, means, bootstrap).map((s) => [
            { index: 'S1', value: s.first, interval: s.firstInterval },
            { index: 'ST', value: s.total, interval: s.totalInterval },
          ]);
    // Morris ranks by μ* (the first entry), Sobol by S_T (the second).
    const ranking = design.method === 'morris' ? 0 : 1;
    const rank = (i: number) => (Number.isFinite(entries[i][ranking].value) ? entries[i][ranking].value : -Infinity);
    const order = parameters.map((_, i) => i).sort((a, b) => rank(b) - rank(a) || a - b);
    return order.flatMap((i) =>
      entries[i].map((e) => ({
        output: output.name,
        parameter: parameters[i],
        index: e.index,
        value: e.value,
        lo: e.interval.lo,
        hi: e.interval.hi,
        level: bootstrap.level,
        distinguishable_from_zero: includesZero(e.interval) ? ('no' as const) : ('yes' as const),
        noise_share: noise,
      })),
    );
  });
}

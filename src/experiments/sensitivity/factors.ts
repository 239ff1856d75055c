// Uncertain parameters ("factors") of a sensitivity analysis and how a point of the unit cube
// becomes their values. The designs (Morris, Saltelli) place points in [0, 1]^k; each coordinate is
// then read as a fraction of its factor's range — linear, or linear in the logarithm for rates
// spanning magnitudes — or, for a list of values (a date, a mode, on/off), as the list entry whose
// equal share of [0, 1] it falls in. Browser-safe.

export interface Factor {
  /** What the factor is called in tables: a scenario path such as `channels.feed.attention`. */
  readonly name: string;
  readonly from?: number;
  readonly to?: number;
  readonly scale?: 'linear' | 'log';
  /** Round each value to a whole number. */
  readonly integer?: boolean;
  /** Levels of a factor that is not a number: u ∈ [0, 1) picks values[⌊u·n⌋] (u = 1 the last). */
  readonly values?: readonly unknown[];
}

/** The value of `factor` at fraction `u` ∈ [0, 1] of its range (full precision: elementary effects stay exact). */
export function factorValue(factor: Factor, u: number): unknown {
  if (factor.values) return factor.values[Math.min(factor.values.length - 1, Math.floor(u * factor.values.length))];
  const from = factor.from ?? 0;
  const to = factor.to ?? 1;
  // The ends exactly as written (exp(log(to)) may miss `to` by a unit in the last place).
  if (u <= 0 || u >= 1) return factor.integer ? Math.round(u <= 0 ? from : to) : u <= 0 ? from : to;
  const x = factor.scale === 'log' ? Math.exp(Math.log(from) + u * (Math.log(to) - Math.log(from))) : from + u * (to - from);
  return factor.integer ? Math.round(x) : x;
}

/**
 * Where the value at `u` lies between the factor's first and last value, in [0, 1]: u itself for a
 * range; for a list, the entry's index over n − 1 — so a Morris step that flips an on/off lever
 * counts as the whole range (not as the 2/3 of the unit cube the step happened to cross).
 */
export function factorPosition(factor: Factor, u: number): number {
  if (!factor.values) return u;
  const n = factor.values.length;
  return n < 2 ? 0 : Math.min(n - 1, Math.floor(u * n)) / (n - 1);
}

/** The factors' values at one point of the unit cube, in factor order. */
export function factorValues(factors: readonly Factor[], point: ArrayLike<number>): unknown[] {
  return factors.map((factor, i) => factorValue(factor, point[i]));
}

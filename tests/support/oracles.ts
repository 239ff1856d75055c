// Known mathematics the model must agree with (MODEL.md §10), computed independently of the engine.

/** Discrete Bass recursion F(t+1) = F(t) + (1 − F(t))(1 − (1 − p)(1 − q/N)^(N·F(t))), F(0) = 0. */
export function bassRecursion(p: number, q: number, agents: number, days: number): Float64Array {
  const f = new Float64Array(days + 1);
  for (let t = 0; t < days; t++) f[t + 1] = f[t] + (1 - f[t]) * (1 - (1 - p) * Math.pow(1 - q / agents, agents * f[t]));
  return f;
}

/** Continuous Bass curve F(t) = (1 − e^−(p+q)t) / (1 + (q/p) e^−(p+q)t). */
export function bassClosedForm(p: number, q: number, t: number): number {
  const e = Math.exp(-(p + q) * t);
  return (1 - e) / (1 + (q / p) * e);
}

/** Largest root of S = 1 − (1 − seeds) e^(−cT·S) (the final size of a large outbreak), by fixed-point iteration. */
export function cascadeFinalSize(cT: number, seeds = 0): number {
  let s = 1;
  for (let k = 0; k < 10_000; k++) s = 1 - (1 - seeds) * Math.exp(-cT * s);
  return s;
}

export function meanAndSe(xs: readonly number[]): { mean: number; se: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1);
  return { mean, se: Math.sqrt(variance / xs.length) };
}

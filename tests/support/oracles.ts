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

/** Binomial probability C(n, j) q^j (1 − q)^(n − j). */
function binomial(n: number, j: number, q: number): number {
  let c = 1;
  for (let i = 1; i <= j; i++) c = (c * (n - j + i)) / i;
  return c * Math.pow(q, j) * Math.pow(1 - q, n - j);
}

/**
 * Final adopted fraction of threshold contagion on a locally tree-like random graph (Gleeson &
 * Cahalane 2007, "Seed size strongly affects cascades on random networks"): a node of degree k
 * adopts once `need(k)` neighbours have (need 0 = never), a fraction ρ0 are seeds. With q the
 * chance that a neighbour reached along a tie has adopted (evaluated without that tie),
 *   q = ρ0 + (1 − ρ0) Σ_k (k p_k / z) P[Bin(k − 1, q) ≥ need(k)],
 *   ρ = ρ0 + (1 − ρ0) Σ_k p_k P[Bin(k, q) ≥ need(k)],
 * iterated from q = ρ0 (the least fixed point: the cascade that seeds can actually reach).
 */
export function thresholdCascadeSize(degrees: ReadonlyMap<number, number>, need: (k: number) => number, seeds: number): number {
  let z = 0;
  for (const [k, p] of degrees) z += k * p;
  const atLeast = (n: number, m: number, q: number) => {
    let s = 0;
    for (let j = m; j <= n; j++) s += binomial(n, j, q);
    return s;
  };
  let q = seeds;
  for (let step = 0; step < 100_000; step++) {
    let s = 0;
    for (const [k, p] of degrees) if (k > 0 && need(k) > 0) s += ((k * p) / z) * atLeast(k - 1, need(k), q);
    const next = seeds + (1 - seeds) * s;
    if (Math.abs(next - q) < 1e-13) break;
    q = next;
  }
  let rho = 0;
  for (const [k, p] of degrees) if (k > 0 && need(k) > 0) rho += p * atLeast(k, need(k), q);
  return seeds + (1 - seeds) * rho;
}

/** Poisson(z) degree probabilities up to where they vanish (an Erdős–Rényi graph of mean degree z). */
export function poissonDegrees(z: number): Map<number, number> {
  const degrees = new Map<number, number>();
  let p = Math.exp(-z);
  for (let k = 0; k < 10 * z + 40; k++) {
    degrees.set(k, p);
    p *= z / (k + 1);
  }
  return degrees;
}

/**
 * Watts (2002): on a random graph a single seed can start a global cascade of a fractional
 * threshold φ when Σ_k k(k − 1) p_k ρ_k > z, where ρ_k = 1 for the vulnerable degrees k ≤ 1/φ
 * (one adopting friend is enough) and 0 otherwise. Returns Σ_k k(k − 1) p_k ρ_k − z.
 */
export function wattsCascadeMargin(degrees: ReadonlyMap<number, number>, phi: number): number {
  let z = 0;
  let s = 0;
  for (const [k, p] of degrees) {
    z += k * p;
    if (k >= 1 && k * phi <= 1) s += k * (k - 1) * p;
  }
  return s - z;
}

/**
 * Final size of bond percolation (an independent cascade with transmission T) on a random
 * d-regular graph, with a share `seeds` infected at the start: S = 1 − (1 − s)(1 − T + T·u)^d where
 * u, the chance that a friend is not reached through its other d − 1 ties, is the smallest root of
 * u = (1 − s)(1 − T + T·u)^(d−1) — iterated from u = 0, which climbs to it.
 */
export function regularPercolationFinalSize(d: number, T: number, seeds = 0): number {
  let u = 0;
  for (let k = 0; k < 100_000; k++) u = (1 - seeds) * (1 - T + T * u) ** (d - 1);
  return 1 - (1 - seeds) * (1 - T + T * u) ** d;
}

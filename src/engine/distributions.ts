// Samplers for setup-time traits. They take a Stream so the caller decides which seeded stream
// is used; none of them runs in the daily loop.
import type { Stream } from './random.ts';

export function normal(next: Stream): number {
  // Box–Muller; one of the pair is discarded to keep the sampler stateless.
  const u = 1 - next();
  const v = next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function logNormal(next: Stream, median: number, sigma: number): number {
  return sigma === 0 ? median : median * Math.exp(sigma * normal(next));
}

/** Marsaglia–Tsang gamma sampler, shape > 0, scale 1. */
export function gamma(next: Stream, shape: number): number {
  if (shape < 1) return gamma(next, shape + 1) * Math.pow(next() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(next);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta with the given mean and concentration α + β; degenerate means give the mean itself. */
export function beta(next: Stream, mean: number, concentration: number): number {
  if (mean <= 0 || mean >= 1) return mean;
  const a = gamma(next, mean * concentration);
  const b = gamma(next, (1 - mean) * concentration);
  return a / (a + b);
}

/**
 * Walker's alias table over non-negative weights: O(1) sampling of an index ∝ weight.
 * Used for picking tie partners in proportion to their target degree (Chung–Lu).
 */
export interface AliasTable {
  readonly probability: Float64Array;
  readonly alias: Uint32Array;
}

export function aliasTable(weights: ArrayLike<number>): AliasTable {
  const n = weights.length;
  const probability = new Float64Array(n);
  const alias = new Uint32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  if (n === 0 || total <= 0) return { probability: probability.fill(1), alias };
  const scaled = new Float64Array(n);
  const small = new Uint32Array(n);
  const large = new Uint32Array(n);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    scaled[i] = (weights[i] * n) / total;
    if (scaled[i] < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  while (ns > 0 && nl > 0) {
    const s = small[--ns];
    const l = large[--nl];
    probability[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    if (scaled[l] < 1) small[ns++] = l;
    else large[nl++] = l;
  }
  while (nl > 0) probability[large[--nl]] = 1;
  while (ns > 0) probability[small[--ns]] = 1;
  return { probability, alias };
}

export function sampleAlias(table: AliasTable, next: Stream): number {
  const n = table.probability.length;
  const x = next() * n;
  const i = Math.min(n - 1, Math.floor(x));
  return x - i < table.probability[i] ? i : table.alias[i];
}

/** Binomial(n, p) by inversion: cheap when n·p is modest (tens), exact for any n. */
export function binomial(next: Stream, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const q = 1 - p;
  let pmf = Math.exp(n * Math.log1p(-p));
  if (pmf === 0) return Math.round(n * p); // n·p in the hundreds of thousands: the mean is exact enough
  let u = next();
  let k = 0;
  while (u > pmf && k < n) {
    u -= pmf;
    pmf *= ((n - k) / (k + 1)) * (p / q);
    k++;
  }
  return k;
}

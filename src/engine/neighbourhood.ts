// Clustered ties: a `clustering` share of each agent's target degree stays inside its neighbourhood
// block (friends of friends are friends). Each pair of block mates is tied with chance
// min(1, a_i·a_j) — Chung–Lu with chances that cannot exceed 1 — where the a are fitted so each
// agent's expected clustered degree is its share w_i: a_i starts at w_i/√Σw (plain Chung–Lu) and is
// scaled by √(w_i / expected_i) until the expectations meet the shares. Plain Chung–Lu loses ties
// twice: a pair's chance w_i·w_j/Σw is cut at 1 for two busy agents, and no agent ties itself, so
// −w_i²/Σw. A share the block cannot hold at all (more than its other members, or a block of busy
// agents) is returned as long ties of the same agent, so its degree holds. The fit stops after a
// few steps (it only decides how much stays in the block), then trims any agent left above its share.
import type { Population } from './population.ts';
import type { Stream } from './random.ts';
import type { PairList } from './ties.ts';

const FIT_STEPS = 12;
const FIT_TOLERANCE = 0.003;
const TRIM_PASSES = 4;

/** Draws the clustered ties into `pairs`; returns each agent's long-tie target (target − expected clustered degree). */
export function neighbourhoodTies(population: Population, target: Float64Array, clustering: number, next: Stream, pairs: PairList): Float64Array {
  const { agents, blockStart } = population;
  const long = new Float64Array(agents);
  let widest = 0;
  for (let b = 0; b + 1 < blockStart.length; b++) widest = Math.max(widest, blockStart[b + 1] - blockStart[b]);
  const share = new Float64Array(widest);
  const scale = new Float64Array(widest);
  const held = new Float64Array(widest);
  for (let b = 0; b + 1 < blockStart.length; b++) {
    const lo = blockStart[b];
    const n = blockStart[b + 1] - lo;
    let total = 0;
    for (let i = 0; i < n; i++) {
      share[i] = Math.min(n - 1, target[lo + i] * clustering);
      total += share[i];
    }
    if (n < 2 || total <= 0) {
      for (let i = 0; i < n; i++) long[lo + i] = target[lo + i];
      continue;
    }
    for (let i = 0; i < n; i++) scale[i] = share[i] / Math.sqrt(total);
    fitScales(n, share, scale, held);
    for (let i = 0; i < n; i++) {
      long[lo + i] = Math.max(0, target[lo + i] - held[i]);
      const ai = scale[i];
      for (let j = i + 1; j < n; j++) if (next() < ai * scale[j]) pairs.push(lo + i, lo + j);
    }
  }
  return long;
}

/** Fits the scales in place; leaves each agent's expected clustered degree in `held`. */
function fitScales(n: number, share: Float64Array, scale: Float64Array, held: Float64Array): void {
  for (let step = 0; ; step++) {
    expectedDegrees(n, scale, held);
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(held[i] - share[i]) / Math.max(1, share[i]));
    if (worst < FIT_TOLERANCE || step === FIT_STEPS) break;
    // An agent tied to every block mate already cannot gain more; its scale stays put.
    for (let i = 0; i < n; i++) if (held[i] > 0 && held[i] < n - 1) scale[i] = Math.min(1e9, scale[i] * Math.sqrt(share[i] / held[i]));
  }
  // An agent left above its share would get more ties than its target (its long ties cannot go
  // below zero): lower just those scales, which only lowers everyone else's expectation.
  for (let pass = 0; pass < TRIM_PASSES; pass++) {
    let over = false;
    for (let i = 0; i < n; i++) if (held[i] > share[i] * (1 + 1e-9)) (scale[i] *= share[i] / held[i]), (over = true);
    if (!over) return;
    expectedDegrees(n, scale, held);
  }
}

function expectedDegrees(n: number, scale: Float64Array, held: Float64Array): void {
  held.fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const p = Math.min(1, scale[i] * scale[j]);
      held[i] += p;
      held[j] += p;
    }
  }
}

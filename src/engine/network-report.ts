// The realised network beside what the file asked: per tier, degree mean, variance and quantiles,
// the clustering coefficient, and the tier-mixing matrix of tie ends; group sizes. Read-only, from
// the shared parts, so it runs wherever the world lives (in a worker for `tierwave run`).
//
// Clustering is the global transitivity, 3 × triangles / connected triples, per tier counting the
// triples centred on that tier's agents. It is estimated from WEDGES_PER_TIER wedges drawn
// uniformly (a centre with chance ∝ its d(d−1)/2 wedges, then two distinct friends of it), from a
// stream of its own so the report is the same for a seed; its standard error is about
// √(C(1−C)/WEDGES_PER_TIER) ≤ 0.004. Cost: one pass over the ties (degrees, mixing), a binary
// search per wedge, and 12 bytes per agent while the wedges are drawn (measured: about
// two plain passes over the ties, a fraction of the time it takes to build them).
import type { Scenario } from '../scenario/types.ts';
import { longTieCounts, rowShares } from '../scenario/mixing.ts';
import type { Groups } from './groups.ts';
import type { Population } from './population.ts';
import { stream } from './random.ts';
import { hasTie, type Ties } from './ties.ts';

export const WEDGES_PER_TIER = 20_000;

export interface DegreeFigures {
  readonly mean: number;
  readonly variance: number;
  readonly q50: number;
  readonly q90: number;
  readonly q99: number;
  readonly max: number;
}

export interface TierNetwork {
  readonly agents: number;
  readonly degree: DegreeFigures;
  /** Mean degree the file asked for, when it says (generated: meanFriends; textbook graphs). */
  readonly askedDegree: number | null;
  /** Global transitivity of the triples centred on this tier's agents (null without any). */
  readonly clustering: number | null;
}

export interface NetworkReport {
  readonly kind: Scenario['network']['kind'];
  readonly agents: number;
  readonly ties: number;
  readonly tiers: TierNetwork[];
  readonly all: TierNetwork;
  /** realised[i][j]: share of tier i's tie ends that reach tier j. */
  readonly mixing: { readonly realised: number[][]; readonly asked: number[][] | null };
  readonly groups: { readonly count: number; readonly size: DegreeFigures | null; readonly membershipsPerAgent: number };
}

export function networkReport(scenario: Scenario, parts: { population: Population; ties: Ties; groups: Groups }, seed: number): NetworkReport {
  const { population, ties, groups } = parts;
  const { offsets, neighbors } = ties;
  const { tier, agents } = population;
  const k = population.tierCount;
  let widest = 0;
  for (let i = 0; i < agents; i++) widest = Math.max(widest, offsets[i + 1] - offsets[i]);
  // One pass over the ties: tie ends between tiers, and a degree histogram per tier.
  const ends = new Float64Array(k * k);
  const histograms = Array.from({ length: k }, () => new Float64Array(widest + 1));
  for (let i = 0; i < agents; i++) {
    const t = tier[i];
    histograms[t][offsets[i + 1] - offsets[i]]++;
    const row = t * k;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) ends[row + tier[neighbors[e]]]++;
  }
  const all = new Float64Array(widest + 1);
  for (const h of histograms) for (let d = 0; d <= widest; d++) all[d] += h[d];
  const next = stream(seed, 'network-report');
  const wedges = tierWedges(population, ties);
  const asked = askedDegrees(scenario);
  const tiers = histograms.map((histogram, t) => ({
    agents: population.tierSizes[t],
    degree: figures(histogram),
    askedDegree: asked?.[t] ?? null,
    clustering: sampledTransitivity(ties, wedges, [t], next),
  }));
  const askedAll = asked ? asked.reduce((s, a, t) => s + a * population.tierSizes[t], 0) / Math.max(1, agents) : null;
  const everyTier = Array.from({ length: k }, (_, t) => t);
  const realised = Array.from({ length: k }, (_, s) => Array.from(ends.subarray(s * k, (s + 1) * k)));
  return {
    kind: scenario.network.kind,
    agents,
    ties: ties.count,
    tiers,
    all: { agents, degree: figures(all), askedDegree: askedAll, clustering: sampledTransitivity(ties, wedges, everyTier, next) },
    mixing: { realised: rowShares(realised), asked: askedMixing(scenario, population) },
    groups: groupFigures(groups, agents),
  };
}

function askedDegrees(scenario: Scenario): number[] | null {
  const net = scenario.network;
  const same = (d: number) => scenario.tiers.map(() => d);
  if (net.kind === 'generated') return scenario.tiers.map((t) => t.meanFriends);
  if (net.kind === 'erdos-renyi') return same(net.meanDegree);
  if (net.kind === 'regular' || net.kind === 'small-world') return same(net.degree);
  return null;
}

/** Generated networks: the neighbourhood share on the diagonal plus (1 − clustering) × the balanced long-tie rows. */
function askedMixing(scenario: Scenario, population: Population): number[][] | null {
  const net = scenario.network;
  if (net.kind !== 'generated') return null;
  const budgets = scenario.tiers.map((t, k) => t.meanFriends * population.tierSizes[k] * (1 - net.clustering));
  const rows = net.mixing ? rowShares(net.mixing) : rowShares(longTieCounts(budgets).ends);
  return rows.map((row, s) => row.map((p, t) => (1 - net.clustering) * p + (s === t ? net.clustering : 0)));
}

/** Mean, variance and quantiles from a histogram: histogram[v] agents (or groups) have value v. */
function figures(histogram: Float64Array): DegreeFigures {
  let n = 0;
  let sum = 0;
  let max = 0;
  for (let v = 0; v < histogram.length; v++) if (histogram[v] > 0) (n += histogram[v]), (sum += v * histogram[v]), (max = v);
  if (n === 0) return { mean: 0, variance: 0, q50: 0, q90: 0, q99: 0, max: 0 };
  const mean = sum / n;
  let squares = 0;
  for (let v = 0; v <= max; v++) squares += (v - mean) ** 2 * histogram[v];
  // The smallest value with at least q of the agents at or below it.
  const quantile = (q: number) => {
    let seen = 0;
    for (let v = 0; v <= max; v++) if ((seen += histogram[v]) >= q * n) return v;
    return max;
  };
  return { mean, variance: squares / n, q50: quantile(0.5), q90: quantile(0.9), q99: quantile(0.99), max };
}

interface TierWedges {
  /** Per tier: its agents with two friends or more, and the running count of their wedges. */
  readonly centres: Uint32Array[];
  readonly cumulative: Float64Array[];
}

function tierWedges(population: Population, ties: Ties): TierWedges {
  const k = population.tierCount;
  const centres = population.tierSizes.map((n) => new Uint32Array(n));
  const cumulative = population.tierSizes.map((n) => new Float64Array(n));
  const counts = new Array<number>(k).fill(0);
  const totals = new Array<number>(k).fill(0);
  for (let i = 0; i < population.agents; i++) {
    const d = ties.offsets[i + 1] - ties.offsets[i];
    if (d < 2) continue;
    const t = population.tier[i];
    totals[t] += (d * (d - 1)) / 2;
    centres[t][counts[t]] = i;
    cumulative[t][counts[t]++] = totals[t];
  }
  return { centres: centres.map((c, t) => c.subarray(0, counts[t])), cumulative: cumulative.map((c, t) => c.subarray(0, counts[t])) };
}

/** Transitivity of the wedges centred in `among` tiers: a tier by its wedge count, then a centre in it. */
function sampledTransitivity(ties: Ties, wedges: TierWedges, among: readonly number[], next: () => number): number | null {
  const totals = among.map((t) => (wedges.cumulative[t].length ? wedges.cumulative[t][wedges.cumulative[t].length - 1] : 0));
  const total = totals.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let closed = 0;
  for (let s = 0; s < WEDGES_PER_TIER; s++) {
    let u = next() * total;
    let pick = 0;
    while (pick < among.length - 1 && u >= totals[pick]) u -= totals[pick++];
    const cumulative = wedges.cumulative[among[pick]];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    const c = wedges.centres[among[pick]][lo];
    const start = ties.offsets[c];
    const d = ties.offsets[c + 1] - start;
    const a = Math.floor(next() * d);
    let b = Math.floor(next() * (d - 1));
    if (b >= a) b++;
    if (hasTie(ties, ties.neighbors[start + a], ties.neighbors[start + b])) closed++;
  }
  return closed / WEDGES_PER_TIER;
}

function groupFigures(groups: Groups, agents: number): NetworkReport['groups'] {
  if (groups.count === 0) return { count: 0, size: null, membershipsPerAgent: 0 };
  let largest = 0;
  for (let g = 0; g < groups.count; g++) largest = Math.max(largest, groups.memberOffsets[g + 1] - groups.memberOffsets[g]);
  const sizes = new Float64Array(largest + 1);
  for (let g = 0; g < groups.count; g++) sizes[groups.memberOffsets[g + 1] - groups.memberOffsets[g]]++;
  return { count: groups.count, size: figures(sizes), membershipsPerAgent: groups.memberOffsets[groups.count] / Math.max(1, agents) };
}

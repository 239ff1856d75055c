// The realised network beside what the file asked: per tier, degree mean, variance and quantiles,
// the clustering coefficient, and the tier-mixing matrix of tie ends; group sizes. Read-only, from
// the shared parts, so it runs wherever the world lives (in a worker for `tierwave run`).
//
// Clustering is the global transitivity, 3 × triangles / connected triples, per tier counting the
// triples centred on that tier's agents. It is estimated from WEDGES_PER_TIER wedges drawn
// uniformly (a centre with chance ∝ its d(d−1)/2 wedges, then two distinct friends of it), from a
// stream of its own so the report is the same for a seed; its standard error is about
// √(C(1−C)/WEDGES_PER_TIER) ≤ 0.004. Cost: one pass over the ties (degrees, mixing), a binary
// search per wedge, and 12 bytes per agent while the wedges are drawn.
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
  const k = population.tierCount;
  const ends = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const degreesByTier = Array.from({ length: k }, () => new Map<number, number>());
  const all = new Map<number, number>();
  for (let i = 0; i < population.agents; i++) {
    const t = population.tier[i];
    const d = ties.offsets[i + 1] - ties.offsets[i];
    degreesByTier[t].set(d, (degreesByTier[t].get(d) ?? 0) + 1);
    all.set(d, (all.get(d) ?? 0) + 1);
    const row = ends[t];
    for (let e = ties.offsets[i]; e < ties.offsets[i + 1]; e++) row[population.tier[ties.neighbors[e]]]++;
  }
  const next = stream(seed, 'network-report');
  const asked = askedDegrees(scenario);
  const tiers = degreesByTier.map((histogram, t) => ({
    agents: population.tierSizes[t],
    degree: figures(histogram),
    askedDegree: asked?.[t] ?? null,
    clustering: sampledTransitivity(ties, (i) => population.tier[i] === t, next),
  }));
  const askedAll = asked ? asked.reduce((s, a, t) => s + a * population.tierSizes[t], 0) / Math.max(1, population.agents) : null;
  return {
    kind: scenario.network.kind,
    agents: population.agents,
    ties: ties.count,
    tiers,
    all: { agents: population.agents, degree: figures(all), askedDegree: askedAll, clustering: sampledTransitivity(ties, () => true, next) },
    mixing: { realised: rowShares(ends), asked: askedMixing(scenario, population) },
    groups: groupFigures(groups, population.agents),
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

/** Mean, variance and quantiles from a histogram of whole numbers. */
function figures(histogram: Map<number, number>): DegreeFigures {
  const values = [...histogram.keys()].sort((a, b) => a - b);
  const n = values.reduce((s, v) => s + histogram.get(v)!, 0);
  if (n === 0) return { mean: 0, variance: 0, q50: 0, q90: 0, q99: 0, max: 0 };
  const mean = values.reduce((s, v) => s + v * histogram.get(v)!, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2 * histogram.get(v)!, 0) / n;
  // The smallest value with at least q of the agents at or below it.
  const quantile = (q: number) => {
    let seen = 0;
    for (const v of values) if ((seen += histogram.get(v)!) >= q * n) return v;
    return values[values.length - 1];
  };
  return { mean, variance, q50: quantile(0.5), q90: quantile(0.9), q99: quantile(0.99), max: values[values.length - 1] };
}

function sampledTransitivity(ties: Ties, centre: (i: number) => boolean, next: () => number): number | null {
  const candidates = new Uint32Array(ties.agents);
  const cumulative = new Float64Array(ties.agents);
  let count = 0;
  let wedges = 0;
  for (let i = 0; i < ties.agents; i++) {
    const d = ties.offsets[i + 1] - ties.offsets[i];
    if (d < 2 || !centre(i)) continue;
    wedges += (d * (d - 1)) / 2;
    candidates[count] = i;
    cumulative[count++] = wedges;
  }
  if (wedges === 0) return null;
  let closed = 0;
  for (let s = 0; s < WEDGES_PER_TIER; s++) {
    const u = next() * wedges;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    const c = candidates[lo];
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
  const sizes = new Map<number, number>();
  for (let g = 0; g < groups.count; g++) {
    const size = groups.memberOffsets[g + 1] - groups.memberOffsets[g];
    sizes.set(size, (sizes.get(size) ?? 0) + 1);
  }
  return { count: groups.count, size: figures(sizes), membershipsPerAgent: groups.memberOffsets[groups.count] / Math.max(1, agents) };
}

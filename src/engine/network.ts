// Friend ties:
//  - erdos-renyi: a simple random graph (erdos-renyi.ts, built in steps workers can share);
//  - generated: per-agent heavy-tailed target degrees; a `clustering` share of each agent's ties
//    stays inside its neighbourhood block (friends of friends are friends), the rest go to tiers
//    by the mixing matrix with partners drawn in proportion to target degree (Chung–Lu);
//  - mixed: no ties at all (everyone meets everyone: the Bass mean field).
import type { Scenario } from '../scenario/types.ts';
import { aliasTable, normal, sampleAlias, type AliasTable } from './distributions.ts';
import { allocateLocal, type Allocate, type Arrays } from './memory.ts';
import type { Population } from './population.ts';
import { stream, type Stream } from './random.ts';
import { PairList, tiesFromPairs, type Ties } from './ties.ts';

export function defaultMixing(tierCount: number): number[][] {
  // Homophily on the diagonal; tier 1 keeps a larger tie to tier 4 (migrants' families back home).
  return Array.from({ length: tierCount }, (_, i) =>
    Array.from({ length: tierCount }, (_, j) => {
      if (i === j) return 0.85;
      const migrant = (i === 0 && j === tierCount - 1) || (j === 0 && i === tierCount - 1);
      return migrant ? 0.08 : 0.07 / Math.max(1, tierCount - 2);
    }),
  );
}

/** Expected tie ends between tiers: ends[s][t] (symmetric), from degrees, clustering and mixing. */
export function tierTieCounts(population: Population, meanFriends: readonly number[], clustering: number, mixing: number[][]): number[][] {
  const k = population.tierCount;
  const ends = Array.from({ length: k }, (_, s) => {
    const row = mixing[s];
    const total = row.reduce((a, b) => a + b, 0) || 1;
    return row.map((w) => (population.tierSizes[s] * meanFriends[s] * (1 - clustering) * w) / total);
  });
  // Ties between s and t counted from both sides are averaged, so the matrix is symmetric.
  return ends.map((row, s) => row.map((x, t) => (x + ends[t][s]) / 2));
}

export function generatedTies(scenario: Scenario, population: Population, seed: number, allocate: Allocate = allocateLocal, hot?: Arrays): Ties {
  const { agents, tier, blockStart, tierCount } = population;
  const net = scenario.network;
  const meanFriends = scenario.tiers.map((t) => t.meanFriends);
  const sigma = net.degreeSigma;
  const next = stream(seed, 'network');

  // Heavy-tailed target degrees with the tier's mean.
  const target = new Float64Array(agents);
  for (let i = 0; i < agents; i++) target[i] = meanFriends[tier[i]] * Math.exp(sigma * normal(next) - (sigma * sigma) / 2);

  const expected = agents * (meanFriends.reduce((a, b) => a + b, 0) / Math.max(1, tierCount)) * 0.6;
  const pairs = new PairList(Math.ceil(expected));

  // Clustered ties stay inside the neighbourhood block: each pair of block mates is tied with
  // chance w_i·w_j / Σw (Chung–Lu within the block, w = clustered share of the target degree), so
  // the expected clustered degree is w_i and no pair is drawn twice.
  for (let b = 0; b + 1 < blockStart.length; b++) {
    const lo = blockStart[b];
    const hi = blockStart[b + 1];
    let total = 0;
    for (let i = lo; i < hi; i++) total += target[i] * net.clustering;
    if (hi - lo < 2 || total <= 0) continue;
    for (let i = lo; i < hi; i++) {
      const wi = (target[i] * net.clustering) / total;
      for (let j = i + 1; j < hi; j++) if (next() < wi * target[j] * net.clustering) pairs.push(i, j);
    }
  }

  // Long ties between tiers by the mixing matrix, partners ∝ target degree within a tier.
  const members = tierMembers(population);
  const tables: AliasTable[] = members.map((ids) => aliasTable(Array.from(ids, (id) => target[id])));
  const mixing = net.mixing ?? defaultMixing(tierCount);
  const ends = tierTieCounts(population, meanFriends, net.clustering, mixing);
  for (let s = 0; s < tierCount; s++) {
    for (let t = s; t < tierCount; t++) {
      if (members[s].length === 0 || members[t].length === 0) continue;
      const ties = stochasticRound(s === t ? ends[s][t] / 2 : ends[s][t], next);
      for (let e = 0; e < ties; e++) {
        const u = members[s][sampleAlias(tables[s], next)];
        const v = members[t][sampleAlias(tables[t], next)];
        if (u !== v) pairs.push(u, v);
      }
    }
  }
  return tiesFromPairs(agents, pairs, allocate, hot);
}

export function tierMembers(population: Population): Uint32Array[] {
  const members = population.tierSizes.map((n) => new Uint32Array(n));
  const fill = new Array<number>(population.tierCount).fill(0);
  for (let i = 0; i < population.agents; i++) members[population.tier[i]][fill[population.tier[i]]++] = i;
  return members;
}

function stochasticRound(x: number, next: Stream): number {
  const whole = Math.floor(x);
  return whole + (next() < x - whole ? 1 : 0);
}

// Friend ties. Three generators share one CSR builder (ties.ts):
//  - erdos-renyi: a simple random graph with agents·meanDegree/2 sampled pairs;
//  - generated: per-agent heavy-tailed target degrees; a `clustering` share of each agent's ties
//    stays inside its neighbourhood block (friends of friends are friends), the rest go to tiers
//    by the mixing matrix with partners drawn in proportion to target degree (Chung–Lu);
//  - mixed: no ties at all (everyone meets everyone: the Bass mean field).
import type { Scenario } from '../scenario/schema.ts';
import { aliasTable, binomial, normal, sampleAlias, type AliasTable } from './distributions.ts';
import { arrays, allocateLocal, type Allocate } from './memory.ts';
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

/**
 * A simple random graph with exactly round(agents · meanDegree / 2) ties. Ties are generated row by
 * row: agent u gets Binomial(ties left, share of the remaining pairs whose smaller end is u) ties to
 * distinct agents above u. (Drawing the counts binomially rather than hypergeometrically is
 * indistinguishable at these sizes.) Because u only increases, every row comes out sorted without
 * a sort pass. The mirror entries (v gets u) are the one scattered write per tie, the bottleneck of
 * graph building at 10^7 agents: they are first partitioned into buckets of 2^16 rows, so each
 * bucket's writes stay within a few megabytes of memory instead of hopping over the whole graph.
 */
export function erdosRenyiTies(agents: number, meanDegree: number, seed: number, allocate: Allocate = allocateLocal): Ties {
  const mem = arrays(allocate);
  const n = agents;
  const wanted = n < 2 ? 0 : Math.min(Math.round((n * meanDegree) / 2), (n * (n - 1)) / 2);
  if (2 * wanted > 4294967295) throw new RangeError(`${wanted} ties exceed what one network can hold (2,147,483,647)`);
  const next = stream(seed, 'network');
  const forwardCount = new Uint32Array(n);
  const forward = new Uint32Array(wanted);
  const BUCKET_BITS = 16;
  const buckets = (n >>> BUCKET_BITS) + 1;
  const bucketStart = new Uint32Array(buckets + 1);
  let left = wanted;
  let pairsLeft = (n * (n - 1)) / 2;
  let at = 0;
  for (let u = 0; u < n - 1 && left > 0; u++) {
    const above = n - 1 - u;
    const k = Math.min(above, u === n - 2 ? left : binomial(next, left, above / pairsLeft));
    pairsLeft -= above;
    left -= k;
    const start = at;
    for (let e = 0; e < k; e++) {
      // Insert a fresh distinct neighbour above u, keeping the row's forward part sorted.
      for (;;) {
        const v = u + 1 + Math.floor(next() * above);
        let x = at;
        while (x > start && forward[x - 1] > v) x--;
        if (x > start && forward[x - 1] === v) continue;
        for (let y = at; y > x; y--) forward[y] = forward[y - 1];
        forward[x] = v;
        at++;
        bucketStart[(v >>> BUCKET_BITS) + 1]++;
        break;
      }
    }
    forwardCount[u] = k;
  }
  for (let b = 0; b < buckets; b++) bucketStart[b + 1] += bucketStart[b];

  // Partition the mirror entries by bucket of v, keeping u in increasing order within a bucket.
  const mirrorSource = new Uint32Array(wanted);
  const mirrorTarget = new Uint16Array(wanted);
  const bucketFill = bucketStart.slice(0, buckets);
  for (let u = 0, read = 0; u < n; u++) {
    for (let e = forwardCount[u]; e > 0; e--) {
      const v = forward[read++];
      const slot = bucketFill[v >>> BUCKET_BITS]++;
      mirrorSource[slot] = u;
      mirrorTarget[slot] = v & 0xffff;
    }
  }
  const backwardCount = new Uint32Array(n);
  for (let b = 0; b < buckets; b++) {
    const base = b << BUCKET_BITS;
    for (let slot = bucketStart[b]; slot < bucketStart[b + 1]; slot++) backwardCount[base + mirrorTarget[slot]]++;
  }

  const offsets = mem.u32(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + forwardCount[i] + backwardCount[i];
  const neighbors = mem.u32(offsets[n]);
  // Row v = [smaller neighbours, in increasing order] + [larger neighbours, already sorted].
  for (let u = 0, read = 0; u < n; u++) {
    const tail = offsets[u + 1] - forwardCount[u];
    for (let e = 0; e < forwardCount[u]; e++) neighbors[tail + e] = forward[read++];
  }
  const cursor = backwardCount; // reused: becomes the write position of each row's smaller part
  for (let i = 0; i < n; i++) cursor[i] = offsets[i];
  for (let b = 0; b < buckets; b++) {
    const base = b << BUCKET_BITS;
    for (let slot = bucketStart[b]; slot < bucketStart[b + 1]; slot++) neighbors[cursor[base + mirrorTarget[slot]]++] = mirrorSource[slot];
  }
  return { agents: n, offsets, neighbors, count: at };
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

export function generatedTies(scenario: Scenario, population: Population, seed: number, allocate: Allocate = allocateLocal): Ties {
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
  return tiesFromPairs(agents, pairs, allocate);
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

// Friend ties:
//  - erdos-renyi: a simple random graph (erdos-renyi.ts, built in steps workers can share);
//  - generated: per-agent heavy-tailed target degrees; a `clustering` share of each agent's ties
//    stays inside its neighbourhood block (friends of friends are friends; neighbourhood.ts), the
//    rest — and whatever the block cannot hold — go to tiers by the mixing matrix, balanced by the
//    rule in scenario/mixing.ts, with partners drawn in proportion to their long-tie target (Chung–Lu);
//  - regular and small-world: textbook graphs (random-regular.ts, small-world.ts);
//  - mixed: no ties at all (everyone meets everyone: the Bass mean field).
import type { Scenario } from '../scenario/types.ts';
import { longTieCounts } from '../scenario/mixing.ts';
import { aliasTable, normal, sampleAlias, type AliasTable } from './distributions.ts';
import { neighbourhoodTies } from './neighbourhood.ts';
import { allocateLocal, type Allocate, type Arrays } from './memory.ts';
import type { Population } from './population.ts';
import { stream, type Stream } from './random.ts';
import { PairList, tiesFromPairs, type Ties } from './ties.ts';

export function generatedTies(scenario: Scenario, population: Population, seed: number, allocate: Allocate = allocateLocal, hot?: Arrays): Ties {
  const { agents, tierCount } = population;
  const net = scenario.network;
  const next = stream(seed, 'network');
  const target = targetDegrees(scenario, population, next);

  const expected = agents * (scenario.tiers.reduce((a, t) => a + t.meanFriends, 0) / Math.max(1, tierCount)) * 0.6;
  const pairs = new PairList(Math.ceil(expected));
  // What each agent's neighbourhood cannot hold becomes long ties of its own.
  const long = neighbourhoodTies(population, target, net.clustering, next, pairs);

  // Long ties between tiers: counts balanced by the mixing rule (scenario/mixing.ts) for the
  // tiers' long-tie budgets, meanFriends × (1 − clustering) per agent; what neighbourhoods could not
  // hold is added to the tier's ties with itself, so every tier's row of the mixing matrix over all
  // ties is clustering on the diagonal plus (1 − clustering) × its balanced row. Partners ∝ each
  // agent's long-tie target within its tier (Chung–Lu); a draw of oneself is drawn again.
  const members = tierMembers(population);
  const tables: AliasTable[] = members.map((ids) => aliasTable(Array.from(ids, (id) => long[id])));
  const budgets = scenario.tiers.map((t, k) => t.meanFriends * population.tierSizes[k] * (1 - net.clustering));
  const { ends } = longTieCounts(budgets, net.mixing);
  members.forEach((ids, k) => (ends[k][k] += Math.max(0, ids.reduce((sum, id) => sum + long[id], 0) - budgets[k])));
  for (let s = 0; s < tierCount; s++) {
    for (let t = s; t < tierCount; t++) {
      if (members[s].length === 0 || members[t].length === 0) continue;
      const ties = stochasticRound(s === t ? ends[s][t] / 2 : ends[s][t], next);
      for (let e = 0; e < ties; e++) {
        const u = members[s][sampleAlias(tables[s], next)];
        let v = members[t][sampleAlias(tables[t], next)];
        for (let retry = 0; v === u && retry < 16; retry++) v = members[t][sampleAlias(tables[t], next)];
        if (u !== v) pairs.push(u, v);
      }
    }
  }
  return tiesFromPairs(agents, pairs, allocate, hot);
}

/** Heavy-tailed target degrees, log-normal, scaled so each tier's mean is exactly its meanFriends. */
function targetDegrees(scenario: Scenario, population: Population, next: Stream): Float64Array {
  const { agents, tier, tierCount } = population;
  const sigma = scenario.network.degreeSigma;
  const target = new Float64Array(agents);
  const sums = new Float64Array(tierCount);
  for (let i = 0; i < agents; i++) {
    target[i] = Math.exp(sigma * normal(next) - (sigma * sigma) / 2);
    sums[tier[i]] += target[i];
  }
  const scale = scenario.tiers.map((t, k) => (sums[k] > 0 ? (t.meanFriends * population.tierSizes[k]) / sums[k] : 0));
  for (let i = 0; i < agents; i++) target[i] *= scale[tier[i]];
  return target;
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

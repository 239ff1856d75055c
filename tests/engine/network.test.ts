import { describe, expect, it } from 'vitest';
import { scenarioObjectSchema } from '../../src/scenario/schema.ts';
import { createPopulation } from '../../src/engine/population.ts';
import { generatedTies, tierTieCounts, defaultMixing } from '../../src/engine/network.ts';
import { erdosRenyiTies } from '../../src/engine/erdos-renyi.ts';
import { generateGroups } from '../../src/engine/groups.ts';
import { hasTie, type Ties } from '../../src/engine/ties.ts';

// Four tiers of unequal size (habit 12: asymmetric fixtures).
const shares = [0.05, 0.22, 0.17, 0.56];
const meanFriends = [30, 24, 18, 12];
const mixing = [
  [0.8, 0.1, 0.03, 0.07],
  [0.03, 0.85, 0.06, 0.06],
  [0.01, 0.09, 0.8, 0.1],
  [0.015, 0.045, 0.05, 0.89],
];
const scenario = scenarioObjectSchema.parse({
  name: 'net',
  population: { agents: 40_000 },
  tiers: shares.map((share, t) => ({ name: `t${t + 1}`, share, meanFriends: meanFriends[t] })),
  network: { kind: 'generated', clustering: 0.5, neighbourhood: 40, degreeSigma: 0.8, mixing },
});
const population = createPopulation(scenario, 9);
const ties = generatedTies(scenario, population, 9);

function expectSimpleAndSymmetric(t: Ties): void {
  const problems: string[] = [];
  for (let i = 0; i < t.agents && problems.length < 5; i++) {
    for (let e = t.offsets[i]; e < t.offsets[i + 1]; e++) {
      const j = t.neighbors[e];
      if (j === i) problems.push(`self-tie at ${i}`);
      if (e > t.offsets[i] && j <= t.neighbors[e - 1]) problems.push(`row ${i} not strictly increasing`);
      if (!hasTie(t, j, i)) problems.push(`tie ${i}–${j} has no mirror`);
    }
  }
  expect(problems).toEqual([]);
}

function localClustering(t: Ties, sample: number): number {
  let closed = 0;
  let wedges = 0;
  for (let i = 0; i < sample; i++) {
    const a = t.offsets[i];
    const b = t.offsets[i + 1];
    for (let x = a; x < b; x++)
      for (let y = x + 1; y < b; y++) {
        wedges++;
        if (hasTie(t, t.neighbors[x], t.neighbors[y])) closed++;
      }
  }
  return closed / wedges;
}

describe('population', () => {
  it('splits agents into tiers by share exactly (largest remainder)', () => {
    expect(population.tierSizes).toEqual([2000, 8800, 6800, 22400]);
    const counted = [0, 0, 0, 0];
    for (let i = 0; i < population.agents; i++) counted[population.tier[i]]++;
    expect(counted).toEqual(population.tierSizes);
  });

  it('interleaves tiers so any contiguous range of ids holds every tier', () => {
    const firstQuarter = new Set(Array.from(population.tier.subarray(0, population.agents / 4)));
    expect(firstQuarter.size).toBe(4);
  });
});

describe('generated friend ties', () => {
  it('form a simple undirected graph with sorted rows', () => {
    expectSimpleAndSymmetric(ties);
  });

  it('give each tier the mean degree its tie budget implies', () => {
    const tierDegrees = (t: Ties) => {
      const sums = [0, 0, 0, 0];
      for (let i = 0; i < population.agents; i++) sums[population.tier[i]] += t.offsets[i + 1] - t.offsets[i];
      return sums.map((x, k) => x / population.tierSizes[k]);
    };
    // Without clustering every tie is a long one: within 3 % of the symmetric tie-end budget.
    const flat = scenarioObjectSchema.parse({ ...scenario, network: { ...scenario.network, clustering: 0 } });
    const flatDegrees = tierDegrees(generatedTies(flat, population, 9));
    const flatEnds = tierTieCounts(population, meanFriends, 0, mixing);
    flatDegrees.forEach((d, t) => expect(Math.abs(d / (flatEnds[t].reduce((a, b) => a + b, 0) / population.tierSizes[t]) - 1)).toBeLessThan(0.03));
    // With clustering, a hub cannot have more neighbourhood friends than its block holds, so
    // clustered ties fall short for the highest degrees: within 12 % below the budget.
    const ends = tierTieCounts(population, meanFriends, 0.5, mixing);
    tierDegrees(ties).forEach((d, t) => {
      const budget = meanFriends[t] * 0.5 + ends[t].reduce((a, b) => a + b, 0) / population.tierSizes[t];
      expect(d / budget).toBeGreaterThan(0.88);
      expect(d / budget).toBeLessThan(1.02);
    });
  });

  it('follow the mixing matrix: the share of tie ends from tier 1 going to tier 4 matches', () => {
    const between = [0, 0, 0, 0];
    for (let i = 0; i < population.agents; i++) {
      if (population.tier[i] !== 0) continue;
      for (let e = ties.offsets[i]; e < ties.offsets[i + 1]; e++) between[population.tier[ties.neighbors[e]]]++;
    }
    const ends = tierTieCounts(population, meanFriends, 0.5, mixing);
    const longFromTier1 = ends[0].reduce((a, b) => a + b, 0);
    // Tier 4 receives only long ties from tier 1 (clustered ties stay in the tier).
    expect(between[3] / ends[0][3]).toBeGreaterThan(0.9);
    expect(between[3] / ends[0][3]).toBeLessThan(1.1);
    expect(longFromTier1).toBeGreaterThan(0);
  });

  it('are clustered far above an Erdős–Rényi graph of the same density', () => {
    const mean = (2 * ties.count) / population.agents;
    const er = erdosRenyiTies(population.agents, mean, 9);
    const generated = localClustering(ties, 2000);
    const random = localClustering(er, 2000);
    expect(random).toBeLessThan(0.005);
    expect(generated).toBeGreaterThan(20 * random);
    expect(generated).toBeGreaterThan(0.03);
  });

  it('have heavy-tailed degrees: the busiest agent has many times the mean', () => {
    let max = 0;
    for (let i = 0; i < population.agents; i++) max = Math.max(max, ties.offsets[i + 1] - ties.offsets[i]);
    expect(max).toBeGreaterThan((5 * 2 * ties.count) / population.agents);
  });

  it('default mixing keeps most ties inside a tier and a migrant link between tiers 1 and 4', () => {
    const m = defaultMixing(4);
    expect(m[0][0]).toBeGreaterThan(0.8);
    expect(m[0][3]).toBeGreaterThan(m[0][2]);
  });
});

describe('Erdős–Rényi ties', () => {
  it('have exactly agents·meanDegree/2 ties, no self-ties and no duplicates', () => {
    const er = erdosRenyiTies(30_000, 20, 4);
    expect(er.count).toBe(300_000);
    expect(er.offsets[er.agents]).toBe(600_000);
    expectSimpleAndSymmetric(er);
  });

  it('have a binomial degree distribution (variance close to the mean)', () => {
    const er = erdosRenyiTies(50_000, 10, 5);
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < er.agents; i++) {
      const d = er.offsets[i + 1] - er.offsets[i];
      sum += d;
      squares += d * d;
    }
    const mean = sum / er.agents;
    const variance = squares / er.agents - mean * mean;
    expect(mean).toBeCloseTo(10, 6);
    expect(Math.abs(variance - 10)).toBeLessThan(0.5);
  });
});

describe('groups', () => {
  it('give each agent about perAgent memberships, sizes within the cap, mostly one tier', () => {
    const groups = generateGroups(scenario, population, 9);
    const memberships = groups.groupOffsets[population.agents];
    expect(memberships / population.agents).toBeGreaterThan(2.5);
    expect(memberships / population.agents).toBeLessThan(3.5);
    let sameTier = 0;
    let total = 0;
    for (let g = 0; g < groups.count; g++) {
      const lo = groups.memberOffsets[g];
      const hi = groups.memberOffsets[g + 1];
      expect(hi - lo).toBeLessThanOrEqual(500);
      expect(hi - lo).toBeGreaterThanOrEqual(2);
      const home = population.tier[groups.members[lo]];
      for (let k = lo; k < hi; k++, total++) if (population.tier[groups.members[k]] === home) sameTier++;
    }
    expect(sameTier / total).toBeGreaterThan(0.75);
  });
});

// Random regular graphs and Watts–Strogatz small worlds, checked against what their definitions and
// known results say: degrees, no loops or double ties, the lattice's clustering, and the number of
// triangles of a uniform random regular graph.
import { describe, expect, it } from 'vitest';
import { randomRegularTies } from '../../src/engine/random-regular.ts';
import { smallWorldTies } from '../../src/engine/small-world.ts';
import { hasTie, type Ties } from '../../src/engine/ties.ts';
import { estimateMemory } from '../../src/engine/memory-estimate.ts';
import { scenarioObjectSchema } from '../../src/scenario/schema.ts';

function problems(t: Ties): string[] {
  const found: string[] = [];
  for (let i = 0; i < t.agents && found.length < 5; i++) {
    for (let e = t.offsets[i]; e < t.offsets[i + 1]; e++) {
      const j = t.neighbors[e];
      if (j === i) found.push(`self-tie at ${i}`);
      if (e > t.offsets[i] && j <= t.neighbors[e - 1]) found.push(`row ${i} repeats or is unsorted`);
      if (!hasTie(t, j, i)) found.push(`tie ${i}–${j} has no mirror`);
    }
  }
  return found;
}

const degree = (t: Ties, i: number) => t.offsets[i + 1] - t.offsets[i];

function triangles(t: Ties): number {
  let count = 0;
  for (let i = 0; i < t.agents; i++) {
    for (let x = t.offsets[i]; x < t.offsets[i + 1]; x++) {
      const j = t.neighbors[x];
      if (j <= i) continue;
      for (let y = x + 1; y < t.offsets[i + 1]; y++) if (hasTie(t, j, t.neighbors[y])) count++;
    }
  }
  return count;
}

/** Global transitivity: 3 × triangles / connected triples. */
function transitivity(t: Ties): number {
  let triples = 0;
  for (let i = 0; i < t.agents; i++) triples += (degree(t, i) * (degree(t, i) - 1)) / 2;
  return (3 * triangles(t)) / triples;
}

describe('random regular graphs', () => {
  it('give every agent exactly d friends, with no self-ties or double ties', () => {
    for (const [n, d] of [
      [100_000, 6],
      [20_001, 4],
      [9, 8],
    ]) {
      const t = randomRegularTies(n, d, 7);
      expect(problems(t)).toEqual([]);
      expect(t.count).toBe((n * d) / 2);
      let off = 0;
      for (let i = 0; i < n; i++) if (degree(t, i) !== d) off++;
      expect(off).toBe(0);
    }
  });

  it('are the same for a seed and differ between seeds', () => {
    const a = randomRegularTies(5000, 5, 3);
    expect(randomRegularTies(5000, 5, 3).neighbors).toEqual(a.neighbors);
    expect(randomRegularTies(5000, 5, 4).neighbors).not.toEqual(a.neighbors);
  });

  it('have the triangles of a uniform random regular graph: Poisson with mean (d−1)³/6', () => {
    // Bollobás (1980): in a uniform random d-regular graph the number of triangles tends to a
    // Poisson variable with mean (d−1)³/6; a biased generator (e.g. one that avoids or favours
    // short cycles) shifts it.
    const d = 3;
    const mean = (d - 1) ** 3 / 6;
    const graphs = 300;
    let total = 0;
    for (let seed = 1; seed <= graphs; seed++) total += triangles(randomRegularTies(2000, d, seed));
    const se = Math.sqrt(mean / graphs);
    expect(Math.abs(total / graphs - mean)).toBeLessThan(4 * se);
  });

  it('refuses an odd number of tie ends', () => {
    expect(() => randomRegularTies(11, 3, 1)).toThrow(/even/);
  });
});

describe('Watts–Strogatz small worlds', () => {
  it('without rewiring are the ring lattice, with the clustering 3(k−2)/(4(k−1))', () => {
    const n = 10_000;
    const k = 6;
    const t = smallWorldTies(n, k, 0, 1);
    expect(problems(t)).toEqual([]);
    for (let i = 0; i < n; i++) {
      expect(degree(t, i)).toBe(k);
      for (let j = 1; j <= k / 2; j++) expect(hasTie(t, i, (i + j) % n)).toBe(true);
    }
    expect(transitivity(t)).toBeCloseTo((3 * (k - 2)) / (4 * (k - 1)), 10);
  });

  it('keep n·k/2 ties, no self-ties or double ties, every agent with at least k/2, whatever the rewiring', () => {
    const n = 100_000;
    const k = 10;
    for (const beta of [0.1, 0.5, 1]) {
      const t = smallWorldTies(n, k, beta, 5);
      expect(problems(t)).toEqual([]);
      expect(t.count).toBe((n * k) / 2);
      let least = Infinity;
      for (let i = 0; i < n; i++) least = Math.min(least, degree(t, i));
      expect(least).toBeGreaterThanOrEqual(k / 2);
    }
  });

  it('rewire a share β of the ring ties, and lose clustering as (1 − β)³ (Barrat & Weigt)', () => {
    const n = 50_000;
    const k = 8;
    const beta = 0.2;
    const t = smallWorldTies(n, k, beta, 9);
    let ring = 0;
    for (let i = 0; i < n; i++) for (let j = 1; j <= k / 2; j++) if (hasTie(t, i, (i + j) % n)) ring++;
    const moved = 1 - ring / ((n * k) / 2);
    // Binomial spread of n·k/2 draws, plus the few ties rewired back onto the ring.
    expect(Math.abs(moved - beta)).toBeLessThan(4 * Math.sqrt((beta * (1 - beta)) / ((n * k) / 2)) + 1e-3);
    const lattice = (3 * (k - 2)) / (4 * (k - 1));
    expect(Math.abs(transitivity(t) - lattice * (1 - beta) ** 3)).toBeLessThan(0.01);
  });
});

describe('memory estimate', () => {
  it('counts the rows a regular graph or small world really takes', () => {
    for (const network of [
      { kind: 'regular', degree: 6 },
      { kind: 'small-world', degree: 8, rewiring: 0.2 },
    ] as const) {
      const n = 30_000;
      const scenario = scenarioObjectSchema.parse({ name: 'm', population: { agents: n }, tiers: [{ name: 'all', share: 1 }], network });
      const t = network.kind === 'regular' ? randomRegularTies(n, network.degree, 1) : smallWorldTies(n, network.degree, network.rewiring, 1);
      // The estimate's rows: one offset per agent and one neighbour per tie end.
      expect(estimateMemory(scenario).parts.ties).toBe(t.offsets.length * 4 - 4 + t.neighbors.length * 4);
    }
  });
});

// The network report against graphs whose figures are known: a ring lattice's clustering, a
// regular graph's degrees, a hand-made two-tier graph's mixing, and the generated world's own ties.
import { describe, expect, it } from 'vitest';
import { scenarioObjectSchema } from '../../src/scenario/schema.ts';
import { networkReport, WEDGES_PER_TIER } from '../../src/engine/network-report.ts';
import { createParts } from '../../src/engine/build.ts';
import { dayParameters } from '../../src/engine/parameters.ts';
import { allocateLocal } from '../../src/engine/memory.ts';
import { PairList } from '../../src/engine/ties.ts';

const world = (network: object, agents = 20_000, tiers = [{ name: 'a', share: 0.3, meanFriends: 12 }, { name: 'b', share: 0.7, meanFriends: 8 }], edges?: PairList, given?: Uint8Array) => {
  const scenario = scenarioObjectSchema.parse({ name: 'r', population: { agents }, tiers, network });
  const parts = createParts(scenario, 4, dayParameters(scenario), allocateLocal, edges ? { u: edges.u, v: edges.v, length: edges.length, tiers: given } : undefined);
  return { scenario, parts, report: networkReport(scenario, parts, 4) };
};

describe('network report', () => {
  it('gives a ring lattice its clustering 3(k−2)/(4(k−1)) within the sampling error', () => {
    const { report } = world({ kind: 'small-world', degree: 8, rewiring: 0 });
    const expected = (3 * 6) / (4 * 7);
    const se = Math.sqrt((expected * (1 - expected)) / WEDGES_PER_TIER);
    for (const t of [...report.tiers, report.all]) expect(Math.abs(t.clustering! - expected)).toBeLessThan(4 * se);
  });

  it('gives a random regular graph mean d, variance 0 and every quantile d', () => {
    const { report } = world({ kind: 'regular', degree: 7 });
    for (const t of [...report.tiers, report.all]) {
      expect(t.degree).toEqual({ mean: 7, variance: 0, q50: 7, q90: 7, q99: 7, max: 7 });
      expect(t.askedDegree).toBe(7);
    }
    expect(report.ties).toBe(70_000);
  });

  it('counts the mixing of tie ends and the degree quantiles of a hand-made graph exactly', () => {
    // Agents 0–3 in tier a, 4–9 in tier b. Ties: a star from 0 to 1..9 and the pair 4–5.
    const pairs = new PairList(16);
    for (let j = 1; j < 10; j++) pairs.push(0, j);
    pairs.push(4, 5);
    const given = Uint8Array.from([0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    const { report } = world({ kind: 'edge-list', edgeList: 'x.csv' }, 10, [{ name: 'a', share: 0.5, meanFriends: 1 }, { name: 'b', share: 0.5, meanFriends: 1 }], pairs, given);
    // Tier a's ends: 9 from agent 0 (3 to a, 6 to b) and one from each of 1–3 (to a): 6 of 12 to a.
    // Tier b's ends: one to a from each of 4–9, and 4–5 twice within b: 6 of 8 to a.
    expect(report.mixing.realised).toEqual([
      [6 / 12, 6 / 12],
      [6 / 8, 2 / 8],
    ]);
    expect(report.mixing.asked).toBeNull();
    // Degrees in tier a: 9, 1, 1, 1 → mean 3, variance 12; in b: 2, 2, 1, 1, 1, 1.
    expect(report.tiers[0].degree).toEqual({ mean: 3, variance: 12, q50: 1, q90: 9, q99: 9, max: 9 });
    expect(report.tiers[1].degree).toMatchObject({ mean: 8 / 6, q50: 1, q90: 2, q99: 2, max: 2 });
    // Wedges centred in a: only at agent 0 (36), and one of its 36 friend pairs is tied (4–5): 1/36.
    expect(report.tiers[0].clustering).toBeCloseTo(1 / 36, 1);
  });

  it('reports groups and, for generated ties, the rows asked (neighbourhood share on the diagonal)', () => {
    const mixing = [
      [0.7, 0.3],
      [0.13, 0.87],
    ];
    const { report } = world({ kind: 'generated', clustering: 0.4, mixing });
    expect(report.mixing.asked).toEqual([
      [0.4 + 0.6 * 0.7, 0.6 * 0.3],
      [0.6 * 0.13, 0.4 + 0.6 * 0.87],
    ]);
    expect(report.groups.count).toBe(2000);
    expect(report.groups.membershipsPerAgent).toBeGreaterThan(2.5);
    expect(report.groups.size!.max).toBeLessThanOrEqual(500);
  });
});

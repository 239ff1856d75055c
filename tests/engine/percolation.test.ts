// Bond percolation on random regular graphs through the production engine (worker threads): the
// independent cascade's final size against the branching-process formula, and the new graph kinds
// give identical daily series on 1, 2 and 4 workers.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { seriesValue } from '../../src/engine/metrics.ts';
import { runScenario } from '../../src/runtime/node.ts';
import { dailyCsv } from '../../src/cli/daily-csv.ts';
import { meanAndSe, regularPercolationFinalSize } from '../support/oracles.ts';

const load = (name: string, overrides: { path: string; value: unknown }[] = []) => loadScenarioFile(`scenarios/validation/${name}.json`, overrides).scenario;

describe('bond percolation on random regular graphs (independent cascade)', () => {
  for (const [name, d, T] of [
    ['percolation-regular-d4', 4, 0.5],
    ['percolation-regular-d6', 6, 0.3],
  ] as const) {
    it(`ends at S = 1 − (1 − T + T·u)^d for d = ${d}, T = ${T}`, async () => {
      const scenario = load(name);
      expect(scenario.network.degree).toBe(d);
      expect(scenario.channels.feed.conversion).toBe(T);
      const N = scenario.population.agents;
      const seedShare = scenario.tiers[0].initialCustomers;
      const runs = await Promise.all([1, 2, 3, 4].map((seed) => runScenario(scenario, { seed, workers: 2 })));
      const finals = runs.map((r) => seriesValue(r.series, scenario.days, r.series.tiers, 'customers') / N);
      const { mean, se } = meanAndSe(finals);
      // 4 standard errors across seeds plus 0.005 for finite N (the early outbreak's fluctuations).
      expect(Math.abs(mean - regularPercolationFinalSize(d, T, seedShare))).toBeLessThan(4 * se + 0.005);
      // The seeds barely move it: within 0.01 of the seedless giant component.
      expect(Math.abs(mean - regularPercolationFinalSize(d, T))).toBeLessThan(0.01);
    });
  }
});

describe('textbook graphs on worker threads', () => {
  it('give identical daily.csv on 1, 2 and 4 workers', async () => {
    for (const network of [
      { path: 'network', value: { kind: 'regular', degree: 5 } },
      { path: 'network', value: { kind: 'small-world', degree: 8, rewiring: 0.15 } },
    ]) {
      const scenario = load('percolation-regular-d4', [network, { path: 'population.agents', value: 10_000 }, { path: 'days', value: 40 }]);
      const csv = await Promise.all([1, 2, 4].map(async (workers) => dailyCsv(scenario, (await runScenario(scenario, { seed: 8, workers })).series)));
      expect(csv[1]).toBe(csv[0]);
      expect(csv[2]).toBe(csv[0]);
      expect(csv[0].split('\n').length).toBeGreaterThan(40);
    }
  });
});

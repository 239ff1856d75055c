import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { simulate } from '../../src/engine/simulation.ts';
import { seriesValue } from '../../src/engine/metrics.ts';
import { runScenario } from '../../src/runtime/node.ts';
import { bassClosedForm, bassRecursion, cascadeFinalSize, meanAndSe } from '../support/oracles.ts';

const load = (name: string) => loadScenarioFile(`scenarios/validation/${name}.json`).scenario;
const fractionAt = (series: ReturnType<typeof simulate>['series'], day: number, agents: number) => seriesValue(series, day, series.tiers, 'customers') / agents;

describe('Bass diffusion, fully mixed (MODEL §10.1)', () => {
  it('closed form gives the values the issue quotes for p = 0.03, q = 0.38 per year', () => {
    expect(bassClosedForm(0.03, 0.38, 5)).toBeCloseTo(0.331199, 6);
    expect(bassClosedForm(0.03, 0.38, 10)).toBeCloseTo(0.812803, 6);
  });

  it('with small daily rates the mean over seeds follows the recursion and the closed form', async () => {
    const scenario = load('bass-mean-field');
    const N = scenario.population.agents;
    const p = scenario.tiers[0].organicPerDay;
    const q = scenario.channels.direct.dailyContact;
    const recursion = bassRecursion(p, q, N, scenario.days);
    const seeds = [1, 2, 3, 4];
    // The production path: worker threads, two of them.
    const runs = await Promise.all(seeds.map((seed) => runScenario(scenario, { seed, workers: 2 })));
    for (const [day, closed] of [
      [1825, 0.331199],
      [3650, 0.812803],
    ] as const) {
      const { mean, se } = meanAndSe(runs.map((r) => fractionAt(r.series, day, N)));
      // Tolerance: 4 standard errors, the larger of the binomial one and the one seen across seeds.
      const binomialSe = Math.sqrt((recursion[day] * (1 - recursion[day])) / (N * seeds.length));
      const tolerance = 4 * Math.max(se, binomialSe);
      expect(Math.abs(mean - recursion[day])).toBeLessThan(tolerance);
      // Daily steps of p/365 and q/365 are small: the recursion is within 0.002 of the continuous curve.
      expect(Math.abs(recursion[day] - closed)).toBeLessThan(0.002);
    }
  });

  it('with large daily rates follows the discrete recursion, not the continuous curve', () => {
    const scenario = load('bass-recursion');
    const N = scenario.population.agents;
    const p = scenario.tiers[0].organicPerDay;
    const q = scenario.channels.direct.dailyContact;
    const recursion = bassRecursion(p, q, N, scenario.days);
    const runs = [11, 12, 13, 14, 15, 16].map((seed) => simulate(scenario, { seed }));
    let largestGapToClosedForm = 0;
    for (let day = 1; day <= scenario.days; day++) {
      const { mean, se } = meanAndSe(runs.map((r) => fractionAt(r.series, day, N)));
      const binomialSe = Math.sqrt((recursion[day] * (1 - recursion[day])) / (N * runs.length));
      expect(Math.abs(mean - recursion[day])).toBeLessThan(4 * Math.max(se, binomialSe) + 1e-9);
      largestGapToClosedForm = Math.max(largestGapToClosedForm, Math.abs(recursion[day] - bassClosedForm(p, q, day)));
    }
    // The one-day step matters here: the recursion is far from the continuous form somewhere.
    expect(largestGapToClosedForm).toBeGreaterThan(0.05);
  });
});

describe('independent cascade on an Erdős–Rényi graph (MODEL §10.2)', () => {
  for (const [name, cT, pure] of [
    ['cascade-er-ct1_5', 1.5, 0.582812],
    ['cascade-er-ct2', 2, 0.796812],
    ['cascade-er-ct3', 3, 0.94048],
  ] as const) {
    it(`ends at S = 1 − e^(−cTS) for cT = ${cT}`, () => {
      expect(cascadeFinalSize(cT)).toBeCloseTo(pure, 5);
      const scenario = load(name);
      const N = scenario.population.agents;
      const seedShare = scenario.tiers[0].initialCustomers;
      const finals = [1, 2, 3, 4, 5].map((seed) => fractionAt(simulate(scenario, { seed }).series, scenario.days, N));
      const { mean, se } = meanAndSe(finals);
      // Expected: the final-size equation with the seed customers; tolerance 4 SE across seeds
      // plus 0.005 for finite N (fluctuations of the early outbreak).
      expect(Math.abs(mean - cascadeFinalSize(cT, seedShare))).toBeLessThan(4 * se + 0.005);
      expect(Math.abs(mean - pure)).toBeLessThan(0.01);
    });
  }

  it('has no large outbreak when cT < 1', () => {
    const scenario = load('cascade-er-ct0_5');
    const N = scenario.population.agents;
    const seedShare = scenario.tiers[0].initialCustomers;
    const final = fractionAt(simulate(scenario, { seed: 1 }).series, scenario.days, N);
    // Each seed leaves a small tree of about 1 / (1 − cT) customers.
    expect(final).toBeLessThan((seedShare / (1 - 0.5)) * 2);
  });
});

describe('determinism (MODEL §10.3)', () => {
  it('gives identical bytes for the same scenario and seed, and different ones for another seed', () => {
    const scenario = loadScenarioFile('scenarios/jd-tencent-2014.json', [{ path: 'population.agents', value: 5000 }]).scenario;
    const a = simulate(scenario, { seed: 5 }).series.values;
    const b = simulate(scenario, { seed: 5 }).series.values;
    const c = simulate(scenario, { seed: 6 }).series.values;
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(Buffer.from(a.buffer).equals(Buffer.from(c.buffer))).toBe(false);
  });
});

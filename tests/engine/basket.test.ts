// Money never wraps: a basket is stored in fen in a Uint32Array, so the schema bounds the median
// (at most 1,000,000 yuan) and each agent's draw is clipped at 2³²−1 fen, not taken modulo 2³².
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../src/scenario/load.ts';
import { MAX_BASKET_YUAN } from '../../src/scenario/schema.ts';
import { simulate } from '../../src/engine/simulation.ts';
import { seriesValue } from '../../src/engine/metrics.ts';
import { createPopulation } from '../../src/engine/population.ts';

/** Φ, by the Abramowitz–Stegun 7.1.26 erf (error below 1.5·10⁻⁷). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

function world(basketYuan: { median: number; sigma: number }) {
  const text = JSON.stringify({
    name: 'one-shop',
    days: 40,
    population: { agents: 3000 },
    tiers: [{ name: 'town', share: 1, organicPerDay: 0.02, repeatPerDay: 0.05, basketYuan }],
  });
  const { scenario } = resolveScenario(text, 'one-shop.json', () => undefined);
  return { scenario, result: simulate(scenario, { seed: 5 }) };
}

describe('basket amounts', () => {
  it('keeps the largest allowed median exact: GMV is purchases × 1,000,000 yuan every day', () => {
    const { scenario, result } = world({ median: 1_000_000, sigma: 0 });
    let purchases = 0;
    for (let day = 0; day <= scenario.days; day++) {
      const bought = seriesValue(result.series, day, 0, 'purchases');
      // Before, 10⁸ yuan gave 10¹⁰ fen mod 2³² = 14,100,654.08 yuan a purchase.
      expect(seriesValue(result.series, day, 0, 'gmv')).toBe(bought * 1_000_000);
      purchases += bought;
    }
    expect(purchases).toBeGreaterThan(100);
  });

  it('clips a heavy tail at 2³²−1 fen instead of wrapping it', () => {
    expect(MAX_BASKET_YUAN).toBe(42_949_672.95);
    const { scenario } = world({ median: 1_000_000, sigma: 5 });
    const { basketFen, agents } = createPopulation(scenario, 5);
    let clipped = 0;
    for (let i = 0; i < agents; i++) {
      expect(basketFen[i]).toBeGreaterThanOrEqual(1);
      if (basketFen[i] === 2 ** 32 - 1) clipped++;
    }
    // P(draw > the ceiling) = 1 − Φ(ln(ceiling / median) / σ) ≈ 0.226: a wrap would leave none at the
    // ceiling, and would put those agents anywhere below it.
    const p = 1 - normalCdf(Math.log(MAX_BASKET_YUAN / 1_000_000) / 5);
    expect(Math.abs(clipped - p * agents)).toBeLessThan(4 * Math.sqrt(agents * p * (1 - p)));
  });
});

import { describe, expect, it } from 'vitest';
import { comparisonText } from '../../src/experiments/comparison-text.ts';
import { findings } from '../../src/experiments/findings.ts';
import type { RunRow } from '../../src/experiments/report.ts';
import { diffRows, mean } from '../../src/experiments/stats.ts';
import { studentTQuantile } from '../../src/experiments/student-t.ts';

/** Runs of a baseline and a variant: one value per replicate, for one tier and metric on 2015-11-11. */
function rows(metric: string, tier: string, baseline: number[], variant: number[]): RunRow[] {
  const row = (name: string, replicate: number, value: number): RunRow => ({ run_id: 0, variant: name, replicate, seed: replicate, parameters: '', day: 538, date: '2015-11-11', tier, metric, value });
  return [...baseline.map((v, r) => row('base', r, v)), ...variant.map((v, r) => row('without-promoters', r, v))];
}

describe('findings', () => {
  it('give baseline and variant means, the difference with its t interval, the % change and its interval', () => {
    const base = [2000, 1950, 1990, 1940];
    const variant = [1850, 1795, 1840, 1790];
    const [f] = findings(diffRows(rows('customers', 'tier 4', base, variant), 'base'));
    const d = variant.map((v, i) => v - base[i]);
    const m = mean(d);
    const sd = Math.sqrt(d.reduce((s, x) => s + (x - m) ** 2, 0) / (d.length - 1));
    const half = (studentTQuantile(0.95, d.length - 1) * sd) / Math.sqrt(d.length);
    expect(f.baselineMean).toBeCloseTo(mean(base), 9);
    expect(f.variantMean).toBeCloseTo(mean(variant), 9);
    expect(f.difference).toBeCloseTo(m, 9);
    expect([f.low, f.high].map((x) => x.toFixed(6))).toEqual([m - half, m + half].map((x) => x.toFixed(6)));
    expect(f.changePercent).toBeCloseTo((100 * m) / mean(base), 9);
    const pct = (x: number) => Math.abs((100 * x) / mean(base)).toFixed(1);
    expect(f.sentence).toBe(`In without-promoters, tier 4 has ${pct(m)} % fewer customers than in base on 2015-11-11; 90 % interval ${pct(m + half)}–${pct(m - half)} % fewer.`);
  });

  it('say "no clear difference" when the interval holds 0, and "less" for measured amounts such as GMV', () => {
    const [f] = findings(diffRows(rows('gmv', 'all', [100, 110, 90], [104, 106, 95]), 'base'));
    expect(f.low).toBeLessThan(0);
    expect(f.high).toBeGreaterThan(0);
    const pct = (x: number) => Math.abs((100 * x) / 100).toFixed(1);
    expect(f.sentence).toBe(`In without-promoters, all tiers together have ${pct(f.difference)} % more GMV than in base on 2015-11-11; 90 % interval ${pct(f.low)} % less to ${pct(f.high)} % more, so no clear difference.`);
  });

  it('give counts instead of % when the baseline has none, and no interval from one replicate', () => {
    const [zero] = findings(diffRows(rows('customers', 'tier 1', [0, 0], [3, 5]), 'base'));
    expect(Number.isNaN(zero.changePercent)).toBe(true);
    expect(zero.sentence).toMatch(/^In without-promoters, tier 1 has 4 more customers than in base on 2015-11-11 \(which has none\); 90 % interval /);
    const [one] = findings(diffRows(rows('customers', 'tier 1', [10], [7]), 'base'));
    expect(one.sentence).toBe('In without-promoters, tier 1 has 3 fewer customers than in base on 2015-11-11, from 1 replicate: too few for an interval.');
  });

  it('are printed under the table, one per tier and metric', () => {
    const all = [...rows('customers', 'tier 4', [20, 22, 21], [10, 12, 12]), ...rows('purchases', 'tier 4', [50, 52, 51], [40, 41, 41])];
    const text = comparisonText(diffRows(all, 'base'), { replicates: 3 });
    for (const f of findings(diffRows(all, 'base'))) expect(text).toContain(`\n${f.sentence}\n`);
    expect(text.match(/^customers on 2015-11-11/m)).not.toBeNull();
    expect(text.match(/^purchases on 2015-11-11/m)).not.toBeNull();
  });

  it('give two significant digits to changes under 0.1 %, so a small change does not read as 0.0 %', () => {
    const [f] = findings(diffRows(rows('customers', 'tier 1', [10000, 10010, 9990], [9998, 10007, 9989]), 'base'));
    const digits = (x: number) => String(Number(Math.abs(x).toPrecision(2)));
    expect(Math.abs(f.changePercent)).toBeLessThan(0.1);
    expect(f.sentence).toContain(`tier 1 has ${digits(f.changePercent)} % fewer customers`);
  });
});

// stats.csv and diff.csv against a direct computation from runs.csv, and what shared seeds buy.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studentTQuantile } from '../../src/experiments/student-t.ts';
import { FIXTURES, runExperiment } from './support/run-experiment.ts';

type Record = { [column: string]: string };
let root: string;
let runs: Record[];
let stats: Record[];
let diff: Record[];

const table = (name: string) => parse(readFileSync(join(root, name), 'utf8'), { columns: true }) as Record[];
const cell = (r: Record) => [r.parameters, r.day, r.tier, r.metric].join('|');

/** R's default quantile (type 7), written out independently of src/experiments/stats.ts. */
function quantile7(values: number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p;
  return x[Math.floor(h)] + (h - Math.floor(h)) * (x[Math.ceil(h)] - x[Math.floor(h)]);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tierwave-stats-'));
  await runExperiment(`${FIXTURES}/experiment.json`, { out: root, replicates: 6 });
  [runs, stats, diff] = [table('runs.csv'), table('stats.csv'), table('diff.csv')];
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('stats.csv and diff.csv', () => {
  it('stats.csv has the mean, sd and 5/50/95 % quantiles of the runs.csv values of each variant and cell', () => {
    const groups = new Map<string, number[]>();
    for (const r of runs) groups.set(`${r.variant}|${cell(r)}`, [...(groups.get(`${r.variant}|${cell(r)}`) ?? []), Number(r.value)]);
    expect(stats).toHaveLength(groups.size);
    for (const s of stats) {
      const values = groups.get(`${s.variant}|${cell(s)}`)!;
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      expect(Number(s.n)).toBe(6);
      expect(Number(s.mean)).toBeCloseTo(mean, 9);
      expect(Number(s.sd)).toBeCloseTo(sd, 9);
      for (const [column, p] of [['q05', 0.05], ['q50', 0.5], ['q95', 0.95]] as const) expect(Number(s[column])).toBeCloseTo(quantile7(values, p), 9);
    }
  });

  it('diff.csv pairs each variant with the baseline replicate by replicate', () => {
    const value = (variant: string, replicate: string, key: string) => Number(runs.find((r) => r.variant === variant && r.replicate === replicate && cell(r) === key)!.value);
    for (const d of diff) {
      const differences = ['0', '1', '2', '3', '4', '5'].map((r) => value(d.variant, r, cell(d)) - value('baseline', r, cell(d)));
      const mean = differences.reduce((a, b) => a + b, 0) / 6;
      const sd = Math.sqrt(differences.reduce((a, b) => a + (b - mean) ** 2, 0) / 5);
      const half = (studentTQuantile(0.95, 5) * sd) / Math.sqrt(6);
      expect(Number(d.mean_diff)).toBeCloseTo(mean, 9);
      expect(Number(d.ci90_lo)).toBeCloseTo(mean - half, 9);
      expect(Number(d.ci90_hi)).toBeCloseTo(mean + half, 9);
    }
    expect(new Set(diff.map((d) => d.variant))).toEqual(new Set(['more-promoters', 'no-ads']));
  });

  it('paired intervals are narrower than unpaired ones on the same runs', () => {
    const customers = diff.filter((d) => d.metric === 'customers' && d.tier === 'all' && Number(d.day) > 0);
    expect(customers.length).toBeGreaterThanOrEqual(4);
    for (const d of customers) {
      const paired = Number(d.ci90_hi) - Number(d.ci90_lo);
      const unpaired = Number(d.unpaired_ci90_hi) - Number(d.unpaired_ci90_lo);
      expect(paired).toBeLessThan(unpaired);
    }
    // Where a variant does not touch a tier at all (more promoters in tier 4 only, before their start
    // date), shared seeds make its runs identical there: the paired difference is exactly zero.
    const untouched = diff.find((d) => d.variant === 'more-promoters' && d.date === '2015-10-01' && d.tier === 'tier 1' && d.metric === 'customers')!;
    expect([Number(untouched.mean_diff), Number(untouched.sd_diff)]).toEqual([0, 0]);
  });
});

// `tierwave sensitivity` as an experiment folder: the indices in sensitivity.csv are the ones the
// Saltelli / Jansen and Morris formulas give on the runs in runs.csv; shards merged give the same
// sensitivity.csv as one unsplit run; a killed run resumes without redoing its finished runs.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { nodeExperimentMachine } from '../../src/cli/experiments/commands.ts';
import { parseExperiment } from '../../src/experiments/experiment-file.ts';
import { mergeCommand } from '../../src/cli/experiments/merge-command.ts';
import { sensitivityCommand } from '../../src/cli/experiments/sensitivity-command.ts';
import { morrisDesign } from '../../src/experiments/sensitivity/morris.ts';
import { capturingIo, FIXTURES } from './support/run-experiment.ts';
import type { ExperimentOptionValues } from '../../src/cli/experiments/experiment-command.ts';

const SOBOL = `${FIXTURES}/sensitivity-sobol.json`;
const MORRIS = `${FIXTURES}/sensitivity-morris.json`;
let root: string;
let whole: string;

async function sensitivity(file: string, options: ExperimentOptionValues): Promise<string> {
  const io = capturingIo();
  // One worker thread: on a shared machine a second thread's start costs more than it saves here.
  await sensitivityCommand(file, { quiet: true, workers: 1, ...options }, io, nodeExperimentMachine, `tierwave sensitivity ${file}`);
  return io.out();
}

const table = (dir: string, name: string) => parse(readFileSync(join(dir, name), 'utf8'), { columns: true }) as Record<string, string>[];
const doneRuns = (dir: string) => (existsSync(join(dir, 'runs-done.csv')) ? readFileSync(join(dir, 'runs-done.csv'), 'utf8').trim().split('\n').length - 1 : 0);

/** Each point's mean over its replicates of one output, from runs.csv (run r·P + p is replicate r of point p). */
function pointMeans(dir: string, points: number, metric: string, tier: string): number[] {
  const sums = new Array<number>(points).fill(0);
  const counts = new Array<number>(points).fill(0);
  for (const row of table(dir, 'runs.csv')) {
    if (row.metric !== metric || row.tier !== tier || row.date !== '2015-11-11') continue;
    const p = Number(row.run_id) % points;
    sums[p] += Number(row.value);
    counts[p]++;
  }
  return sums.map((s, p) => s / counts[p]);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tierwave-sensitivity-'));
  whole = join(root, 'whole');
  await sensitivity(SOBOL, { out: whole });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('tierwave sensitivity', () => {
  it('writes the Saltelli-2010 and Jansen indices of the runs’ point means to sensitivity.csv, and a chart', () => {
    // 2 rows × (3 parameters + 2) points: per row A, B, then A with column i from B.
    const k = 3;
    const y = pointMeans(whole, 2 * (k + 2), 'customers', 'tier 4');
    const rows = [0, 1].map((j) => y.slice(j * (k + 2), (j + 1) * (k + 2)));
    const all = rows.flatMap((r) => [r[0], r[1]]);
    const m = all.reduce((s, x) => s + x, 0) / all.length;
    const v = all.reduce((s, x) => s + (x - m) ** 2, 0) / all.length;
    const csv = table(whole, 'sensitivity.csv').filter((r) => r.output === 'customers, tier 4, 2015-11-11');
    expect(csv).toHaveLength(2 * k);
    const parameters = ['tiers[3].offlinePerDay', 'channels.direct.conversion', 'targeting.mode'];
    parameters.forEach((parameter, i) => {
      const first = rows.reduce((s, r) => s + (r[1] - m) * (r[2 + i] - r[0]), 0) / rows.length / v;
      const total = rows.reduce((s, r) => s + (r[0] - r[2 + i]) ** 2, 0) / (2 * rows.length) / v;
      expect(Number(csv.find((r) => r.parameter === parameter && r.index === 'S1')!.value)).toBeCloseTo(first, 9);
      expect(Number(csv.find((r) => r.parameter === parameter && r.index === 'ST')!.value)).toBeCloseTo(total, 9);
    });
    // Most influential (by S_T) first.
    const totals = csv.filter((r) => r.index === 'ST').map((r) => Number(r.value));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const svg = readFileSync(join(whole, 'sensitivity.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[^>]*>[\s\S]*tiers\[3\]\.offlinePerDay[\s\S]*<\/svg>\n$/);
    // Well-formed enough for a browser's XML parser: no attribute twice in a tag, tags balanced.
    for (const tag of svg.match(/<[a-z][^>]*>/g)!) {
      const names = [...tag.matchAll(/\s([a-z-]+)="/g)].map((m) => m[1]);
      expect(new Set(names).size, tag).toBe(names.length);
    }
    for (const name of ['svg', 'text', 'rect', 'title']) {
      const open = svg.match(new RegExp(`<${name}[\\s>]`, 'g'))?.length ?? 0;
      const closed = (svg.match(new RegExp(`</${name}>`, 'g'))?.length ?? 0) + (svg.match(new RegExp(`<${name}[^>]*/>`, 'g'))?.length ?? 0);
      expect(closed, name).toBe(open);
    }
  });

  it('two shards merged give the same sensitivity.csv as the unsplit run', async () => {
    const shards = [1, 2].map((i) => join(root, `shard${i}`));
    for (const [i, out] of shards.entries()) await sensitivity(SOBOL, { out, shard: { index: i + 1, count: 2 } });
    expect(existsSync(join(shards[0], 'sensitivity.csv'))).toBe(false);
    const merged = join(root, 'merged');
    await mergeCommand([shards[1], shards[0]], merged, capturingIo(), 'tierwave merge');
    for (const name of ['runs.csv', 'sensitivity.csv', 'sensitivity.svg']) expect(readFileSync(join(merged, name), 'utf8')).toEqual(readFileSync(join(whole, name), 'utf8'));
  });

  it('a CLI process killed with SIGKILL resumes with the same command, runs only what was left, and ends identical', async () => {
    const out = join(root, 'killed');
    const args = ['--import', 'tsx', 'tests/experiments/support/experiment-cli.ts', 'sensitivity', SOBOL, '--out', out, '--quiet', '--workers', '1'];
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (doneRuns(out) >= 4) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
      child.on('exit', () => (clearInterval(poll), reject(new Error('the analysis ended before it could be killed'))));
    });
    expect(await exited).toBe('SIGKILL');
    const kept = doneRuns(out);
    expect(kept).toBeLessThan(20);
    const text = await sensitivity(SOBOL, { out, quiet: false });
    expect(text).toMatch(new RegExp(`^20 runs done \\(${kept} finished earlier\\)`));
    for (const name of ['runs.csv', 'sensitivity.csv']) expect(readFileSync(join(out, name), 'utf8')).toEqual(readFileSync(join(whole, name), 'utf8'));
  });

  it('Morris: μ* in sensitivity.csv is the mean |elementary effect| along the trajectories in runs.csv, and the table prints most influential first', async () => {
    const out = join(root, 'morris');
    const text = await sensitivity(MORRIS, { out, quiet: false });
    // The design the file implies (its seed is the master seed, 13); k + 1 = 4 points per trajectory.
    const design = morrisDesign({ factors: 3, trajectories: 3, levels: 4, seed: 13 });
    const y = pointMeans(out, design.points.length, 'customers', 'tier 4');
    const effects: number[][] = [[], [], []];
    for (let t = 0; t < 3; t++) {
      for (let s = 0; s < 3; s++) {
        const [a, b] = [design.points[t * 4 + s], design.points[t * 4 + s + 1]];
        const i = a.findIndex((x, c) => x !== b[c]);
        // targeting.mode is a list of two modes: every step flips it, which is its whole range.
        const step = i === 2 ? Math.sign(b[i] - a[i]) : b[i] - a[i];
        effects[i].push((y[t * 4 + s + 1] - y[t * 4 + s]) / step);
      }
    }
    const csv = table(out, 'sensitivity.csv').filter((r) => r.output === 'customers, tier 4, 2015-11-11' && r.index === 'mu_star');
    const parameters = ['tiers[3].offlinePerDay', 'channels.direct.conversion', 'targeting.mode'];
    parameters.forEach((parameter, i) => {
      expect(effects[i]).toHaveLength(3);
      expect(Number(csv.find((r) => r.parameter === parameter)!.value)).toBeCloseTo(effects[i].reduce((s, e) => s + Math.abs(e), 0) / 3, 9);
    });
    const printed = text.split('\n');
    const block = printed.slice(printed.findIndex((l) => l.startsWith('customers, tier 4, 2015-11-11')) + 2).slice(0, 3);
    expect(block.map((l) => l.split(/\s+/)[0])).toEqual(csv.map((r) => r.parameter));
  });
});

describe('sensitivity experiment files', () => {
  const file = (sweep: string, rest = '') =>
    `{\n  "name": "s",\n  "baseline": { "scenario": "x.json" },${rest}\n  "sweep": ${sweep}\n}\n`;
  const issues = (text: string) => {
    try {
      parseExperiment(text, 'e.json');
    } catch (error) {
      return (error as Error).message;
    }
    return '';
  };
  const ranges = '"parameters": [{ "path": "channels.feed.attention", "from": 0.3, "to": 0.9 }]';

  it('a morris sweep without trajectories or outputs is refused where it was written', () => {
    expect(issues(file(`{ "method": "morris", ${ranges} }`))).toBe(
      ['e.json:4:12 sweep.trajectories: missing, required when method is "morris"', 'e.json:4:24 sweep.method: a "morris" sweep needs `outputs`: the metrics (tier, date) or headline figures whose sensitivity to measure'].join('\n'),
    );
  });

  it('sobol needs samples, takes no trajectories or odd levels, and no variants', () => {
    const outputs = '\n  "outputs": [{ "metric": "customers", "tier": "4", "date": "2015-11-11" }],\n  "variants": [{ "name": "v" }],';
    const message = issues(file(`{ "method": "sobol", "trajectories": 3, "levels": 3, ${ranges} }`, outputs));
    expect(message).toContain('variants[0]: a "sobol" sweep varies the baseline only');
    expect(message).toContain('sweep.samples: missing, required when method is "sobol"');
    expect(message).toContain('sweep.trajectories: only for method "morris"');
    expect(message).toContain('sweep.levels: expected an even number');
  });

  it('outputs or bootstrap settings outside a sensitivity sweep, and a headline output with a date, are refused', () => {
    const outputs = '\n  "outputs": [{ "metric": "social_share_of_new_buyers_2015_11_11", "date": "2015-11-11" }],';
    const message = issues(file(`{ "method": "latin-hypercube", "samples": 3, "resamples": 100, ${ranges} }`, outputs));
    expect(message).toMatch(/e\.json:5:\d+ sweep\.resamples: only for methods "morris" and "sobol"/);
    expect(message).toMatch(/e\.json:4:\d+ outputs: only for a "morris" or "sobol" sweep/);
    expect(message).toMatch(/e\.json:4:\d+ outputs\[0\]\.date: social_share_of_new_buyers_2015_11_11 is a figure of the whole run: give no date/);
  });
});

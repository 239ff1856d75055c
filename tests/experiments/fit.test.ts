// Targets: experiments scored against observed figures. The oracle is a synthetic truth: the
// "observations" are the mean of runs at a known parameter value over the experiment's own
// replicate seeds, so with shared seeds the sweep point at that value misses them by exactly 0 and
// must rank first; every other point misses by more.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { simulate } from '../../src/engine/simulation.ts';
import { seriesValue } from '../../src/engine/metrics.ts';
import { dayOfDate } from '../../src/engine/calendar.ts';
import { headline } from '../../src/engine/headline.ts';
import { replicateSeeds } from '../../src/experiments/seeds.ts';
import { mergeCommand } from '../../src/cli/experiments/merge-command.ts';
import { fitCommand } from '../../src/cli/experiments/fit-command.ts';
import { nodeExperimentMachine } from '../../src/cli/experiments/commands.ts';
import { ScenarioError } from '../../src/scenario/issues.ts';
import { scratchDir } from '../cli/tierwave.ts';
import { capturingIo, FIXTURES, runExperiment } from './support/run-experiment.ts';

const TRUTH = 0.004;
const VALUES = [0.001, 0.002, TRUTH, 0.008];
const MASTER_SEED = 5;
const REPLICATES = 3;
const DATE = '2015-11-11';

/** The observed figures: customers in tier 4 and in all tiers on 11.11, at the true promoter rate. */
function observations() {
  const scenario = loadScenarioFile(`${FIXTURES}/four-tiers.json`, [
    { path: 'population.agents', value: 2500 },
    { path: 'tiers[3].offlinePerDay', value: TRUTH },
  ]).scenario;
  const day = dayOfDate(scenario.start, DATE);
  const runs = replicateSeeds(MASTER_SEED, REPLICATES).map((seed) => simulate(scenario, { seed }).series);
  const meanOf = (tier: number) => runs.reduce((sum, s) => sum + seriesValue(s, day, tier, 'customers'), 0) / runs.length;
  return { tier4: meanOf(3), all: meanOf(4) };
}

function experiment(dir: string, targets: unknown[]): string {
  copyFileSync(`${FIXTURES}/four-tiers.json`, join(dir, 'four-tiers.json'));
  const file = join(dir, 'fit.json');
  writeFileSync(
    file,
    JSON.stringify(
      {
        name: 'promoter-fit',
        baseline: { scenario: 'four-tiers.json' },
        set: { 'population.agents': 2500 },
        replicates: REPLICATES,
        seed: MASTER_SEED,
        sweep: { parameters: [{ path: 'tiers[3].offlinePerDay', values: VALUES }] },
        targets,
        report: { tiers: ['all'], dates: [DATE], final: false },
      },
      null,
      2,
    ),
  );
  return file;
}

const readCsv = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];

describe('experiment targets (fit.csv)', () => {
  it('rank the sweep point that produced the observations first, missing them by exactly 0', async () => {
    const dir = scratchDir('fit');
    const seen = observations();
    const file = experiment(dir, [
      { metric: 'customers', tier: 'tier 4', date: DATE, value: seen.tier4, sd: 10 },
      { metric: 'customers', date: DATE, value: seen.all },
    ]);
    const out = join(dir, 'out');
    const text = await runExperiment(file, { out, quiet: false });
    expect(text).toMatch(/best fits to 2 targets .* all 4 in fit\.csv\):\nrank\s+loss\s+variant\s+parameters\n1\s+0\.00+\s+baseline\s+tiers\[3\]\.offlinePerDay=0\.004\n/);

    const fit = readCsv(join(out, 'fit.csv'));
    expect(fit).toHaveLength(VALUES.length * 2);
    expect(fit[0]).toMatchObject({ rank: '1', parameters: `tiers[3].offlinePerDay=${TRUTH}`, loss: '0', z: '0', target: `customers, tier 4, ${DATE}`, sd: '10' });
    // The default sd: 10 % of the figure.
    expect(Number(fit[1].sd)).toBeCloseTo(seen.all * 0.1, 9);
    // Every other point misses; below the truth, the farther the worse (customers grow with the rate).
    const loss = (value: number) => Number(fit.find((r) => r.parameters === `tiers[3].offlinePerDay=${value}`)!.loss);
    for (const value of VALUES.filter((v) => v !== TRUTH)) expect(loss(value)).toBeGreaterThan(0);
    expect(loss(0.001)).toBeGreaterThan(loss(0.002));

    // Each simulated mean is the mean of runs.csv's values for its point and target (the target's
    // tier was added to the report, which asked for "all" only).
    const runs = readCsv(join(out, 'runs.csv'));
    for (const row of fit) {
      const [metric, tier, date] = row.target.split(', ');
      const values = runs.filter((r) => r.parameters === row.parameters && r.metric === metric && r.tier === tier && r.date === date).map((r) => Number(r.value));
      expect(values).toHaveLength(REPLICATES);
      expect(Number(row.simulated_mean)).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
      expect(Number(row.z)).toBeCloseTo((Number(row.simulated_mean) - Number(row.observed)) / Number(row.sd), 9);
    }

    // Split over two shards and merged: the same fit.csv.
    const shards = [1, 2].map((index) => join(dir, `shard-${index}`));
    for (const [i, shardOut] of shards.entries()) await runExperiment(file, { out: shardOut, shard: { index: i + 1, count: 2 } });
    const merged = join(dir, 'merged');
    await mergeCommand(shards, merged, capturingIo(), 'tierwave merge');
    expect(readFileSync(join(merged, 'fit.csv'), 'utf8')).toBe(readFileSync(join(out, 'fit.csv'), 'utf8'));
  });

  it('record a tier once when the report and a target name it differently', async () => {
    const dir = scratchDir('fit-tiers');
    const file = experiment(dir, [{ metric: 'customers', tier: 'tier 4', date: DATE, value: 100 }]);
    const text = JSON.parse(readFileSync(file, 'utf8'));
    text.report.tiers = ['4', 'all'];
    text.sweep.parameters[0].values = [TRUTH];
    writeFileSync(file, JSON.stringify(text));
    const out = join(dir, 'out');
    await runExperiment(file, { out });
    const runs = readCsv(join(out, 'runs.csv'));
    expect(runs.filter((r) => r.replicate === '0').map((r) => r.tier)).toEqual(['tier 4', 'all']);
    expect(readCsv(join(out, 'fit.csv')).map((r) => r.replicates)).toEqual([String(REPLICATES)]);
  });

  it('report a target tier or date the runs do not have where it was written', async () => {
    const dir = scratchDir('fit-invalid');
    const file = experiment(dir, [
      { metric: 'customers', tier: 'tier 9', date: DATE, value: 10 },
      { metric: 'customers', date: '2017-01-01', value: 10 },
    ]);
    const failure = runExperiment(file, { out: join(dir, 'out') });
    await expect(failure).rejects.toBeInstanceOf(ScenarioError);
    const message = await failure.catch((error: Error) => error.message);
    const lines = message.split('\n');
    const at = (needle: string) => readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(needle)) + 1;
    expect(lines).toContain(`${file}:${at('"tier 9"')}:15 targets[0].tier: no tier "tier 9" in ${join(dir, 'four-tiers.json')}; expected one of "tier 1", "tier 2", "tier 3", "tier 4", a tier number or "all" (in "baseline")`);
    expect(lines).toContain(`${file}:${at('"2017-01-01"')}:15 targets[1].date: 2017-01-01 is outside the run of ${join(dir, 'four-tiers.json')} (2015-09-01 to 2015-11-30) (in "baseline")`);
  });

  it('narrow the sampled range wave after wave around the value that produced the observations (tierwave fit)', async () => {
    const dir = scratchDir('fit-waves');
    const seen = observations();
    copyFileSync(`${FIXTURES}/four-tiers.json`, join(dir, 'four-tiers.json'));
    const file = join(dir, 'fit.json');
    const range = { from: 0.0005, to: 0.02 };
    writeFileSync(
      file,
      JSON.stringify({
        name: 'promoter-waves',
        baseline: { scenario: 'four-tiers.json' },
        set: { 'population.agents': 2500 },
        replicates: REPLICATES,
        seed: MASTER_SEED,
        sweep: { method: 'latin-hypercube', samples: 8, parameters: [{ path: 'tiers[3].offlinePerDay', ...range, scale: 'log' }] },
        targets: [{ metric: 'customers', tier: 'tier 4', date: DATE, value: seen.tier4 }],
      }),
    );
    const out = join(dir, 'out');
    const io = capturingIo();
    const waves = await fitCommand(file, { out, waves: 3 }, io, nodeExperimentMachine, 'tierwave fit');
    expect(waves.map((w) => w.wave)).toEqual([1, 2, 3]);
    expect(waves.map((w) => w.ran)).toEqual([8 * REPLICATES, 8 * REPLICATES, 8 * REPLICATES]);
    const widths = waves.map((w) => Math.log(w.parameters[0].to! / w.parameters[0].from!));
    expect(waves[0].parameters[0]).toMatchObject(range);
    for (const [k, w] of waves.entries()) {
      // Every wave still holds the truth.
      expect(w.parameters[0].from!, `wave ${k + 1}`).toBeLessThanOrEqual(TRUTH);
      expect(w.parameters[0].to!, `wave ${k + 1}`).toBeGreaterThanOrEqual(TRUTH);
    }
    // The second wave samples a much smaller range; once the points are mostly plausible the range
    // stays about where the observations put it (it converges to a region, not a point).
    expect(widths[1]).toBeLessThan(widths[0] / 2);
    expect(widths[2]).toBeLessThan(widths[1] * 1.1);
    expect(waves[2].plausible).toBeGreaterThan(waves[0].plausible);
    const best = Number(waves[2].bestParameters.split('=')[1]);
    expect(best / TRUTH).toBeGreaterThan(1 / 1.5);
    expect(best / TRUTH).toBeLessThan(1.5);
    expect(io.out()).toMatch(/^history matching: plausible = misses no target by more than 3 sd/);
    const table = readCsv(join(out, 'waves.csv'));
    expect(table.map((r) => r.plausible)).toEqual(waves.map((w) => String(w.plausible)));
    for (let k = 1; k <= 3; k++) expect(readCsv(join(out, `wave-${k}`, 'fit.csv')).length).toBe(8);

    // Run again: every wave is finished, nothing runs, the same waves come out.
    const again = await fitCommand(file, { out, waves: 3, quiet: true }, capturingIo(), nodeExperimentMachine, 'tierwave fit');
    expect(again.map((w) => w.ran)).toEqual([0, 0, 0]);
    expect(again.map((w) => w.parameters)).toEqual(waves.map((w) => w.parameters));
  });

  it('refuse to fit without targets or without a Latin-hypercube range to narrow', async () => {
    const dir = scratchDir('fit-refused');
    const noTargets = experiment(dir, []);
    await expect(fitCommand(noTargets, { quiet: true }, capturingIo(), nodeExperimentMachine, 'tierwave fit')).rejects.toThrow(
      `${noTargets}: no targets: fit scores the runs against observed figures (an experiment's "targets")`,
    );
    const grid = experiment(dir, [{ metric: 'customers', date: DATE, value: 10 }]);
    await expect(fitCommand(grid, { quiet: true }, capturingIo(), nodeExperimentMachine, 'tierwave fit')).rejects.toThrow(
      `${grid}: fit needs a "latin-hypercube" sweep with at least one range (from, to) to narrow`,
    );
  });

  it('fit headline figures too: a whole-run figure per run, recorded on its last day', async () => {
    const dir = scratchDir('fit-headline');
    // The observed figure: the share of customers living in tiers 3 and 4, at the true promoter rate.
    const scenario = loadScenarioFile(`${FIXTURES}/four-tiers.json`, [
      { path: 'population.agents', value: 2500 },
      { path: 'tiers[3].offlinePerDay', value: TRUTH },
    ]).scenario;
    const seeds = replicateSeeds(MASTER_SEED, REPLICATES);
    const shares = seeds.map((seed) => headline(scenario, simulate(scenario, { seed }).series).customer_share_tiers_3_4.value!);
    const observed = shares.reduce((a, b) => a + b, 0) / shares.length;
    expect(observed).toBeGreaterThan(0.2);
    const file = experiment(dir, [{ metric: 'customer_share_tiers_3_4', value: observed, sd: 0.01 }]);
    const out = join(dir, 'out');
    await runExperiment(file, { out });
    const runs = readCsv(join(out, 'runs.csv')).filter((r) => r.metric === 'customer_share_tiers_3_4');
    expect(runs).toHaveLength(VALUES.length * REPLICATES);
    for (const r of runs) expect([r.day, r.date, r.tier]).toEqual(['90', '2015-11-30', 'all']);
    const fit = readCsv(join(out, 'fit.csv'));
    // runs.csv keeps 15 significant digits of a share, so the truth misses by a rounding error only.
    expect(fit[0]).toMatchObject({ rank: '1', parameters: `tiers[3].offlinePerDay=${TRUTH}`, target: 'customer_share_tiers_3_4, all' });
    expect(Math.abs(Number(fit[0].z))).toBeLessThan(1e-12);
    // More promoters in tier 4, a larger share there: below the truth, the farther the worse.
    const loss = (value: number) => Number(fit.find((r) => r.parameters === `tiers[3].offlinePerDay=${value}`)!.loss);
    expect(loss(0.001)).toBeGreaterThan(loss(0.002));
    expect(loss(0.008)).toBeGreaterThan(loss(TRUTH));

    // A headline figure has no date; a daily metric needs one.
    const wrong = experiment(dir, [
      { metric: 'customer_share_tiers_3_4', date: DATE, value: 0.5 },
      { metric: 'customers', value: 10 },
    ]);
    const message = await runExperiment(wrong, { out: join(dir, 'wrong') }).catch((error: Error) => error.message);
    expect(message).toMatch(/targets\[0\]\.date: customer_share_tiers_3_4 is a figure of the whole run: give no date/);
    expect(message).toMatch(/targets\[1\]: missing `date`: the day the daily metric customers was observed/);
  });
});

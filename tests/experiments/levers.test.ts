import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/experiments/compare-command.ts';
import { nodeExperimentMachine } from '../../src/cli/experiments/commands.ts';
import { capturingIo, FIXTURES, runExperiment } from './support/run-experiment.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tierwave-levers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const csv = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
const NUMBERS = ['day', 'n', 'baseline_mean', 'variant_mean', 'mean_diff', 'sd_diff', 'ci90_lo', 'ci90_hi'];

describe('levers in comparisons', () => {
  it('compare --lever rural-promoters=0 gives the same differences as the no-rural-promoters scenario, with the same seeds', async () => {
    // Up to 2015-11-13, so 11.11 2015 is in the run; small and few, as the equality holds at any size.
    const options = { replicates: 3, agents: 1000, days: 540, seed: 3, quiet: true };
    const io = capturingIo();
    await Promise.all([
      compareCommand('scenarios/jd-tencent-2014.json', ['scenarios/no-rural-promoters.json'], { ...options, out: join(scratch, 'file') }, io, nodeExperimentMachine, 'tierwave compare'),
      compareCommand('scenarios/jd-tencent-2014.json', [], { ...options, lever: ['rural-promoters=0'], out: join(scratch, 'lever') }, io, nodeExperimentMachine, 'tierwave compare'),
    ]);
    const file = csv(join(scratch, 'file', 'diff.csv'));
    const lever = csv(join(scratch, 'lever', 'diff.csv'));
    expect(new Set(lever.map((d) => d.variant))).toEqual(new Set(['rural-promoters=0']));
    expect(lever.map((d) => [d.date, d.tier, ...NUMBERS.map((c) => d[c])])).toEqual(file.map((d) => [d.date, d.tier, ...NUMBERS.map((c) => d[c])]));
    const tier4 = lever.find((d) => d.date === '2015-11-11' && d.tier === 'tier 4')!;
    expect(Number(tier4.mean_diff)).toBeLessThan(0);
    expect(io.err()).toBe('');
  });

  it('a --set on a field that a variant intervenes on is warned about once and recorded in the manifest for that variant', async () => {
    const out = join(scratch, 'warned');
    const io = capturingIo();
    await compareCommand(`${FIXTURES}/four-tiers.json`, [`${FIXTURES}/more-promoters.json`], { replicates: 2, agents: 600, set: ['tiers[3].offlinePerDay=0.001'], out, quiet: true }, io, nodeExperimentMachine, 'tierwave compare');
    const message =
      `--set tiers[3].offlinePerDay=0.001 sets tiers[3].offlinePerDay only until 2015-09-15: the intervention "promoters x3" changes it from that date (setting 0.006); ` +
      `to move the intervention, --set 'interventions["promoters x3"].value=…'`;
    expect(io.err()).toBe(`tierwave: warning: ${message}\n`);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.configurations.map((c: { variant: string; warnings?: string[] }) => [c.variant, c.warnings])).toEqual([
      ['four-tiers', undefined],
      ['more-promoters', [message]],
    ]);
  });
});

describe('levers in experiment files', () => {
  it('a variant pulls a lever by id: at 0 it gives the same runs as removing the intervention', async () => {
    const out = join(scratch, 'experiment');
    await runExperiment(`${FIXTURES}/levers-experiment.json`, { out });
    const diff = csv(join(out, 'diff.csv'));
    const of = (variant: string) => diff.filter((d) => d.variant === variant).map((d) => [d.date, d.tier, ...NUMBERS.map((c) => d[c])]);
    expect(of('lever-off')).toEqual(of('removed'));
    expect(of('doubled')).not.toEqual(of('removed'));
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.configurations.map((c: { overrides: string[] }) => c.overrides)).toEqual([[], ['--lever promoters=0'], ['interventions=[]'], ['--lever promoters=0.04']]);
  });

  it('a lever value out of range is reported where the experiment file wrote it', async () => {
    const dir = mkdtempSync(join(scratch, 'bad-'));
    const file = join(dir, 'bad.json');
    const text = readFileSync(`${FIXTURES}/levers-experiment.json`, 'utf8').replace('"../../cli/fixtures/promoters-world.json"', JSON.stringify(join(process.cwd(), 'tests/cli/fixtures/promoters-world.json'))).replace('"promoters": 0.04', '"promoters": 7');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('"promoters": 7')) + 1;
    const column = text.split('\n')[line - 1].indexOf('"promoters"') + 1;
    await expect(runExperiment(file, { out: join(dir, 'out') })).rejects.toThrow(`${file}:${line}:${column} promoters: expected a number in [0, 0.05], got 7 (in "doubled")`);
  });
});

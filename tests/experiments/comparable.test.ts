import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/experiments/compare-command.ts';
import { nodeExperimentMachine } from '../../src/cli/experiments/commands.ts';
import { capturingIo, FIXTURES } from './support/run-experiment.ts';

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'tests/experiments/support/experiment-cli.ts', ...args], { encoding: 'utf8' });
const scratch = mkdtempSync(join(tmpdir(), 'tierwave-comparable-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const csv = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];

describe('comparing worlds that differ', () => {
  it('refuses scenarios on different calendars (exit 1), naming both calendars and how to align them', () => {
    const result = cli('compare', 'scenarios/jd-tencent-2014.json', 'scenarios/teaching-village.json', '--agents', '300', '--quiet');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('teaching-village starts 2015-09-01 and runs 120 days (to 2015-12-30); jd-tencent-2014 starts 2014-05-22 and runs 770 days (to 2016-06-30)');
    expect(result.stderr).toContain('--align dates');
    expect(result.stderr).not.toMatch(/agents/);
  });

  it('refuses different population sizes even when dates are aligned, naming both sizes', () => {
    const result = cli('compare', 'scenarios/jd-tencent-2014.json', 'scenarios/teaching-village.json', '--align', 'dates', '--quiet');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('teaching-village has 300 agents; jd-tencent-2014 100,000');
    expect(result.stderr).toContain('--agents N');
  });

  it('refuses different tier sets unless tiers are aligned', () => {
    const result = cli('compare', `${FIXTURES}/four-tiers.json`, `${FIXTURES}/three-tiers.json`, '--quiet');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('three-tiers has tiers "tier 1", "tier 2", "tier 3"; four-tiers "tier 1", "tier 2", "tier 3", "tier 4"');
    expect(result.stderr).toContain('--align tiers');
  });

  it('aligned by date, pairs each replicate on the same date (not the same day number) and says so', async () => {
    const out = join(scratch, 'dates');
    const io = capturingIo();
    await compareCommand(`${FIXTURES}/four-tiers.json`, [`${FIXTURES}/later-start.json`], { replicates: 3, agents: 600, out, align: ['dates'] }, io, nodeExperimentMachine, 'tierwave compare');
    expect(io.out()).toContain("aligned by date: compared only from 2015-09-11 to 2015-11-30, the dates inside every run's calendar");
    const runs = csv(join(out, 'runs.csv'));
    const diff = csv(join(out, 'diff.csv'));
    const value = (variant: string, replicate: number, date: string, tier: string) =>
      Number(runs.find((r) => r.variant === variant && Number(r.replicate) === replicate && r.date === date && r.tier === tier)!.value);
    for (const tier of ['tier 4', 'all']) {
      const row = diff.find((d) => d.date === '2015-11-11' && d.tier === tier)!;
      const differences = [0, 1, 2].map((r) => value('later-start', r, '2015-11-11', tier) - value('four-tiers', r, '2015-11-11', tier));
      expect(Number(row.mean_diff)).toBeCloseTo(differences.reduce((a, b) => a + b, 0) / 3, 9);
    }
    // The two calendars give 2015-11-11 different day numbers: 71 in the baseline, 61 in the variant.
    expect(new Set(runs.filter((r) => r.date === '2015-11-11').map((r) => `${r.variant}:${r.day}`))).toEqual(new Set(['four-tiers:71', 'later-start:61']));
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.alignment[0]).toMatch(/^aligned by date/);
  });

  it('aligned by tier, compares only the tiers both scenarios have', async () => {
    const io = capturingIo();
    await compareCommand(`${FIXTURES}/four-tiers.json`, [`${FIXTURES}/three-tiers.json`], { replicates: 2, agents: 600, align: ['tiers'] }, io, nodeExperimentMachine, 'tierwave compare');
    expect(io.out()).toContain('aligned by tier: compared only on "tier 1", "tier 2", "tier 3", "all"');
    const tiers = io.out().split('\n').filter((line) => /^(tier \d|all)\s/.test(line)).map((line) => line.split(/\s{2,}/)[0]);
    expect(tiers).toEqual(['tier 1', 'tier 2', 'tier 3', 'all']);
  });
});

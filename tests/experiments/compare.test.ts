import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/experiments/compare-command.ts';
import { nodeExperimentMachine } from '../../src/cli/experiments/commands.ts';
import { capturingIo, FIXTURES } from './support/run-experiment.ts';

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'tests/experiments/support/experiment-cli.ts', ...args], { encoding: 'utf8' });

describe('tierwave compare', () => {
  it('prints per tier the paired difference in customers on 2015-11-11 with its 90 % interval', async () => {
    const io = capturingIo();
    await compareCommand(`${FIXTURES}/four-tiers.json`, [`${FIXTURES}/more-promoters.json`], { replicates: 5, agents: 2500 }, io, nodeExperimentMachine, 'tierwave compare');
    const lines = io.out().split('\n');
    expect(lines[0]).toBe('customers on 2015-11-11, more-promoters − four-tiers, paired over 5 of 5 replicates:');
    expect(lines[1]).toMatch(/^tier\s+baseline\s+variant\s+difference\s+90 % interval\s+change$/);
    expect(lines.slice(2, 7).map((line) => line.split(/\s{2,}/)[0])).toEqual(['tier 1', 'tier 2', 'tier 3', 'tier 4', 'all']);
    expect(lines[5]).toMatch(/^tier 4\s+[\d.,]+\s+[\d.,]+\s+\+[\d.,]+\s+\[[-+]?[\d.,]+, \+[\d.,]+\]\s+\+[\d.]+ %$/);
    expect(io.out()).toMatch(/one agent stands for 1,000 people in four-tiers/);
    expect(io.err()).toMatch(/2 scenarios × 5 replicates = 10 runs of 2,500 agents, master seed 5/);
  });

  it('exits 2 for a usage error and 1 for an invalid scenario, with the place of the problem', () => {
    const usage = cli('compare', `${FIXTURES}/four-tiers.json`, `${FIXTURES}/more-promoters.json`, '--replicates', 'many');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--replicates <n>.*expected a whole number, got "many"/);
    const invalid = cli('compare', `${FIXTURES}/four-tiers.json`, `${FIXTURES}/more-promoters.json`, '--set', 'tiers[3].offlinePerDay=7', '--quiet');
    expect(invalid.status).toBe(1);
    expect(invalid.stderr.trim()).toBe('--set tiers[3].offlinePerDay=7 tiers[3].offlinePerDay: expected a number in [0, 1], got 7');
    const help = cli('experiment', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--shard <i\/n\|auto>/);
  });
});

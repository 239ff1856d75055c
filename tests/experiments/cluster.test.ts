// The contract of a cluster run is the shared folder: shards write only their own folders, merge
// joins them the same way however often it runs and refuses shards of different plans, and a fit
// run wave by wave and shard by shard — each wave planned from the merged one before — ends with
// the folders of the fit one machine runs.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeExperimentMachine } from '../../src/cli/experiments/commands.ts';
import { fitCommand } from '../../src/cli/experiments/fit-command.ts';
import { mergeCommand } from '../../src/cli/experiments/merge-command.ts';
import { scratchDir } from '../cli/tierwave.ts';
import { capturingIo, FIXTURES, runExperiment } from './support/run-experiment.ts';

const EXPERIMENT = `${FIXTURES}/experiment.json`;
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const manifestOf = (dir: string) => JSON.parse(read(dir, 'manifest.json'));

describe('merge', () => {
  it('gives the same folder when run again, and refuses shards of other seeds or another tool version', async () => {
    const dir = scratchDir('merge-plans');
    const shards = [1, 2].map((i) => join(dir, `shard-${i}`));
    const otherSeed = join(dir, 'other-seed');
    await Promise.all([
      ...shards.map((out, i) => runExperiment(EXPERIMENT, { out, shard: { index: i + 1, count: 2 }, agents: 500, workers: 1 })),
      runExperiment(EXPERIMENT, { out: otherSeed, shard: { index: 2, count: 2 }, agents: 500, workers: 1, seed: 8 }),
    ]);
    const merged = join(dir, 'merged');
    await mergeCommand(shards, merged, capturingIo(), 'tierwave merge');
    const first = ['runs.csv', 'runs-done.csv', 'stats.csv', 'diff.csv'].map((f) => read(merged, f));
    await mergeCommand([...shards].reverse(), merged, capturingIo(), 'tierwave merge');
    expect(['runs.csv', 'runs-done.csv', 'stats.csv', 'diff.csv'].map((f) => read(merged, f))).toEqual(first);
    // The merge wrote only its own folder: the shards are as they were.
    expect(readdirSync(dir).sort()).toEqual(['merged', 'other-seed', 'shard-1', 'shard-2']);

    await expect(mergeCommand([shards[0], otherSeed], join(dir, 'mixed'), capturingIo(), 'tierwave merge')).rejects.toThrow(
      `${otherSeed}: is from a different experiment than ${shards[0]} (other scenarios, seeds, replicates or report)`,
    );
    // A shard written by another version of tierwave: the same plan, but perhaps another model.
    const manifest = manifestOf(shards[1]);
    writeFileSync(join(shards[1], 'manifest.json'), JSON.stringify({ ...manifest, tool: { ...manifest.tool, version: '0.0.9' } }));
    await expect(mergeCommand(shards, join(dir, 'versions'), capturingIo(), 'tierwave merge')).rejects.toThrow(
      `${shards[1]}: was written by tierwave 0.0.9, ${shards[0]} by ${manifest.tool.version}; rerun the shards with one version`,
    );
    expect(readdirSync(dir).sort()).toEqual(['merged', 'other-seed', 'shard-1', 'shard-2']);
  });
});

describe('tierwave fit --wave k --shard i/n', () => {
  it('run wave by wave in two shards each, merged, gives the waves of the single-machine fit', async () => {
    const dir = scratchDir('fit-cluster');
    copyFileSync(`${FIXTURES}/four-tiers.json`, join(dir, 'four-tiers.json'));
    const file = join(dir, 'fit.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'promoter-waves',
        baseline: { scenario: 'four-tiers.json' },
        set: { 'population.agents': 1000 },
        replicates: 1,
        seed: 5,
        sweep: { method: 'latin-hypercube', samples: 6, parameters: [{ path: 'tiers[3].offlinePerDay', from: 0.0005, to: 0.02, scale: 'log' }] },
        targets: [{ metric: 'customers', tier: 'tier 4', date: '2015-11-11', value: 60 }],
      }),
    );
    const single = join(dir, 'single');
    const cluster = join(dir, 'cluster');
    const fit = (out: string, options: object) => fitCommand(file, { out, quiet: true, workers: 1, ...options }, capturingIo(), nodeExperimentMachine, 'tierwave fit');
    const reference = fit(single, { waves: 2 });

    // Wave 2 cannot be planned before wave 1 is merged.
    await expect(fit(cluster, { wave: 2, shard: { index: 1, count: 2 } })).rejects.toThrow(`${join(cluster, 'wave-1')}: wave 1 is not finished with the plan wave 2 follows from`);
    for (const wave of [1, 2]) {
      await Promise.all([1, 2].map((index) => fit(cluster, { wave, shard: { index, count: 2 } })));
      const shards = [1, 2].map((index) => join(cluster, `wave-${wave}-shard${index}of2`));
      // Planned twice, once in each shard, from the same inputs: one plan.
      expect(manifestOf(shards[0]).plan_sha256).toBe(manifestOf(shards[1]).plan_sha256);
      await mergeCommand(shards, join(cluster, `wave-${wave}`), capturingIo(), 'tierwave merge');
    }
    // The last step of the chain: every wave is finished, so it only reads them and writes waves.csv.
    const summed = await fit(cluster, { waves: 2 });
    const waves = await reference;
    expect(summed.map((w) => w.ran)).toEqual([0, 0]);
    expect(waves.map((w) => w.ran)).toEqual([6, 6]);
    for (const f of ['waves.csv', 'wave-1/runs.csv', 'wave-1/fit.csv', 'wave-2/runs.csv', 'wave-2/fit.csv', 'wave-2/stats.csv']) expect(read(cluster, f), f).toBe(read(single, f));
    expect(manifestOf(join(cluster, 'wave-2')).plan_sha256).toBe(manifestOf(join(single, 'wave-2')).plan_sha256);
    // Wave 2 sampled a narrower range than wave 1: it was planned from wave 1's runs.
    expect(waves[1].parameters[0].to! - waves[1].parameters[0].from!).toBeLessThan(waves[0].parameters[0].to! - waves[0].parameters[0].from!);
  });
});

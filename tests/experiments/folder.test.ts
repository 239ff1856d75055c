// Run-by-run output: sharded + merged, and stopped + restarted, both give exactly the folder of one
// uninterrupted run.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeExperimentMachine } from '../../src/cli/experiments/commands.ts';
import { worldOverrides } from '../../src/cli/options.ts';
import { runIntoFolder } from '../../src/cli/experiments/run-into-folder.ts';
import { loadExperimentDesign } from '../../src/cli/experiments/load-files.ts';
import { mergeCommand } from '../../src/cli/experiments/merge-command.ts';
import { capturingIo, FIXTURES, runExperiment } from './support/run-experiment.ts';
import { BIN } from '../cli/tierwave.ts';

const EXPERIMENT = `${FIXTURES}/experiment.json`;
const TABLES = ['runs.csv', 'runs-done.csv', 'stats.csv', 'diff.csv'];
let root: string;
let reference: string;

const read = (dir: string) => Object.fromEntries(TABLES.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
const doneRuns = (dir: string) => (existsSync(join(dir, 'runs-done.csv')) ? readFileSync(join(dir, 'runs-done.csv'), 'utf8').trim().split('\n').length - 1 : 0);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tierwave-experiments-'));
  reference = join(root, 'whole');
  await runExperiment(EXPERIMENT, { out: reference });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('experiment folders', () => {
  it('writes runs.csv in run order, one recorded line per run, and a complete manifest', () => {
    const runs = readFileSync(join(reference, 'runs.csv'), 'utf8').trim().split('\n').slice(1);
    const ids = runs.map((line) => Number(line.split(',')[0]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(12);
    expect(doneRuns(reference)).toBe(12);
    const manifest = JSON.parse(readFileSync(join(reference, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ complete: true, master_seed: 7, replicates: 4, runs: { planned: 12, in_shard: 12, done: 12 }, shard: null });
    expect(manifest.configurations.map((c: { scenario_sha256: string }) => c.scenario_sha256)).toHaveLength(3);
  });

  it('three shards merged give exactly the rows and tables of the unsplit run', async () => {
    const shards = [1, 2, 3].map((i) => join(root, `shard${i}`));
    for (const [i, out] of shards.entries()) await runExperiment(EXPERIMENT, { out, shard: { index: i + 1, count: 3 } });
    expect(shards.map(doneRuns)).toEqual([4, 4, 4]);
    expect(existsSync(join(shards[0], 'stats.csv'))).toBe(false);
    const merged = join(root, 'merged');
    await mergeCommand([shards[2], shards[0], shards[1]], merged, capturingIo(), 'tierwave merge');
    expect(read(merged)).toEqual(read(reference));
  });

  it('merge refuses shards with runs missing, naming the runs', async () => {
    const io = capturingIo();
    await expect(mergeCommand([join(root, 'shard1'), join(root, 'shard2')], join(root, 'partial'), io, 'tierwave merge')).rejects.toThrow(
      /4 of 12 runs are in none of the folders: run 2, 5, 8, 11; is a shard folder missing/,
    );
  });

  it('merge refuses to replace a different experiment or a shard folder, and leaves them as they were', async () => {
    const shards = [1, 2, 3].map((i) => join(root, `shard${i}`));
    const other = join(root, 'other-experiment');
    mkdirSync(other);
    writeFileSync(join(other, 'manifest.json'), JSON.stringify({ plan_sha256: 'another plan', shard: null }));
    writeFileSync(join(other, 'runs.csv'), 'kept\n');
    await expect(mergeCommand(shards, other, capturingIo(), 'tierwave merge')).rejects.toThrow(
      `${other}: holds a different experiment (other scenarios, overrides, seeds or report); choose another --out, or delete it to merge there`,
    );
    expect(readFileSync(join(other, 'runs.csv'), 'utf8')).toBe('kept\n');
    const shardRuns = readFileSync(join(shards[0], 'runs.csv'), 'utf8');
    await expect(mergeCommand(shards, shards[0], capturingIo(), 'tierwave merge')).rejects.toThrow(/holds shard 1\/3 of this experiment; merging there would replace it/);
    expect(readFileSync(join(shards[0], 'runs.csv'), 'utf8')).toBe(shardRuns);
    expect(readdirSync(root).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('merge stopped by SIGINT leaves no DIR.tmp-<pid>: DIR is complete or absent', async () => {
    const shards = [1, 2, 3].map((i) => join(root, `shard${i}`));
    const out = join(root, 'merged-interrupted');
    const child = spawn(process.execPath, [BIN, 'merge', ...shards, '--out', out], { stdio: 'ignore' });
    const temp = `${out}.tmp-${child.pid}`;
    // The signal goes the moment the temporary folder shows (or the merge is done): wherever it lands.
    while (child.exitCode === null && !existsSync(temp) && !existsSync(out)) await new Promise((resolve) => setTimeout(resolve, 1));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (c) => resolve(c))));
    expect([0, 130]).toContain(code);
    expect(existsSync(temp)).toBe(false);
    if (existsSync(out)) expect(read(out)).toEqual(read(reference));
  }, 60_000);

  it('an experiment stopped after 5 runs, with a torn last line, restarts where it stopped and ends identical', async () => {
    const out = join(root, 'stopped');
    const stop = new AbortController();
    const { design } = loadExperimentDesign(EXPERIMENT, { overrides: worldOverrides({}) });
    await expect(
      runIntoFolder({ design, out, command: 'test', quiet: true, signal: stop.signal, onProgress: (done) => done === 5 && stop.abort(new Error('stopped')) }, capturingIo(), nodeExperimentMachine),
    ).rejects.toThrow('stopped');
    // Runs that finished ahead of their turn are written with the one they waited for.
    const stopped = doneRuns(out);
    expect(stopped).toBeGreaterThanOrEqual(5);
    expect(stopped).toBeLessThan(12);
    // A kill in the middle of writing leaves part of a row in runs.csv and part of a record.
    appendFileSync(join(out, 'runs.csv'), `${stopped},more-promoters,1,3617640167,,30,2015-10`);
    appendFileSync(join(out, 'runs-done.csv'), `${stopped},3`);
    const text = await runExperiment(EXPERIMENT, { out, quiet: false });
    expect(text).toMatch(new RegExp(`^12 runs done \\(${stopped} finished earlier\\)`));
    expect(read(out)).toEqual(read(reference));
  });

  it('a CLI process killed with SIGKILL mid-experiment resumes with the same command and ends identical', async () => {
    const out = join(root, 'killed');
    const args = ['--import', 'tsx', 'tests/experiments/support/experiment-cli.ts', 'experiment', EXPERIMENT, '--out', out, '--quiet'];
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (doneRuns(out) >= 3) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
      child.on('exit', () => (clearInterval(poll), reject(new Error('the experiment ended before it could be killed'))));
    });
    expect(await exited).toBe('SIGKILL');
    expect(doneRuns(out)).toBeLessThan(12);
    await runExperiment(EXPERIMENT, { out });
    expect(read(out)).toEqual(read(reference));
  });

  it('a folder of another experiment is not resumed', async () => {
    await expect(runExperiment(EXPERIMENT, { out: reference, agents: 2000 })).rejects.toThrow(/holds a different experiment/);
  });
});

// `tierwave experiment --shard auto` as a scheduler starts it: the real command in a child
// process with a Slurm array's or a Kubernetes Indexed Job's variables. A good environment runs
// the same shard `--shard i/n` would; a missing or contradictory one is a usage error (exit 2)
// that writes nothing, never a run of the whole experiment.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir, start, tierwave } from './tierwave.ts';

const EXPERIMENT = 'tests/experiments/fixtures/experiment.json';

/** This process's environment without any scheduler's variables (the tests may run in a job). */
function plainEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(SLURM_|JOB_COMPLETION_INDEX$|TIERWAVE_SHARD_COUNT$)/.test(name)));
  return { ...env, ...extra };
}

const withEnvironment = (args: string[], extra: Record<string, string>) => start(args, undefined, plainEnvironment(extra)).finished;

describe('tierwave experiment --shard auto', () => {
  it('runs shard 2/2 of a Kubernetes Indexed Job, says so on stderr, and writes what --shard 2/2 writes', async () => {
    const dir = scratchDir('shard-auto');
    const [auto, typed] = await Promise.all([
      withEnvironment(['experiment', EXPERIMENT, '--shard', 'auto', '--out', join(dir, 'auto'), '--quiet'], { JOB_COMPLETION_INDEX: '1', TIERWAVE_SHARD_COUNT: '2' }),
      withEnvironment(['experiment', EXPERIMENT, '--shard', '2/2', '--out', join(dir, 'typed'), '--quiet'], {}),
    ]);
    expect(auto.code, auto.stderr).toBe(0);
    expect(typed.code, typed.stderr).toBe(0);
    expect(auto.stderr).toContain('tierwave: shard 2/2 from the Kubernetes Indexed Job (JOB_COMPLETION_INDEX=1, TIERWAVE_SHARD_COUNT=2)');
    expect(readFileSync(join(dir, 'auto', 'runs.csv'), 'utf8')).toBe(readFileSync(join(dir, 'typed', 'runs.csv'), 'utf8'));
    expect(JSON.parse(readFileSync(join(dir, 'auto', 'manifest.json'), 'utf8')).shard).toBe('2/2');
  });

  it('exits 2 and writes nothing without a scheduler, with a task outside its array, or with a count that disagrees', async () => {
    const dir = scratchDir('shard-auto-refused');
    const cases: [string[], Record<string, string>, string][] = [
      [[], {}, 'error: --shard auto: no scheduler in the environment'],
      [[], { SLURM_JOB_ID: '9', SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '3', SLURM_ARRAY_TASK_COUNT: '4' }, 'error: --shard auto: SLURM_ARRAY_TASK_ID=4 is not a task of the array 0-3'],
      [['--shard-count', '3'], { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '4' }, "error: --shard auto: --shard-count 3 disagrees with the Slurm array's 4 tasks"],
      [[], { JOB_COMPLETION_INDEX: '0' }, 'error: --shard auto: JOB_COMPLETION_INDEX is set but not how many completions the Indexed Job has'],
    ];
    const results = await Promise.all(cases.map(([args, env], k) => withEnvironment(['experiment', EXPERIMENT, '--shard', 'auto', ...args, '--out', join(dir, `case-${k}`)], env)));
    for (const [k, result] of results.entries()) {
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(cases[k][2]);
      expect(existsSync(join(dir, `case-${k}`)), `case ${k} wrote its folder`).toBe(false);
    }
  });

  it('exits 2 for --shard-count without --shard auto, and for fit --shard without --wave', async () => {
    const [count, fit] = await Promise.all([
      tierwave('experiment', EXPERIMENT, '--shard', '1/2', '--shard-count', '2'),
      tierwave('fit', 'experiments/calibrate-article.json', '--shard', '1/2'),
    ]);
    expect([count.code, fit.code]).toEqual([2, 2]);
    expect(count.stderr).toContain('error: --shard-count goes with --shard auto');
    expect(fit.stderr).toContain('error: --shard goes with --wave k: each wave is planned from the merged wave before it');
  });
});

// The cluster path on a real Slurm: a one-node Slurm 22.05 started in a temporary folder runs the
// repository's job files — the promoter sweep as a 4-task array plus a dependent merge, a Morris
// screening the same way, and a two-wave fit as a chain of dependent arrays (jobs/slurm/fit.sh) —
// and what they leave on the shared folder must be byte for byte what one process writes: the
// merged runs.csv and tables, sensitivity.csv, and the fit's waves.csv and each wave's runs.csv and
// fit.csv. Small worlds keep it to a minute or two.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, scratchDir, tierwave } from '../cli/tierwave.ts';
import { slurmAvailable, startSlurmCluster, type SlurmCluster } from '../support/slurm-cluster.ts';

const SMALL = ['--agents', '1000', '--replicates', '1'];
const JOB_TIMEOUT_MS = 150_000;

const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);

describe.skipIf(!slurmAvailable())('tierwave on a real Slurm cluster (jobs/slurm)', () => {
  let cluster: SlurmCluster | undefined;
  let dir = '';
  // A cluster that does not start fails each test (not only the hook, whose tests would count as
  // skipped on CI's last line).
  let startFailure: unknown;

  beforeAll(async () => {
    dir = scratchDir('slurm');
    const from = performance.now();
    try {
      // Its own scratch folder: munged needs every folder above its socket open to all.
      cluster = await startSlurmCluster(scratchDir('slurm-cluster'));
      console.log(`slurm: munged, slurmctld and slurmd up in ${seconds(from)} s`);
    } catch (error) {
      startFailure = error;
    }
  });

  beforeEach(() => {
    if (startFailure) throw startFailure;
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  async function finished(ids: string[]): Promise<void> {
    const states = await cluster!.finished(ids, JOB_TIMEOUT_MS);
    expect(states.length).toBeGreaterThanOrEqual(ids.length);
    expect(states.filter((s) => !s.endsWith(' COMPLETED')), `jobs that did not complete; their logs:\n${cluster!.jobLogs()}`).toEqual([]);
  }

  it('runs the promoter sweep as a 4-task array and a dependent merge: the unsplit run, byte for byte', async () => {
    const sweep = join(dir, 'sweep');
    const single = join(dir, 'single');
    const from = performance.now();
    const array = cluster!.sbatch(['--array=0-3', 'jobs/slurm/experiment.sbatch', 'experiments/promoter-sweep.json', sweep, ...SMALL], ROOT);
    const merge = cluster!.sbatch([`--dependency=afterok:${array}`, 'jobs/slurm/merge.sbatch', sweep], ROOT);
    // The reference runs meanwhile (the test's time, not a measurement: README has those).
    const [reference] = await Promise.all([tierwave('experiment', 'experiments/promoter-sweep.json', ...SMALL, '--out', single, '--quiet'), finished([array, merge])]);
    console.log(`slurm: 24-run sweep as a 4-task array + merge, one process beside it: ${seconds(from)} s`);
    expect(reference.code, reference.stderr).toBe(0);

    for (const file of ['runs.csv', 'stats.csv', 'diff.csv']) {
      expect(readFileSync(join(sweep, 'merged', file), 'utf8'), file).toBe(readFileSync(join(single, file), 'utf8'));
    }
    // Each task found its shard in the array's variables and wrote only its own folder.
    const logs = cluster!.jobLogs();
    for (let task = 0; task < 4; task++) {
      expect(logs).toContain(`tierwave: shard ${task + 1}/4 from the Slurm job array (job ${array}, SLURM_ARRAY_TASK_ID=${task} of 0-3)`);
      expect(JSON.parse(readFileSync(join(sweep, `shard-${task}`, 'manifest.json'), 'utf8')).shard).toBe(`${task + 1}/4`);
    }
    const manifest = JSON.parse(readFileSync(join(sweep, 'merged', 'manifest.json'), 'utf8'));
    expect(manifest.merged_from.map((m: { shard: string }) => m.shard).sort()).toEqual(['1/4', '2/4', '3/4', '4/4']);
  });

  it('runs a Morris screening as a 2-task array (TIERWAVE_COMMAND=sensitivity) and a merge: the unsplit sensitivity.csv', async () => {
    const lever = join(dir, 'lever');
    const single = join(dir, 'lever-single');
    const morris = 'tests/experiments/fixtures/sensitivity-morris.json';
    const from = performance.now();
    const array = cluster!.sbatch(['--export=ALL,TIERWAVE_COMMAND=sensitivity', '--array=0-1', 'jobs/slurm/experiment.sbatch', morris, lever], ROOT);
    const merge = cluster!.sbatch([`--dependency=afterok:${array}`, 'jobs/slurm/merge.sbatch', lever], ROOT);
    const [reference] = await Promise.all([tierwave('sensitivity', morris, '--out', single, '--quiet'), finished([array, merge])]);
    console.log(`slurm: 24-run Morris screening as a 2-task array + merge, one process beside it: ${seconds(from)} s`);
    expect(reference.code, reference.stderr).toBe(0);
    for (const file of ['runs.csv', 'sensitivity.csv']) expect(readFileSync(join(lever, 'merged', file), 'utf8'), file).toBe(readFileSync(join(single, file), 'utf8'));
  });

  it('runs a two-wave fit as dependent arrays (jobs/slurm/fit.sh): the single-machine fit, byte for byte', async () => {
    const fit = join(dir, 'fit');
    const single = join(dir, 'fit-single');
    const from = performance.now();
    const submitted = cluster!.command(join(ROOT, 'jobs/slurm/fit.sh'), ['experiments/calibrate-article.json', fit, '2', '2', ...SMALL], ROOT);
    const ids = [...submitted.matchAll(/^wave (\d+): array (\d+), merge (\d+)$/gm)].flatMap((m) => [m[2], m[3]]);
    expect(ids, submitted).toHaveLength(4);
    const [reference] = await Promise.all([tierwave('fit', 'experiments/calibrate-article.json', '--waves', '2', ...SMALL, '--out', single, '--quiet'), finished(ids)]);
    console.log(`slurm: two-wave fit of 2 × 12 runs as 2 arrays of 2 tasks + merges, one process beside it: ${seconds(from)} s`);
    expect(reference.code, reference.stderr).toBe(0);

    for (const file of ['waves.csv', 'wave-1/runs.csv', 'wave-1/fit.csv', 'wave-2/runs.csv', 'wave-2/fit.csv']) {
      expect(readFileSync(join(fit, file), 'utf8'), file).toBe(readFileSync(join(single, file), 'utf8'));
    }
    // Wave 2 sampled a narrower box than wave 1, so the chain really planned it from wave 1's runs.
    const waves = readFileSync(join(fit, 'waves.csv'), 'utf8').trim().split('\n');
    expect(waves).toHaveLength(3);
    expect(waves[2].split(',"')[1]).not.toBe(waves[1].split(',"')[1]);
  });
});

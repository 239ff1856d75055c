// The Kubernetes job files without a Kubernetes (there is none here): each pod's command of the
// Indexed Job run as its container would run it — `sh -c` in the volume's folder, with the
// JOB_COMPLETION_INDEX the Job controller sets and the env the manifest gives — then the merge
// Job's command; the merged runs.csv must be the unsplit run's. Smaller worlds are appended to the
// pods' commands (--agents, --replicates), the only change.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, scratchDir, tierwave } from '../cli/tierwave.ts';

const SMALL = '--agents 1000 --replicates 1';

interface Container {
  workingDir: string;
  command: string[];
  args: string[];
  env?: { name: string; value: string }[];
}

interface Job {
  kind: string;
  spec: { completionMode?: string; completions?: number; parallelism?: number; template: { spec: { containers: Container[] } } };
}

const job = (file: string) => parse(readFileSync(join(ROOT, 'jobs/kubernetes', file), 'utf8')) as Job;

/** A container's command, as Kubernetes starts it: command + args (+ `extra` on the shell line). */
function runPod(container: Container, volume: string, env: Record<string, string>, extra = ''): Promise<{ code: number | null; stderr: string }> {
  const [program, ...flags] = container.command;
  const args = [...flags, `${container.args[0]} ${extra}`.trim()];
  const named = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: volume, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...named, ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

describe('jobs/kubernetes', () => {
  it("runs the Indexed Job's pods and the merge Job's command into the unsplit run's rows", async () => {
    const experiment = job('experiment-job.yaml');
    const merge = job('merge-job.yaml');
    expect([experiment.kind, experiment.spec.completionMode]).toEqual(['Job', 'Indexed']);
    const [container] = experiment.spec.template.spec.containers;
    const completions = experiment.spec.completions!;
    // Kubernetes does not tell a pod how many completions there are: the manifest must, the same.
    expect(container.env?.find((e) => e.name === 'TIERWAVE_SHARD_COUNT')?.value).toBe(String(completions));
    expect(merge.spec.template.spec.containers[0].workingDir).toBe(container.workingDir);

    // The claim's folder: the checkout, where runs/ is written.
    const volume = scratchDir('kubernetes-volume');
    for (const entry of ['bin', 'src', 'experiments', 'scenarios', 'node_modules', 'package.json']) symlinkSync(join(ROOT, entry), join(volume, entry));
    const [pods, reference] = await Promise.all([
      Promise.all(Array.from({ length: completions }, (_, index) => runPod(container, volume, { JOB_COMPLETION_INDEX: String(index) }, SMALL))),
      tierwave('experiment', 'experiments/promoter-sweep.json', ...SMALL.split(' '), '--out', join(volume, 'single'), '--quiet'),
    ]);
    for (const [index, pod] of pods.entries()) {
      expect(pod.code, pod.stderr).toBe(0);
      expect(pod.stderr).toContain(`tierwave: shard ${index + 1}/${completions} from the Kubernetes Indexed Job (JOB_COMPLETION_INDEX=${index}, TIERWAVE_SHARD_COUNT=${completions})`);
    }
    expect(reference.code, reference.stderr).toBe(0);
    const merged = await runPod(merge.spec.template.spec.containers[0], volume, {});
    expect(merged.code, merged.stderr).toBe(0);
    expect(readFileSync(join(volume, 'runs/sweep/merged/runs.csv'), 'utf8')).toBe(readFileSync(join(volume, 'single/runs.csv'), 'utf8'));
  });
});

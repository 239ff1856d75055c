// `--shard auto`: which shard this process is, read from the scheduler that started it — a Slurm
// job array (SLURM_ARRAY_TASK_ID and the array's bounds) or a Kubernetes Indexed Job
// (JOB_COMPLETION_INDEX, with the number of completions given on the command line or in
// TIERWAVE_SHARD_COUNT, because Kubernetes does not put it in the environment). Anything missing
// or contradictory is an error: a shard that silently ran the whole experiment, or the wrong
// part, would cost a cluster's worth of time and merge into nonsense. Pure: the environment comes in.
import type { Shard } from '../experiments/plan.ts';

/** Where Kubernetes users give the number of completions (the Job's spec.completions). */
export const SHARD_COUNT_VARIABLE = 'TIERWAVE_SHARD_COUNT';

export type Environment = Readonly<Record<string, string | undefined>>;

export interface ShardFromScheduler {
  readonly shard: Shard;
  /** Which scheduler and variables gave it, for the job's log. */
  readonly source: string;
}

/** The environment does not say which shard this is; a usage error (exit 2). */
export class ShardEnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardEnvironmentError';
  }
}

function whole(env: Environment, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text.trim())) throw new ShardEnvironmentError(`--shard auto: ${name} must be a whole number, got "${text}"`);
  return Number(text.trim());
}

function fromSlurm(env: Environment, given: number | undefined): ShardFromScheduler {
  const id = whole(env, 'SLURM_ARRAY_TASK_ID')!;
  const min = whole(env, 'SLURM_ARRAY_TASK_MIN');
  const max = whole(env, 'SLURM_ARRAY_TASK_MAX');
  const step = whole(env, 'SLURM_ARRAY_TASK_STEP') ?? 1;
  let count = whole(env, 'SLURM_ARRAY_TASK_COUNT');
  if (step < 1) throw new ShardEnvironmentError(`--shard auto: SLURM_ARRAY_TASK_STEP must be at least 1, got ${step}`);
  if ((min === undefined) !== (max === undefined)) {
    throw new ShardEnvironmentError(`--shard auto: SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_MAX come together; only ${min === undefined ? 'MAX' : 'MIN'} is set`);
  }
  if (count === undefined && min === undefined) {
    throw new ShardEnvironmentError('--shard auto: SLURM_ARRAY_TASK_ID is set but neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MIN/MAX: how many shards are there?');
  }
  const first = min ?? 0;
  if (min !== undefined && max !== undefined) {
    if (max < min) throw new ShardEnvironmentError(`--shard auto: SLURM_ARRAY_TASK_MAX ${max} is below SLURM_ARRAY_TASK_MIN ${min}`);
    const span = (max - min) / step + 1;
    // A list such as --array=1,3,7 has no even step: its tasks cannot be numbered 1..n.
    if (!Number.isInteger(span) || (count !== undefined && count !== span)) {
      throw new ShardEnvironmentError(
        `--shard auto: the Slurm array ${min}-${max}${step > 1 ? `:${step}` : ''} does not hold SLURM_ARRAY_TASK_COUNT=${count ?? '?'} evenly stepped tasks; submit a range such as --array=0-${(count ?? span) - 1}`,
      );
    }
    count = span;
  }
  const index = (id - first) / step + 1;
  if (!Number.isInteger(index) || index < 1 || index > count!) {
    throw new ShardEnvironmentError(`--shard auto: SLURM_ARRAY_TASK_ID=${id} is not a task of the array ${first}-${first + (count! - 1) * step}${step > 1 ? `:${step}` : ''}`);
  }
  if (given !== undefined && given !== count) {
    throw new ShardEnvironmentError(`--shard auto: --shard-count ${given} disagrees with the Slurm array's ${count} tasks`);
  }
  const job = env.SLURM_ARRAY_JOB_ID ? `job ${env.SLURM_ARRAY_JOB_ID}, ` : '';
  return { shard: { index, count: count! }, source: `Slurm job array (${job}SLURM_ARRAY_TASK_ID=${id} of ${first}-${first + (count! - 1) * step})` };
}

function fromKubernetes(env: Environment, given: number | undefined): ShardFromScheduler {
  const index = whole(env, 'JOB_COMPLETION_INDEX')!;
  const named = whole(env, SHARD_COUNT_VARIABLE);
  if (given !== undefined && named !== undefined && given !== named) {
    throw new ShardEnvironmentError(`--shard auto: --shard-count ${given} disagrees with ${SHARD_COUNT_VARIABLE}=${named}`);
  }
  const count = given ?? named;
  if (count === undefined) {
    throw new ShardEnvironmentError(
      `--shard auto: JOB_COMPLETION_INDEX is set but not how many completions the Indexed Job has; give --shard-count N or set ${SHARD_COUNT_VARIABLE} to the Job's spec.completions`,
    );
  }
  if (count < 1) throw new ShardEnvironmentError(`--shard auto: the number of shards must be at least 1, got ${count}`);
  if (index >= count) throw new ShardEnvironmentError(`--shard auto: JOB_COMPLETION_INDEX=${index} is not below the ${count} completions (indexes run 0 to ${count - 1})`);
  const countFrom = given !== undefined ? `--shard-count ${count}` : `${SHARD_COUNT_VARIABLE}=${count}`;
  return { shard: { index: index + 1, count }, source: `Kubernetes Indexed Job (JOB_COMPLETION_INDEX=${index}, ${countFrom})` };
}

/**
 * Shard i/n (counted from 1) of a Slurm array task or Kubernetes Indexed Job pod. `count` is
 * `--shard-count`, if given. Throws a ShardEnvironmentError saying what is missing or inconsistent.
 */
export function shardFromEnvironment(env: Environment, count?: number): ShardFromScheduler {
  const slurm = env.SLURM_ARRAY_TASK_ID !== undefined && env.SLURM_ARRAY_TASK_ID !== '';
  const kubernetes = env.JOB_COMPLETION_INDEX !== undefined && env.JOB_COMPLETION_INDEX !== '';
  if (slurm && kubernetes) throw new ShardEnvironmentError('--shard auto: both SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX are set; which scheduler started this? Give --shard i/n instead');
  if (slurm) return fromSlurm(env, count);
  if (kubernetes) return fromKubernetes(env, count);
  if (env.SLURM_JOB_ID) {
    throw new ShardEnvironmentError(`--shard auto: Slurm job ${env.SLURM_JOB_ID} is not a job array (no SLURM_ARRAY_TASK_ID); submit it with sbatch --array=0-<n-1>, or give --shard i/n`);
  }
  throw new ShardEnvironmentError(
    '--shard auto: no scheduler in the environment (neither SLURM_ARRAY_TASK_ID of a Slurm job array nor JOB_COMPLETION_INDEX of a Kubernetes Indexed Job); give --shard i/n to choose a shard by hand',
  );
}

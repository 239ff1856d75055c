// `--shard auto`: the shard read from a Slurm job array's or a Kubernetes Indexed Job's
// variables, as those schedulers set them, and an error for every environment that does not say.
import { describe, expect, it } from 'vitest';
import { shardFromEnvironment, ShardEnvironmentError } from '../../src/cli/shard-environment.ts';

/** What sbatch --array=MIN-MAX[:STEP] sets in task ID (Slurm 22.05 sets all of these). */
function slurmArray(min: number, max: number, id: number, step = 1) {
  const count = (max - min) / step + 1;
  return {
    SLURM_JOB_ID: String(100 + id),
    SLURM_ARRAY_JOB_ID: '100',
    SLURM_ARRAY_TASK_ID: String(id),
    SLURM_ARRAY_TASK_MIN: String(min),
    SLURM_ARRAY_TASK_MAX: String(max),
    SLURM_ARRAY_TASK_STEP: String(step),
    SLURM_ARRAY_TASK_COUNT: String(count),
  };
}

const refusal = (env: Record<string, string>, count?: number): string => {
  try {
    shardFromEnvironment(env, count);
  } catch (error) {
    expect(error).toBeInstanceOf(ShardEnvironmentError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('--shard auto in a Slurm job array', () => {
  it('numbers the tasks of --array=0-3 as shards 1/4 to 4/4 and says where it read them', () => {
    const shards = [0, 1, 2, 3].map((id) => shardFromEnvironment(slurmArray(0, 3, id)).shard);
    expect(shards).toEqual([1, 2, 3, 4].map((index) => ({ index, count: 4 })));
    expect(shardFromEnvironment(slurmArray(0, 3, 2)).source).toBe('Slurm job array (job 100, SLURM_ARRAY_TASK_ID=2 of 0-3)');
  });

  it('counts from the array minimum and by its step (--array=1-5 and --array=10-40:10)', () => {
    expect([1, 2, 3, 4, 5].map((id) => shardFromEnvironment(slurmArray(1, 5, id)).shard.index)).toEqual([1, 2, 3, 4, 5]);
    expect([10, 20, 30, 40].map((id) => shardFromEnvironment(slurmArray(10, 40, id, 10)).shard)).toEqual([1, 2, 3, 4].map((index) => ({ index, count: 4 })));
  });

  it('takes the count alone (tasks 0 to n-1) or the bounds alone', () => {
    expect(shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '3' }).shard).toEqual({ index: 3, count: 3 });
    expect(shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '6', SLURM_ARRAY_TASK_MAX: '8' }).shard).toEqual({ index: 2, count: 3 });
  });

  it('accepts --shard-count when it agrees with the array, and refuses it when it does not', () => {
    expect(shardFromEnvironment(slurmArray(0, 3, 1), 4).shard).toEqual({ index: 2, count: 4 });
    expect(refusal(slurmArray(0, 3, 1), 5)).toBe("--shard auto: --shard-count 5 disagrees with the Slurm array's 4 tasks");
  });

  it('refuses an array whose count does not match its bounds, such as the list --array=1,3,7', () => {
    const list = { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '7', SLURM_ARRAY_TASK_COUNT: '3' };
    expect(refusal(list)).toBe('--shard auto: the Slurm array 1-7 does not hold SLURM_ARRAY_TASK_COUNT=3 evenly stepped tasks; submit a range such as --array=0-2');
  });

  it('refuses a task id outside the array or off its step', () => {
    expect(refusal({ ...slurmArray(0, 3, 0), SLURM_ARRAY_TASK_ID: '4' })).toBe('--shard auto: SLURM_ARRAY_TASK_ID=4 is not a task of the array 0-3');
    expect(refusal({ ...slurmArray(10, 40, 10, 10), SLURM_ARRAY_TASK_ID: '15' })).toBe('--shard auto: SLURM_ARRAY_TASK_ID=15 is not a task of the array 10-40:10');
    expect(refusal({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '3' })).toBe('--shard auto: SLURM_ARRAY_TASK_ID=3 is not a task of the array 0-2');
  });

  it('refuses a task id with neither count nor bounds, half the bounds, or a value that is not a number', () => {
    expect(refusal({ SLURM_ARRAY_TASK_ID: '1' })).toMatch(/neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MIN\/MAX/);
    expect(refusal({ SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '0' })).toBe('--shard auto: SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_MAX come together; only MIN is set');
    expect(refusal({ ...slurmArray(0, 3, 1), SLURM_ARRAY_TASK_COUNT: 'four' })).toBe('--shard auto: SLURM_ARRAY_TASK_COUNT must be a whole number, got "four"');
  });

  it('refuses a Slurm job that is not an array', () => {
    expect(refusal({ SLURM_JOB_ID: '42' })).toMatch(/^--shard auto: Slurm job 42 is not a job array \(no SLURM_ARRAY_TASK_ID\); submit it with sbatch --array=0-<n-1>/);
  });
});

describe('--shard auto in a Kubernetes Indexed Job', () => {
  it('numbers JOB_COMPLETION_INDEX 0..n-1 as shards 1/n..n/n, the count from --shard-count or TIERWAVE_SHARD_COUNT', () => {
    expect([0, 1, 2].map((i) => shardFromEnvironment({ JOB_COMPLETION_INDEX: String(i) }, 3).shard)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
    const named = shardFromEnvironment({ JOB_COMPLETION_INDEX: '4', TIERWAVE_SHARD_COUNT: '8' });
    expect(named).toEqual({ shard: { index: 5, count: 8 }, source: 'Kubernetes Indexed Job (JOB_COMPLETION_INDEX=4, TIERWAVE_SHARD_COUNT=8)' });
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '0' }, 2).source).toBe('Kubernetes Indexed Job (JOB_COMPLETION_INDEX=0, --shard-count 2)');
  });

  it('refuses an index without a count, an index beyond it, and two counts that disagree', () => {
    expect(refusal({ JOB_COMPLETION_INDEX: '1' })).toMatch(/JOB_COMPLETION_INDEX is set but not how many completions .* give --shard-count N or set TIERWAVE_SHARD_COUNT/);
    expect(refusal({ JOB_COMPLETION_INDEX: '3' }, 3)).toBe('--shard auto: JOB_COMPLETION_INDEX=3 is not below the 3 completions (indexes run 0 to 2)');
    expect(refusal({ JOB_COMPLETION_INDEX: '1', TIERWAVE_SHARD_COUNT: '4' }, 3)).toBe('--shard auto: --shard-count 3 disagrees with TIERWAVE_SHARD_COUNT=4');
  });
});

describe('--shard auto elsewhere', () => {
  it('refuses an environment with no scheduler, or with both', () => {
    expect(refusal({ HOME: '/root' })).toMatch(/^--shard auto: no scheduler in the environment/);
    expect(refusal({ ...slurmArray(0, 1, 0), JOB_COMPLETION_INDEX: '0' }, 2)).toMatch(/both SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX are set/);
  });
});

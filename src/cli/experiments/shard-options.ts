// `--shard i/n|auto` and `--shard-count n` for the commands that split their runs (experiment,
// fit; sensitivity can add them the same way): the options, and the shard they name — typed, or
// read from the scheduler's environment and said on stderr. An environment that does not say is
// a usage error (exit 2), never a run of everything.
import { InvalidArgumentError, type Command } from 'commander';
import { parseShard, type Shard } from '../../experiments/plan.ts';
import { parseCount } from '../options.ts';
import type { CommandIo } from '../run-command.ts';
import { shardFromEnvironment, ShardEnvironmentError, SHARD_COUNT_VARIABLE, type Environment } from '../shard-environment.ts';

export interface ShardOptionValues {
  readonly shard?: Shard | 'auto';
  readonly shardCount?: number;
}

function parseShardOption(raw: string): Shard | 'auto' {
  if (raw.trim() === 'auto') return 'auto';
  try {
    return parseShard(raw);
  } catch (error) {
    throw new InvalidArgumentError(`${(error as Error).message}, or auto`);
  }
}

function parseShardCount(raw: string): number {
  const n = parseCount(raw);
  if (n < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, got ${raw}`);
  return n;
}

/** Adds the two options; `prefix` says when they apply (`with --wave: `). */
export function shardOptions(command: Command, prefix = ''): Command {
  return command
    .option('--shard <i/n|auto>', `${prefix}run only shard i of n (counted from 1), or auto: from a Slurm job array or a Kubernetes Indexed Job; combine the folders with \`tierwave merge\``, parseShardOption)
    .option('--shard-count <n>', `with --shard auto in a Kubernetes Indexed Job: its number of completions (or set ${SHARD_COUNT_VARIABLE})`, parseShardCount);
}

/** The shard the options name, or undefined for the whole; `command.error` (exit 2) otherwise. */
export function resolveShard(command: Command, options: ShardOptionValues, io: CommandIo, env: Environment = process.env): Shard | undefined {
  if (options.shardCount !== undefined && options.shard !== 'auto') command.error('error: --shard-count goes with --shard auto', { exitCode: 2 });
  if (options.shard !== 'auto') return options.shard;
  try {
    const { shard, source } = shardFromEnvironment(env, options.shardCount);
    io.stderr.write(`tierwave: shard ${shard.index}/${shard.count} from the ${source}\n`);
    return shard;
  } catch (error) {
    if (error instanceof ShardEnvironmentError) command.error(`error: ${error.message}`, { exitCode: 2 });
    throw error;
  }
}

// `compare`, `experiment`, `fit`, `sensitivity` and `merge` on the tierwave command line. Exit codes as for `run`: 0
// success, 1 invalid input (experiment or scenario files, --set, --out), 2 usage error, 128 +
// signal when interrupted (finished runs are kept and the same command resumes).
import { InvalidArgumentError, type Command } from 'commander';
import { collect, parseCount, parseSeed, parseWorkers } from '../options.ts';
import type { CommandIo } from '../run-command.ts';
import { defaultWorkers, memoryLimitBytes, spawnNodeWorker } from '../../runtime/node.ts';
import { compareCommand } from './compare-command.ts';
import type { ExperimentMachine } from './execute-design.ts';
import { experimentCommand, type ExperimentOptionValues, type SharedOptionValues } from './experiment-command.ts';
import { mergeCommand } from './merge-command.ts';
import { fitCommand, type FitOptionValues } from './fit-command.ts';
import { resolveShard, shardOptions, type ShardOptionValues } from './shard-options.ts';
import { sensitivityCommand } from './sensitivity-command.ts';
import { parseAlignments } from '../../experiments/comparable.ts';

/** Worker threads and most of this machine's memory. */
export const nodeExperimentMachine: ExperimentMachine = { spawn: spawnNodeWorker, defaultWorkers, memoryLimitBytes };

const processIo: CommandIo = { stdout: process.stdout, stderr: process.stderr };

const COMPARE_EXAMPLES = `
Examples:
  tierwave compare scenarios/jd-tencent-2014.json scenarios/no-rural-promoters.json --replicates 20 --agents 50000
  tierwave compare base.json a.json b.json --out runs/compare-ab   # keeps runs.csv, stats.csv, diff.csv; resumable
  tierwave compare scenarios/jd-tencent-2014.json --lever rural-promoters=0   # the baseline with a lever pulled`;

const FIT_EXAMPLES = `
Examples:
  tierwave fit experiments/fit.json                 # three waves into runs/fit-<name>/wave-1..3
  tierwave fit experiments/fit.json --waves 5 --out runs/fit   # a stopped fit resumes
  tierwave fit experiments/fit.json --out runs/fit --wave 2 --shard auto   # a Slurm array task: one shard of wave 2
  tierwave merge runs/fit/wave-2-shard* --out runs/fit/wave-2            # then wave 3 can be planned`;

const SENSITIVITY_EXAMPLES = `
Examples:
  tierwave sensitivity experiments/which-lever.json           # runs/sensitivity-which-lever/sensitivity.csv, .svg
  tierwave sensitivity experiments/which-lever.json --shard 1/2 --out runs/lever-1   # then: tierwave merge runs/lever-1 runs/lever-2 --out runs/lever`;

const EXPERIMENT_EXAMPLES = `
Examples:
  tierwave experiment experiments/rural-promoters.json
  tierwave experiment experiments/sweep.json --shard 2/4 --out runs/sweep-2   # one of four machines
  tierwave experiment experiments/sweep.json --shard auto --out runs/sweep/shard-$SLURM_ARRAY_TASK_ID   # a Slurm array task (jobs/slurm)
  tierwave merge runs/sweep-1 runs/sweep-2 runs/sweep-3 runs/sweep-4 --out runs/sweep`;

function parseReplicates(raw: string): number {
  const n = parseCount(raw);
  if (n < 1 || n > 100000) throw new InvalidArgumentError(`expected a whole number in [1, 100000], got ${raw}`);
  return n;
}

function parseWaves(raw: string): number {
  const n = parseCount(raw);
  if (n < 1 || n > 100) throw new InvalidArgumentError(`expected a whole number in [1, 100], got ${raw}`);
  return n;
}

function parseAlignOption(raw: string) {
  try {
    return parseAlignments(raw);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** The command as typed, for manifest.json: `tierwave experiment x.json --shard 1/2`. */
function typedCommand(command: Command): string {
  let root = command;
  while (root.parent) root = root.parent;
  // Commander keeps the argument list it parsed but leaves `rawArgs` out of its typings.
  const args = (root as unknown as { rawArgs: string[] }).rawArgs ?? [];
  const from = args.indexOf(command.name());
  const words = from >= 0 ? args.slice(from) : [command.name(), ...command.args];
  return ['tierwave', ...words.map((w: string) => (/^[\w./:=@%+,[\]-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`))].join(' ');
}

const REPORT_OPTION = ['--report <file.html>', 'also write one self-contained HTML report: findings, tables, charts, the manifest and the command'] as const;

function sharedOptions(command: Command, defaults: { out: string; replicates: string }): Command {
  return command
    .option('--replicates <n>', `runs per scenario, one seed each, shared across scenarios (default: ${defaults.replicates})`, parseReplicates)
    .option('--seed <n>', "master seed the replicate seeds derive from (default: the baseline scenario's seed)", parseSeed)
    .option('--agents <n>', 'agents in every run (shorthand for --set population.agents=N)', parseCount)
    .option('--days <n>', 'days after day 0 in every run (shorthand for --set days=N)', parseCount)
    .option('--set <path=value>', 'override a field of every scenario, e.g. tiers[3].offlinePerDay=0.002 (repeatable)', collect)
    .option('--lever <id=value>', "pull one of the scenarios' levers, e.g. rural-promoters=0 (repeatable): in every run, or in compare as a variant of the baseline", collect)
    .option('--align <what>', 'compare worlds that differ in calendar (dates: only the dates inside every run) or tiers (tiers: only the tiers they share); comma-separated; refused otherwise', parseAlignOption)
    .option('--workers <n>', `worker threads; one run per thread at a time (default: ${defaultWorkers()})`, parseWorkers)
    .option('--out <dir>', defaults.out)
    .option('--quiet', 'no progress bar and no table on stdout');
}

interface ExperimentFileCommand {
  readonly name: string;
  readonly description: string;
  readonly argument: string;
  readonly out: string;
  readonly examples: string;
  /** Takes --report. */
  readonly report: boolean;
  readonly run: (file: string, options: ExperimentOptionValues, io: CommandIo, machine: ExperimentMachine, command: string) => Promise<unknown>;
}

/** A command that runs one experiment file into a folder, resumable and shardable (`experiment`, `sensitivity`). */
function experimentFileCommand(program: Command, io: CommandIo, machine: ExperimentMachine, spec: ExperimentFileCommand): void {
  const command = sharedOptions(shardOptions(program.command(spec.name).description(spec.description).argument('<experiment>', spec.argument)), { out: spec.out, replicates: "the file's" });
  if (spec.report) command.option(...REPORT_OPTION);
  command.addHelpText('after', spec.examples).action(async function (this: Command, file: string, options: Omit<ExperimentOptionValues, 'shard'> & ShardOptionValues) {
    const shard = resolveShard(this, options, io);
    await spec.run(file, { ...options, shard }, io, machine, typedCommand(this));
  });
}

/** Adds `compare`, `experiment`, `fit`, `sensitivity` and `merge` to a tierwave program. */
export function registerExperimentCommands(program: Command, io: CommandIo = processIo, machine: ExperimentMachine = nodeExperimentMachine): void {
  sharedOptions(
    program
      .command('compare')
      .description('replicate a baseline and variant scenarios with shared seeds; print per tier the difference in customers on 2015-11-11 with its 90 % interval')
      .argument('<baseline>', 'baseline scenario JSON file')
      .argument('[variants...]', 'variant scenario JSON files (none: the variant is the baseline with the --lever settings)'),
    { out: 'keep runs.csv, stats.csv, diff.csv and manifest.json in this folder (resumable)', replicates: '10' },
  )
    .option(...REPORT_OPTION)
    .addHelpText('after', COMPARE_EXAMPLES)
    .action(async function (this: Command, baseline: string, variants: string[], options: SharedOptionValues) {
      await compareCommand(baseline, variants, { replicates: 10, ...options }, io, machine, typedCommand(this));
    });

  experimentFileCommand(program, io, machine, {
    name: 'experiment',
    description: 'run an experiment file (variants, replicates, sweeps) run by run into a folder; a stopped experiment resumes',
    argument: 'experiment JSON file (see experiments/schema.json)',
    out: 'output folder (default: runs/experiment-<name>[-shard<i>of<n>])',
    examples: EXPERIMENT_EXAMPLES,
    report: true,
    run: experimentCommand,
  });

  sharedOptions(
    shardOptions(
      program
        .command('fit')
        .description("calibrate: sample an experiment's Latin-hypercube sweep in waves, each narrowed to the points whose runs miss no target by more than 3 sd (history matching)")
        .argument('<experiment>', 'experiment JSON file with a latin-hypercube sweep and targets')
        .option('--waves <n>', 'waves of sampling (default: 3)', parseWaves)
        .option('--wave <k>', 'run only wave k, planned from the finished waves before it in --out (on a cluster: one array job per wave)', parseWaves),
      'with --wave: ',
    ),
    { out: 'output folder (default: runs/fit-<name>), one experiment folder per wave', replicates: "the file's" },
  )
    .option(...REPORT_OPTION)
    .addHelpText('after', FIT_EXAMPLES)
    .action(async function (this: Command, file: string, options: Omit<FitOptionValues, 'shard'> & ShardOptionValues) {
      if (options.wave !== undefined && options.waves !== undefined) this.error('error: --wave k runs one wave; --waves n runs them all: give one of them', { exitCode: 2 });
      if (options.shard !== undefined && options.wave === undefined) this.error('error: --shard goes with --wave k: each wave is planned from the merged wave before it', { exitCode: 2 });
      const shard = resolveShard(this, options, io);
      await fitCommand(file, { ...options, shard }, io, machine, typedCommand(this));
    });

  experimentFileCommand(program, io, machine, {
    name: 'sensitivity',
    description: 'global sensitivity analysis: which swept parameters matter for the outputs (Morris screening or Sobol indices, with bootstrap intervals); a stopped analysis resumes',
    argument: 'experiment JSON file with a "morris" or "sobol" sweep and `outputs`',
    out: 'output folder (default: runs/sensitivity-<name>[-shard<i>of<n>])',
    examples: SENSITIVITY_EXAMPLES,
    report: false,
    run: sensitivityCommand,
  });

  program
    .command('merge')
    .description('combine the shard folders of one experiment into the folder the unsplit experiment would have written')
    .argument('<dirs...>', 'shard folders')
    .requiredOption('--out <dir>', 'merged folder')
    .action(async function (this: Command, dirs: string[], options: { out: string }) {
      await mergeCommand(dirs, options.out, io, typedCommand(this));
    });
}

// The `tierwave` command line. Exit codes: 0 success, 1 invalid input (scenario, --set, --out,
// a world too large), 2 usage error (unknown option or command, missing or malformed argument),
// 128 + signal when interrupted. The run function comes in as a parameter so tests can drive the
// same commands over worker threads or in-thread.
import { Command, CommanderError } from 'commander';
import { ScenarioError } from '../scenario/issues.ts';
import { WorldTooLargeError } from '../engine/memory-estimate.ts';
import { defaultWorkers, memoryLimitBytes, runScenario } from '../runtime/node.ts';
import { InputError, Interrupted } from './errors.ts';
import { collect, parseCount, parseSeed, parseWorkers, type RunOptionValues } from './options.ts';
import { runCommand, type CommandIo, type RunMachine } from './run-command.ts';
import { readTool } from './tool.ts';
import { validateCommand } from './validate-command.ts';
import { registerExperimentCommands } from './experiments/commands.ts';
import { networkCommand } from './network-command.ts';

const RUN_EXAMPLES = `
Examples:
  tierwave run scenarios/jd-tencent-2014.json --agents 20000 --days 60 --seed 7
  tierwave run scenarios/jd-tencent-2014.json --set 'tiers[3].offlinePerDay=0.002' --out runs/rural
  tierwave run runs/rural/scenario.resolved.json   # reproduces runs/rural/daily.csv exactly`;

function program(io: CommandIo, machine: RunMachine, setExitCode: (code: number) => void): Command {
  const cli = new Command('tierwave');
  // Before any subcommand is added: subcommands copy these settings when created.
  cli
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(add --help for usage)')
    .description('Agent-based simulation of social commerce spreading across China’s city tiers')
    .version(readTool().version, '-V, --version', 'print the version');

  cli
    .command('run')
    .description('run a scenario and write daily.csv, summary.json and scenario.resolved.json into a run folder')
    .argument('<scenario>', 'scenario JSON file')
    .option('--seed <n>', "random seed (default: the scenario's seed)", parseSeed)
    .option('--agents <n>', 'number of agents (shorthand for --set population.agents=N)', parseCount)
    .option('--days <n>', 'days after day 0 (shorthand for --set days=N)', parseCount)
    .option('--workers <n>', `worker threads; results are identical for any number (default: ${machine.defaultWorkers()})`, parseWorkers)
    .option('--set <path=value>', 'override a scenario field, e.g. tiers[3].offlinePerDay=0.002 (repeatable; validated like the file)', collect)
    .option('--lever <id=value>', "pull one of the scenario's levers, e.g. rural-promoters=0 (repeatable; see the scenario's \"levers\")", collect)
    .option('--out <dir>', 'run folder (default: runs/<scenario-name>-seed<N>)')
    .option('--quiet', 'no progress bar and no summary on stdout')
    .option('--cascades', 'also write cascades.csv: every first purchase with the friend whose share converted it')
    .addHelpText('after', RUN_EXAMPLES)
    .action(async (file: string, options: RunOptionValues) => {
      await runCommand(file, options, io, machine);
    });

  cli
    .command('network')
    .description("build a scenario's network (no simulation) and print its realised degrees, clustering, tier mixing and groups beside what the file asked")
    .argument('<scenario>', 'scenario JSON file')
    .option('--seed <n>', "random seed (default: the scenario's seed)", parseSeed)
    .option('--agents <n>', 'number of agents (shorthand for --set population.agents=N)', parseCount)
    .option('--set <path=value>', 'override a scenario field (repeatable; validated like the file)', collect)
    .action(async (file: string, options: RunOptionValues) => {
      await networkCommand(file, options, io, machine);
    });

  cli
    .command('validate')
    .description('check scenario files; prints "ok <file>" for each valid one and every error of the others')
    .argument('<files...>', 'scenario JSON files')
    .action((files: string[]) => {
      if (!validateCommand(files, io)) setExitCode(1);
    });
  registerExperimentCommands(cli, io);
  return cli;
}

/** Runs the command line `argv` (the arguments after the program name) and returns the exit code. */
export async function main(argv: readonly string[], io: CommandIo, machine: RunMachine): Promise<number> {
  let exitCode = 0;
  try {
    await program(io, machine, (code) => (exitCode = code)).parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    // Commander has already printed its message (or the help, or the version).
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof ScenarioError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (error instanceof WorldTooLargeError || error instanceof InputError) {
      io.stderr.write(`tierwave: ${error.message}\n`);
      return 1;
    }
    if (error instanceof Interrupted) {
      io.stderr.write(`tierwave: ${error.message}; ${error.kept}\n`);
      return error.exitCode;
    }
    io.stderr.write(`tierwave: the run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

/** Worker threads, and most of this machine's memory. */
export const nodeMachine: RunMachine = { run: runScenario, defaultWorkers, memoryLimitBytes };

/**
 * Resolves once everything written to `stream` so far has been handed to the system. On a pipe
 * Node writes asynchronously, and exiting earlier cut stderr at 64–128 KiB when the reader lagged.
 * An empty write's callback comes after every earlier write's; a closed reader (EPIPE) ends the wait.
 */
function flushed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    stream.once('error', () => resolve());
    stream.write('', () => resolve());
  });
}

/** The process entry (bin/tierwave.mjs). Exits explicitly, once the output is out: an interrupted run may leave workers. */
export async function cli(): Promise<never> {
  const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }, nodeMachine);
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

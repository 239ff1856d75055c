// A stand-in `tierwave` with only the experiment commands, so tests can start them as a separate
// process (and kill it) before they are wired into src/cli/main.ts. Errors map to exit codes as
// main.ts maps them.
import { Command, CommanderError } from 'commander';
import { ScenarioError } from '../../../src/scenario/issues.ts';
import { InputError, Interrupted } from '../../../src/cli/errors.ts';
import { registerExperimentCommands } from '../../../src/cli/experiments/commands.ts';

const program = new Command('tierwave').exitOverride();
registerExperimentCommands(program);
let code = 0;
try {
  await program.parseAsync(process.argv.slice(2), { from: 'user' });
} catch (error) {
  if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 2;
  else if (error instanceof Interrupted) code = error.exitCode;
  else {
    process.stderr.write(`${error instanceof ScenarioError || error instanceof InputError ? (error as Error).message : String((error as Error).stack)}\n`);
    code = 1;
  }
}
process.exit(code);

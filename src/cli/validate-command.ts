// `tierwave validate`: every file is checked and every problem printed, so one pass fixes them all.
import { ScenarioError } from '../scenario/issues.ts';
import { loadScenarioFile } from '../scenario/node.ts';
import type { CommandIo } from './run-command.ts';

/** Returns whether every file is a valid scenario; prints `ok <file>` or the file's errors. */
export function validateCommand(files: readonly string[], io: CommandIo): boolean {
  let valid = true;
  for (const file of files) {
    try {
      loadScenarioFile(file);
      io.stdout.write(`ok ${file}\n`);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      io.stderr.write(`${error.message}\n`);
      valid = false;
    }
  }
  return valid;
}

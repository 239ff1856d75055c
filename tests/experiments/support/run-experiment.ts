// Runs experiment commands in this process, over real worker threads, with output captured.
import type { CommandIo } from '../../../src/cli/run-command.ts';
import { nodeExperimentMachine } from '../../../src/cli/experiments/commands.ts';
import { experimentCommand, type ExperimentOptionValues } from '../../../src/cli/experiments/experiment-command.ts';

export const FIXTURES = 'tests/experiments/fixtures';

export function capturingIo(): CommandIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => ((err += text), true), isTTY: false } as unknown as CommandIo['stderr'],
    out: () => out,
    err: () => err,
  };
}

export async function runExperiment(file: string, options: ExperimentOptionValues, signal?: AbortSignal): Promise<string> {
  const io = capturingIo();
  await experimentCommand(file, { quiet: true, ...options }, io, nodeExperimentMachine, `tierwave experiment ${file}`, signal);
  return io.out();
}

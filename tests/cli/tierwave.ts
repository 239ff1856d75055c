// Runs the real `tierwave` command as a child process, the way a person or a script would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'tierwave.mjs');
/** Relative to ROOT, the directory the command runs in, as messages print it. */
export const SMALL_WORLD = 'tests/cli/fixtures/small-world.json';

export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Started {
  readonly child: ChildProcess;
  readonly finished: Promise<Finished>;
}

/** `env` replaces this process's environment when given (a scheduler's variables, say). */
export function start(args: readonly string[], cwd = ROOT, env: NodeJS.ProcessEnv = process.env): Started {
  // NO_COLOR keeps commander's messages plain whatever the test runner's environment says.
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const finished = new Promise<Finished>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, finished };
}

export function tierwave(...args: string[]): Promise<Finished> {
  return start(args).finished;
}

// Vitest isolates each test file's modules, so this list and its cleanup hook are per file.
const scratchDirs: string[] = [];
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh empty folder under the system temp folder, removed after the test file. */
export function scratchDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `tierwave-${label}-`));
  scratchDirs.push(dir);
  return dir;
}

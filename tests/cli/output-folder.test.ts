// Output folders are checked before any work: a path under a file (ENOTDIR), a read-only place,
// a run folder holding a user's own files. And stderr reaches a slow pipe complete.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main, nodeMachine } from '../../src/cli/main.ts';
import { assertWritableFolder } from '../../src/cli/output-folder.ts';
import type { RunMachine } from '../../src/cli/run-command.ts';
import { assertReplaceable } from '../../src/cli/pending-run-folder.ts';
import { BIN, ROOT, SMALL_WORLD, scratchDir } from './tierwave.ts';

/** A machine that records whether a run was started: a refusal must come before. */
function recordingMachine(): RunMachine & { runs: number } {
  const machine = {
    ...nodeMachine,
    runs: 0,
    run: ((...args: Parameters<RunMachine['run']>) => {
      machine.runs++;
      return nodeMachine.run(...args);
    }) as RunMachine['run'],
  };
  return machine;
}

function capture(): { io: Parameters<typeof main>[1]; err: () => string } {
  let err = '';
  const stream = (onText: (text: string) => void) => ({ write: (text: string) => (onText(text), true), isTTY: false }) as unknown as NodeJS.WriteStream;
  return { io: { stdout: stream(() => undefined), stderr: stream((text) => (err += text)) }, err: () => err };
}

/** A read-only folder this process cannot write even as root: a read-only tmpfs mount, or (not root) chmod 555. */
function readOnlyFolder(dir: string): string | undefined {
  const folder = join(dir, 'read-only');
  mkdirSync(folder);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', folder], { stdio: 'ignore' });
    mounted.push(folder);
    return folder;
  } catch {
    if (process.getuid?.() === 0) return undefined; // root writes through chmod: no honest read-only folder here
    execFileSync('chmod', ['555', folder]);
    return folder;
  }
}
const mounted: string[] = [];
afterAll(() => {
  for (const folder of mounted) execFileSync('umount', [folder]);
});

describe('output folders', () => {
  const dir = scratchDir('output-folder');
  const file = join(dir, 'a-file');
  writeFileSync(file, 'not a folder');

  it('refuses a run whose --out lies under a regular file before running, without a stack trace', async () => {
    const machine = recordingMachine();
    const { io, err } = capture();
    const out = join(file, 'run');
    expect(await main(['run', join(ROOT, SMALL_WORLD), '--out', out, '--quiet'], io, machine)).toBe(1);
    expect(machine.runs).toBe(0);
    expect(err()).toBe(`tierwave: ${out}: ${file} is a file, so no folder can be made under it; choose another --out\n`);
  });

  it('refuses an experiment and a merge whose --out lies under a regular file, before running or reading', async () => {
    const { io, err } = capture();
    const out = join(file, 'deeper', 'experiment');
    expect(await main(['experiment', join(ROOT, 'tests/experiments/fixtures/experiment.json'), '--out', out, '--quiet'], io, nodeMachine)).toBe(1);
    expect(await main(['merge', join(dir, 'no-such-shard'), '--out', out], io, nodeMachine)).toBe(1);
    const message = `tierwave: ${out}: ${file} is a file, so no folder can be made under it; choose another --out\n`;
    // The merge names the --out, not the missing shard: the output is checked first.
    expect(err()).toBe(message + message);
  });

  const readOnly = readOnlyFolder(dir);
  it.skipIf(readOnly === undefined)('refuses a read-only --out before the run', async () => {
    const machine = recordingMachine();
    const { io, err } = capture();
    const out = join(readOnly!, 'run');
    expect(await main(['run', join(ROOT, SMALL_WORLD), '--out', out, '--quiet'], io, machine)).toBe(1);
    expect(machine.runs).toBe(0);
    expect(err()).toMatch(new RegExp(`^tierwave: ${out}: cannot write in ${readOnly} \\((a read-only file system|permission denied)\\); choose another --out\\n$`));
    expect(() => assertWritableFolder(readOnly!)).toThrow(/cannot write in/);
  });

  it('replaces a run folder only when it holds nothing but a run’s files', () => {
    const run = join(dir, 'earlier-run');
    mkdirSync(run);
    writeFileSync(join(run, 'summary.json'), JSON.stringify({ tool: { name: 'tierwave' } }));
    writeFileSync(join(run, 'daily.csv'), 'day\n');
    expect(() => assertReplaceable(run)).not.toThrow();
    writeFileSync(join(run, 'my-notes.txt'), 'keep me');
    expect(() => assertReplaceable(run)).toThrow(`${run}: holds files a run does not write ("my-notes.txt"); replacing the folder would delete them: move them or choose another --out`);
    expect(readFileSync(join(run, 'my-notes.txt'), 'utf8')).toBe('keep me');
    expect(readdirSync(dir).filter((name) => name.startsWith('.tierwave-probe'))).toEqual([]);
  });
});

describe('stderr on a pipe', () => {
  it('arrives complete when the reader is slow, far past 64 KiB', async () => {
    const dir = scratchDir('stderr-pipe');
    const keys = 1500;
    const file = join(dir, 'many.json');
    const body = Object.fromEntries(Array.from({ length: keys }, (_, k) => [`zzunknown${k}`, 1]));
    writeFileSync(file, JSON.stringify({ extends: join(ROOT, 'scenarios/jd-tencent-2014.json'), ...body }, null, 1));
    const child = spawn(process.execPath, [BIN, 'validate', file], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    // Read nothing for two seconds: the pipe fills and the command must wait for it, not exit.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.resume();
    const code = await new Promise((resolve) => child.once('close', resolve));
    expect(code).toBe(1);
    expect(Buffer.byteLength(stderr)).toBeGreaterThan(128 * 1024);
    // One line per unknown key, each at its own line of the file (key k is on line k + 3).
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(keys);
    expect(lines.map((line) => /:(\d+):\d+ zzunknown(\d+):/.exec(line)!.slice(1).map(Number)).every(([line, k]) => line === k + 3)).toBe(true);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PendingRunFolder } from '../../src/cli/pending-run-folder.ts';
import { SMALL_WORLD, scratchDir, start, tierwave } from './tierwave.ts';

/** A world whose setup takes about a second and whose days run for much longer than the test waits. */
const LONG_RUN = ['run', SMALL_WORLD, '--agents', '1000000', '--days', '20000', '--quiet'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once the process has spent `seconds` of CPU time (all its threads: utime + stime in
 * /proc/PID/stat, in the kernel's 100 ticks a second). Measured in work done rather than time
 * waited, a loaded machine cannot make the signal arrive before the command got that far.
 */
async function untilCpuSeconds(pid: number, seconds: number): Promise<void> {
  for (;;) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    // After the command name: state is field 3, utime 14 and stime 15 (numbered from 1).
    if ((Number(fields[11]) + Number(fields[12])) / 100 >= seconds) return;
    await sleep(20);
  }
}

/**
 * Starts a long run, lets it work `cpuSeconds` (starting Node and checking the scenario take about
 * about 1.1 s, building the 10⁶-agent world about two more), and sends `signal`.
 */
async function interrupt(out: string, signal: NodeJS.Signals, cpuSeconds: number) {
  const run = start([...LONG_RUN, '--out', out]);
  await untilCpuSeconds(run.child.pid!, cpuSeconds);
  const sent = performance.now();
  run.child.kill(signal);
  return { ...(await run.finished), stoppedAfterMs: performance.now() - sent };
}

describe('run folders', () => {
  it('leaves neither DIR nor a temporary folder when a run is interrupted with SIGINT mid-run', async () => {
    const scratch = scratchDir('sigint');
    const out = join(scratch, 'run');
    const result = await interrupt(out, 'SIGINT', 6);
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('tierwave: interrupted by SIGINT; nothing was written\n');
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('stops promptly on SIGTERM, even while the world is being built, writing nothing', async () => {
    const scratch = scratchDir('sigterm');
    const out = join(scratch, 'run');
    const result = await interrupt(out, 'SIGTERM', 2);
    expect(result.code).toBe(143);
    expect(result.stoppedAfterMs).toBeLessThan(4000);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('keeps an earlier run at DIR untouched when the run replacing it is interrupted', async () => {
    const scratch = scratchDir('keep');
    const out = join(scratch, 'run');
    expect((await tierwave('run', SMALL_WORLD, '--days', '3', '--out', out, '--quiet')).code).toBe(0);
    const before = readFileSync(join(out, 'daily.csv'), 'utf8');
    const result = await interrupt(out, 'SIGINT', 6);
    expect(result.code).toBe(130);
    expect(readdirSync(scratch)).toEqual(['run']);
    expect(readFileSync(join(out, 'daily.csv'), 'utf8')).toBe(before);
  });

  it('replaces an earlier run at DIR once the new run is complete', async () => {
    const scratch = scratchDir('replace');
    const out = join(scratch, 'run');
    await tierwave('run', SMALL_WORLD, '--days', '3', '--out', out, '--quiet');
    expect((await tierwave('run', SMALL_WORLD, '--days', '5', '--out', out, '--quiet')).code).toBe(0);
    expect(readdirSync(scratch)).toEqual(['run']);
    expect(readFileSync(join(out, 'daily.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 6 * 5);
  });

  it('writes into DIR.tmp-<pid> and shows nothing at DIR until commit', () => {
    const scratch = scratchDir('pending');
    const out = join(scratch, 'nested', 'run');
    const folder = new PendingRunFolder(out).open();
    folder.write('daily.csv', 'day\n');
    expect(folder.temp).toBe(`${out}.tmp-${process.pid}`);
    expect(existsSync(out)).toBe(false);
    folder.commit();
    folder.discard();
    expect(readdirSync(join(scratch, 'nested'))).toEqual(['run']);
    expect(readFileSync(join(out, 'daily.csv'), 'utf8')).toBe('day\n');
  });

  it('removes the temporary folder when discarded before commit', () => {
    const scratch = scratchDir('discard');
    const folder = new PendingRunFolder(join(scratch, 'run')).open();
    folder.write('daily.csv', 'day\n');
    folder.discard();
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('refuses to replace a folder holding other files', () => {
    const scratch = scratchDir('foreign');
    mkdirSync(join(scratch, 'notes'));
    writeFileSync(join(scratch, 'notes', 'todo.txt'), 'keep me');
    expect(() => new PendingRunFolder(join(scratch, 'notes')).open()).toThrow(/is not a tierwave run folder/);
    expect(readdirSync(join(scratch, 'notes'))).toEqual(['todo.txt']);
  });
});

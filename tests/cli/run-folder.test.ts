import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PendingRunFolder } from '../../src/cli/pending-run-folder.ts';
import { SMALL_WORLD, scratchDir, start, tierwave } from './tierwave.ts';

/** A world whose setup takes about a second and whose days run for much longer than the test waits. */
const LONG_RUN = ['run', SMALL_WORLD, '--agents', '1000000', '--days', '20000', '--quiet'];

async function interrupt(out: string, signal: NodeJS.Signals, afterMs: number) {
  const run = start([...LONG_RUN, '--out', out]);
  await new Promise((resolve) => setTimeout(resolve, afterMs));
  run.child.kill(signal);
  return run.finished;
}

describe('run folders', () => {
  it('leaves neither DIR nor a temporary folder when a run is interrupted with SIGINT mid-run', async () => {
    const scratch = scratchDir('sigint');
    const out = join(scratch, 'run');
    const result = await interrupt(out, 'SIGINT', 5000);
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('tierwave: interrupted by SIGINT; nothing was written\n');
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('stops promptly on SIGTERM, even while the world is being built, writing nothing', async () => {
    const scratch = scratchDir('sigterm');
    const out = join(scratch, 'run');
    const sent = performance.now();
    const result = await interrupt(out, 'SIGTERM', 2500);
    expect(result.code).toBe(143);
    expect(performance.now() - sent).toBeLessThan(4000);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('keeps an earlier run at DIR untouched when the run replacing it is interrupted', async () => {
    const scratch = scratchDir('keep');
    const out = join(scratch, 'run');
    expect((await tierwave('run', SMALL_WORLD, '--days', '3', '--out', out, '--quiet')).code).toBe(0);
    const before = readFileSync(join(out, 'daily.csv'), 'utf8');
    const result = await interrupt(out, 'SIGINT', 4000);
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

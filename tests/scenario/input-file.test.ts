// The one door input files come through: what is not a regular file is refused before a byte is
// read (so /dev/zero cannot fill memory and a FIFO cannot block), sizes are capped, and text is
// strict UTF-8 with a byte-order mark accepted.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputFileError } from '../../src/scenario/input-text.ts';
import { ScenarioError } from '../../src/scenario/issues.ts';
import { loadImportedNetwork, loadScenarioFile, readInputFile } from '../../src/scenario/node.ts';
import { EdgeListError } from '../../src/scenario/edge-list.ts';
import { importLimit } from '../../src/engine/memory-estimate.ts';
import { ROOT, scratchDir } from '../cli/tierwave.ts';

const SCENARIO = join(ROOT, 'scenarios/jd-tencent-2014.json');

/** The error `read` throws, and how long it took to throw it. */
function refusal(read: () => unknown): { error: Error; ms: number } {
  const started = performance.now();
  try {
    read();
  } catch (error) {
    return { error: error as Error, ms: performance.now() - started };
  }
  throw new Error('expected the read to be refused');
}

describe('readInputFile', () => {
  const dir = scratchDir('input-file');
  const fifo = join(dir, 'pipe.json');
  execFileSync('mkfifo', [fifo]);
  const folder = join(dir, 'folder.json');
  mkdirSync(folder);

  it.each([
    ['/dev/zero', 'is a character device, not a regular file'],
    ['/dev/urandom', 'is a character device, not a regular file'],
    [fifo, 'is a named pipe (FIFO), not a regular file'],
    [folder, 'is a folder, not a regular file'],
  ])('refuses %s at once, before reading', (file, reason) => {
    const { error, ms } = refusal(() => readInputFile(file));
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as InputFileError).reason).toBe(reason);
    // Reading /dev/zero grew at ~250 MB/s and a FIFO waited forever: a refusal takes microseconds.
    expect(ms).toBeLessThan(500);
  });

  it('names the cap and how to raise it when a file is larger', () => {
    const file = join(dir, 'big.json');
    writeFileSync(file, 'x'.repeat(3000));
    const { error } = refusal(() => readInputFile(file, { bytes: 2048, raise: 'use a smaller file' }));
    expect(error.message).toBe(`${file}: is 3 KiB, more than the 2 KiB this reads; use a smaller file`);
  });

  it('accepts a UTF-8 byte-order mark and drops it', () => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"é"}')]));
    expect(readInputFile(file)).toBe('{"name":"é"}');
  });

  it('reports a byte that is not UTF-8 at its line and column instead of replacing it', () => {
    const file = join(dir, 'latin1.json');
    // Line 3, after the two characters `"é` (é is two bytes in UTF-8, one character): column 3.
    writeFileSync(file, Buffer.concat([Buffer.from('{\n"a": 1,\n"é'), Buffer.from([0xe9]), Buffer.from('": 2}')]));
    const { error } = refusal(() => readInputFile(file));
    expect((error as InputFileError).position).toMatchObject({ line: 3, column: 3 });
    expect(error.message).toBe(`${file}:3:3: not UTF-8 text (byte 0xe9 at offset 13); save the file as UTF-8`);
  });

  it('reports an extended /dev/zero at the extends key, and the next scenario still loads', () => {
    const file = join(dir, 'extends-zero.json');
    writeFileSync(file, '{\n  "extends": "/dev/zero",\n  "name": "x"\n}');
    const { error, ms } = refusal(() => loadScenarioFile(file));
    expect(ms).toBeLessThan(1000);
    expect((error as ScenarioError).issues.map((i) => `${i.where} ${i.path}: ${i.message}`)).toEqual([
      `${file}:2:3 extends: cannot read the extended file "/dev/zero" (looked for /dev/zero): is a character device, not a regular file`,
    ]);
    expect(loadScenarioFile(SCENARIO).scenario.name).toBeTruthy();
  });

  it('refuses an edge list reaching /dev/zero through ../', () => {
    const file = join(dir, 'net.json');
    const up = '../'.repeat(dir.split('/').length);
    const scenario = { ...loadScenarioFile(SCENARIO).scenario, network: { kind: 'edge-list', edgeList: `${up}dev/zero` } } as never;
    const { error, ms } = refusal(() => loadImportedNetwork(file, scenario, { bytes: 2 ** 20 }));
    expect(ms).toBeLessThan(1000);
    expect(error.message).toMatch(/dev\/zero: is a character device, not a regular file \(the edge list named by network.edgeList in /);
  });

  it('refuses an edge list by its size before reading it, with the import estimate', () => {
    const file = join(dir, 'huge.csv');
    // A sparse file: 64 GiB long, no disk used, and never read.
    writeFileSync(file, '');
    truncateSync(file, 64 * 2 ** 30);
    const scenario = { ...loadScenarioFile(SCENARIO).scenario, network: { kind: 'edge-list', edgeList: 'huge.csv' } } as never;
    const { error, ms } = refusal(() => loadImportedNetwork(join(dir, 'net.json'), scenario, importLimit(12 * 2 ** 30)));
    expect(error).toBeInstanceOf(EdgeListError);
    // 12 bytes of memory per byte of file: with 12 GiB available, files up to 1 GiB.
    expect(error.message).toBe(
      `${file}: is 64.00 GiB, more than the 1.00 GiB this reads; importing takes up to 12 bytes of memory per byte of the file and at most 12.00 GiB is available: import a smaller edge list, or run on a machine with more memory (the edge list named by network.edgeList in ${join(dir, 'net.json')})`,
    );
    expect(ms).toBeLessThan(1000);
  });
});

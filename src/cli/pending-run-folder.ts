// A run folder appears complete or not at all: files are written into a sibling temporary folder
// (`DIR.tmp-<pid>`) and renamed to DIR only when every file is there, so a crash, Ctrl-C or full
// disk never leaves a DIR that looks finished. An existing DIR is replaced only after success, and
// only if it is a tierwave run folder (or empty) — `--out src` must not wipe a source tree.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from './errors.ts';
import { assertWritableFolder } from './output-folder.ts';

/** Whether `dir` holds a finished tierwave run (its summary.json says so). */
function isRunFolder(dir: string): boolean {
  try {
    const summary = JSON.parse(readFileSync(resolve(dir, 'summary.json'), 'utf8')) as { tool?: { name?: unknown } };
    return summary.tool?.name === 'tierwave';
  } catch {
    return false;
  }
}

/** What every run writes; with --cascades also CASCADES_FILE. */
export const RUN_FOLDER_FILES = ['daily.csv', 'summary.json', 'scenario.resolved.json'] as const;
export const CASCADES_FILE = 'cascades.csv';
/** Anything else in a run folder is someone's own and keeps the folder from being replaced. */
const OWN_FILES: readonly string[] = [...RUN_FOLDER_FILES, CASCADES_FILE];

/**
 * Throws an InputError unless `out` can be written (output-folder.ts) and is absent, an empty
 * folder, or an earlier run's folder holding only the files a run writes.
 */
export function assertReplaceable(out: string): void {
  assertWritableFolder(out);
  const target = resolve(out);
  if (!existsSync(target)) return;
  const entries = readdirSync(target);
  if (entries.length === 0) return;
  if (!isRunFolder(target)) {
    throw new InputError(`${out}: exists and is not a tierwave run folder (no summary.json from tierwave); choose another --out`);
  }
  const foreign = entries.filter((name) => !OWN_FILES.includes(name));
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 5).map((name) => JSON.stringify(name)).join(', ');
    throw new InputError(`${out}: holds files a run does not write (${shown}${foreign.length > 5 ? ', …' : ''}); replacing the folder would delete them: move them or choose another --out`);
  }
}

export class PendingRunFolder {
  /** The folder files are written into until commit. */
  readonly temp: string;
  private readonly target: string;
  private done = false;
  private opened = false;

  constructor(readonly out: string) {
    this.target = resolve(out);
    this.temp = `${this.target}.tmp-${process.pid}`;
  }

  /** Creates the temporary folder (and DIR's parents); a stale one from this pid is cleared first.
   *  Opening an open folder does nothing. */
  open(): this {
    if (this.opened) return this;
    assertReplaceable(this.out);
    mkdirSync(dirname(this.target), { recursive: true });
    rmSync(this.temp, { recursive: true, force: true });
    mkdirSync(this.temp);
    this.opened = true;
    return this;
  }

  write(name: string, text: string): void {
    writeFileSync(resolve(this.temp, name), text, 'utf8');
  }

  /** Writes a file piece by piece, for files too large to hold at once (cascades.csv at 10^7 agents);
   *  each piece is written before the next is asked for, so pieces may share one buffer. */
  async writeChunks(name: string, chunks: AsyncIterable<Uint8Array>): Promise<void> {
    const fd = openSync(resolve(this.temp, name), 'w');
    try {
      for await (const bytes of chunks) for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    } finally {
      closeSync(fd);
    }
  }

  /** Moves the finished files to DIR; an earlier run there is set aside first, then removed. */
  commit(): void {
    assertReplaceable(this.out);
    const previous = `${this.target}.old-${process.pid}`;
    const replacing = existsSync(this.target);
    if (replacing) renameSync(this.target, previous);
    try {
      renameSync(this.temp, this.target);
    } catch (error) {
      if (replacing) renameSync(previous, this.target);
      throw error;
    }
    this.done = true;
    if (replacing) rmSync(previous, { recursive: true, force: true });
  }

  /** Removes the temporary folder unless committed; safe to call more than once. */
  discard(): void {
    if (!this.done) rmSync(this.temp, { recursive: true, force: true });
  }
}

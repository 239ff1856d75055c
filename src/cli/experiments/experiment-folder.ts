// An experiment's output folder, written run by run so a killed experiment loses at most the runs
// in flight. Each finished run's rows are appended to runs.csv and flushed to disk, and only then
// is the run recorded in runs-done.csv with the byte where its rows end. On restart, anything in
// runs.csv past the last recorded run (a half-written tail, or rows whose record never made it) is
// cut off, and the recorded runs are skipped.
import { closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.ts';
import { RUNS_HEADER, runRowsCsv } from '../../experiments/csv.ts';
import type { RunRow } from '../../experiments/report.ts';
import { assertWritableFolder } from '../output-folder.ts';

export const EXPERIMENT_FILES = {
  runs: 'runs.csv',
  done: 'runs-done.csv',
  stats: 'stats.csv',
  fit: 'fit.csv',
  diff: 'diff.csv',
  sensitivity: 'sensitivity.csv',
  sensitivityChart: 'sensitivity.svg',
  manifest: 'manifest.json',
} as const;

const DONE_HEADER = 'run_id,rows,end_byte\n';

/** What a folder must match to be resumed: the plan's fingerprint and the shard. */
export interface FolderIdentity {
  readonly planSha256: string;
  readonly shard: string | null;
}

/** Where finished runs go: a folder on disk, or memory when `compare` has no --out. */
export interface RunSink {
  readonly finished: ReadonlySet<number>;
  /** Records a finished run's rows. */
  add(id: number, rows: readonly RunRow[]): void;
  /** Every recorded row, as written. */
  rows(): RunRow[];
}

interface DoneRecord {
  id: number;
  endByte: number;
}

/** The complete lines of runs-done.csv; a torn last line (the kill came mid-write) is dropped. */
function readDone(text: string): { records: DoneRecord[]; validBytes: number } {
  const records: DoneRecord[] = [];
  if (!text.startsWith(DONE_HEADER)) return { records, validBytes: 0 };
  let at = DONE_HEADER.length;
  for (;;) {
    const end = text.indexOf('\n', at);
    if (end < 0) break;
    const match = /^(\d+),(\d+),(\d+)$/.exec(text.slice(at, end));
    if (!match) break;
    records.push({ id: Number(match[1]), endByte: Number(match[3]) });
    at = end + 1;
  }
  return { records, validBytes: at };
}

export function parseRunsCsv(text: string): RunRow[] {
  const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((r) => ({
    run_id: Number(r.run_id),
    variant: r.variant,
    replicate: Number(r.replicate),
    seed: Number(r.seed),
    parameters: r.parameters,
    day: Number(r.day),
    date: r.date,
    tier: r.tier,
    metric: r.metric,
    value: Number(r.value),
  }));
}

/** Writes a whole file atomically: a reader sees the old file or the new one, never half of one. */
export function writeFileAtomic(path: string, text: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, text, 'utf8');
  renameSync(temp, path);
}

export function readManifest(dir: string): Record<string, unknown> | undefined {
  const path = resolve(dir, EXPERIMENT_FILES.manifest);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * The rows of a finished, unsplit folder of this plan (a whole run or merged shards), read without
 * writing anything; undefined when the folder is missing, unfinished, a shard or another plan.
 */
export function readFinishedRows(dir: string, planSha256: string): RunRow[] | undefined {
  const manifest = readManifest(dir);
  if (!manifest || manifest.plan_sha256 !== planSha256 || manifest.complete !== true || (manifest.shard ?? null) !== null) return undefined;
  const runsPath = resolve(dir, EXPERIMENT_FILES.runs);
  return existsSync(runsPath) ? parseRunsCsv(readFileSync(runsPath, 'utf8')) : undefined;
}

export class ExperimentFolder implements RunSink {
  readonly finished: Set<number>;
  private runsFd: number;
  private doneFd: number;
  private endByte: number;

  private constructor(readonly dir: string, records: DoneRecord[], endByte: number) {
    this.finished = new Set(records.map((r) => r.id));
    this.endByte = endByte;
    this.runsFd = openSync(resolve(dir, EXPERIMENT_FILES.runs), 'r+');
    this.doneFd = openSync(resolve(dir, EXPERIMENT_FILES.done), 'a');
  }

  /** Creates the folder, or resumes it if it holds the same plan; throws an InputError otherwise. */
  static open(dir: string, identity: FolderIdentity): ExperimentFolder {
    const runsPath = resolve(dir, EXPERIMENT_FILES.runs);
    const donePath = resolve(dir, EXPERIMENT_FILES.done);
    assertWritableFolder(dir);
    if (!existsSync(dir) || readdirSync(dir).length === 0) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(runsPath, RUNS_HEADER);
      writeFileSync(donePath, DONE_HEADER);
      return new ExperimentFolder(dir, [], Buffer.byteLength(RUNS_HEADER));
    }
    const manifest = readManifest(dir);
    if (!manifest || !existsSync(runsPath) || !existsSync(donePath)) {
      throw new InputError(`${dir}: exists and is not a tierwave experiment folder (no manifest.json, runs.csv and runs-done.csv); choose another --out`);
    }
    if (manifest.plan_sha256 !== identity.planSha256) {
      throw new InputError(`${dir}: holds a different experiment (other scenarios, overrides, seeds or report); choose another --out, or delete it to start again`);
    }
    if ((manifest.shard ?? null) !== identity.shard) {
      throw new InputError(`${dir}: holds shard ${String(manifest.shard ?? 'none')} of this experiment, not ${identity.shard ?? 'the whole'}; choose another --out`);
    }
    const doneText = readFileSync(donePath, 'utf8');
    const { records, validBytes } = readDone(doneText);
    if (validBytes === 0) throw new InputError(`${dir}: runs-done.csv is damaged (no header); delete the folder to start again`);
    const endByte = records.length > 0 ? records[records.length - 1].endByte : Buffer.byteLength(RUNS_HEADER);
    const size = statSync(runsPath).size;
    if (size < endByte) throw new InputError(`${dir}: runs.csv is shorter than runs-done.csv records (was it edited?); delete the folder to start again`);
    // Cut the torn tails: rows of runs that were not recorded, and a half-written done line.
    if (size > endByte) truncate(runsPath, endByte);
    if (Buffer.byteLength(doneText) > validBytes) truncate(donePath, validBytes);
    return new ExperimentFolder(dir, records, endByte);
  }

  add(id: number, rows: readonly RunRow[]): void {
    const text = runRowsCsv(rows);
    const bytes = Buffer.from(text, 'utf8');
    writeSync(this.runsFd, bytes, 0, bytes.length, this.endByte);
    fsyncSync(this.runsFd);
    this.endByte += bytes.length;
    // The record comes after the rows are on disk: a recorded run is always complete.
    writeSync(this.doneFd, `${id},${rows.length},${this.endByte}\n`);
    fsyncSync(this.doneFd);
    this.finished.add(id);
  }

  rows(): RunRow[] {
    return parseRunsCsv(readFileSync(resolve(this.dir, EXPERIMENT_FILES.runs), 'utf8'));
  }

  write(name: string, text: string): void {
    writeFileAtomic(resolve(this.dir, name), text);
  }

  close(): void {
    closeSync(this.runsFd);
    closeSync(this.doneFd);
  }
}

function truncate(path: string, bytes: number): void {
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `compare` without --out: rows kept in memory, rounded exactly as runs.csv would store them. */
export class MemorySink implements RunSink {
  readonly finished = new Set<number>();
  private text = RUNS_HEADER;

  add(id: number, rows: readonly RunRow[]): void {
    this.text += runRowsCsv(rows);
    this.finished.add(id);
  }

  rows(): RunRow[] {
    return parseRunsCsv(this.text);
  }
}


/**
 * Hands finished runs to a sink in plan order, holding back any that finish early. Runs.csv is then
 * ordered by run id however the threads raced, so a finished folder is the same byte for byte
 * every time, and the recorded runs are always a prefix of the plan, which is what a restart skips.
 */
export class InOrder {
  private next = 0;
  private readonly waiting = new Map<number, readonly RunRow[]>();

  constructor(private readonly sink: RunSink, private readonly order: readonly number[]) {}

  add(id: number, rows: readonly RunRow[]): void {
    this.waiting.set(id, rows);
    while (this.next < this.order.length && this.waiting.has(this.order[this.next])) {
      const ready = this.order[this.next++];
      this.sink.add(ready, this.waiting.get(ready)!);
      this.waiting.delete(ready);
    }
  }
}

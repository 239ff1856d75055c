// `tierwave merge <dir>... --out DIR`: combines the shard folders of one experiment into the folder
// the unsplit experiment would have written — runs.csv in run order, byte for byte the same, then
// the tables computed from it. Shards of different experiments or tool versions, or runs that are
// missing or that disagree, are refused rather than merged into something that never ran. Merging
// again gives the same folder: shards are only read, and DIR is replaced whole.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError, Interrupted } from '../errors.ts';
import { InterruptWatch } from '../interrupt-watch.ts';
import { assertWritableFolder } from '../output-folder.ts';
import type { CommandIo } from '../run-command.ts';
import { readTool } from '../tool.ts';
import { RUNS_HEADER, runRowsCsv } from '../../experiments/csv.ts';
import type { ExperimentManifest } from '../../experiments/manifest.ts';
import { manifestJson } from '../../experiments/manifest.ts';
import type { RunRow } from '../../experiments/report.ts';
import { EXPERIMENT_FILES, ExperimentFolder, parseRunsCsv, readManifest } from './experiment-folder.ts';
import { tablesOf } from '../../experiments/tables.ts';
import { sensitivityFiles } from '../../experiments/sensitivity/experiment.ts';

interface ShardFolder {
  readonly dir: string;
  readonly manifest: ExperimentManifest;
  readonly runs: Map<number, RunRow[]>;
}

/** The recorded runs of a folder: rows up to the last byte runs-done.csv vouches for. */
function readShard(dir: string): ShardFolder {
  const manifest = readManifest(dir) as ExperimentManifest | undefined;
  const complete = manifest && typeof manifest.plan_sha256 === 'string' && existsSync(resolve(dir, EXPERIMENT_FILES.runs)) && existsSync(resolve(dir, EXPERIMENT_FILES.done));
  if (!complete) throw new InputError(`${dir}: not an experiment folder (no manifest.json, runs.csv and runs-done.csv)`);
  const done = readFileSync(resolve(dir, EXPERIMENT_FILES.done), 'utf8').split('\n').slice(1);
  let endByte = Buffer.byteLength(RUNS_HEADER);
  for (const line of done) {
    const match = /^(\d+),(\d+),(\d+)$/.exec(line);
    if (match) endByte = Number(match[3]);
    else break;
  }
  const text = readFileSync(resolve(dir, EXPERIMENT_FILES.runs)).subarray(0, endByte).toString('utf8');
  const runs = new Map<number, RunRow[]>();
  for (const row of parseRunsCsv(text)) {
    if (!runs.has(row.run_id)) runs.set(row.run_id, []);
    runs.get(row.run_id)!.push(row);
  }
  return { dir, manifest, runs };
}

/** Lets a pending signal be seen, and ends the merge (closing the folder) if one came. */
async function stopIfInterrupted(watch: InterruptWatch, folder?: ExperimentFolder): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  try {
    watch.check();
  } catch (error) {
    folder?.close();
    if (error instanceof Interrupted) throw new Interrupted(error.signal, 'nothing was merged; the shard folders are as they were');
    throw error;
  }
}

function describeIds(ids: readonly number[]): string {
  const shown = ids.slice(0, 10).join(', ');
  return ids.length > 10 ? `${shown} … (${ids.length} in all)` : shown;
}

/**
 * The merged folder may replace only an earlier merge of the same experiment (or nothing): not a
 * different experiment, not a shard folder, not someone's folder.
 */
function assertMergeTarget(out: string, planSha256: string): void {
  const target = resolve(out);
  if (!existsSync(target) || readdirSync(target).length === 0) return;
  const manifest = readManifest(target);
  if (!manifest) throw new InputError(`${out}: exists and is not an experiment folder; choose another --out`);
  if (manifest.plan_sha256 !== planSha256) {
    throw new InputError(`${out}: holds a different experiment (other scenarios, overrides, seeds or report); choose another --out, or delete it to merge there`);
  }
  if ((manifest.shard ?? null) !== null) throw new InputError(`${out}: holds shard ${String(manifest.shard)} of this experiment; merging there would replace it: choose another --out`);
}

export async function mergeCommand(dirs: readonly string[], out: string, io: CommandIo, command: string): Promise<void> {
  assertWritableFolder(out);
  const shards = dirs.map(readShard);
  const [first] = shards;
  assertMergeTarget(out, first.manifest.plan_sha256);
  for (const shard of shards.slice(1)) {
    if (shard.manifest.plan_sha256 !== first.manifest.plan_sha256 || shard.manifest.replicates !== first.manifest.replicates) {
      throw new InputError(`${shard.dir}: is from a different experiment than ${first.dir} (other scenarios, seeds, replicates or report)`);
    }
    // Another version may simulate differently with the same plan: its rows would not be one experiment's.
    if (shard.manifest.tool.version !== first.manifest.tool.version) {
      throw new InputError(`${shard.dir}: was written by ${shard.manifest.tool.name} ${shard.manifest.tool.version}, ${first.dir} by ${first.manifest.tool.version}; rerun the shards with one version`);
    }
  }
  const merged = new Map<number, { rows: RunRow[]; dir: string }>();
  for (const shard of shards) {
    for (const [id, rows] of shard.runs) {
      const earlier = merged.get(id);
      if (earlier && runRowsCsv(earlier.rows) !== runRowsCsv(rows)) throw new InputError(`run ${id} differs between ${earlier.dir} and ${shard.dir}; the folders did not run the same code or scenarios`);
      if (!earlier) merged.set(id, { rows, dir: shard.dir });
    }
  }
  const planned = first.manifest.runs.planned;
  const missing = Array.from({ length: planned }, (_, id) => id).filter((id) => !merged.has(id));
  if (missing.length > 0) {
    const unfinished = shards.filter((s) => !s.manifest.complete).map((s) => s.dir);
    const hint = unfinished.length > 0 ? `; unfinished: ${unfinished.join(', ')} (rerun their commands to finish them)` : '; is a shard folder missing from the list?';
    throw new InputError(`${missing.length} of ${planned} runs are in none of the folders: run ${describeIds(missing)}${hint}`);
  }
  // Written beside DIR and renamed into place, so DIR is never half-merged.
  const target = resolve(out);
  const temp = `${target}.tmp-${process.pid}`;
  // Installed before the temporary folder exists: Ctrl-C then ends the merge here, through the
  // `finally` that removes it, instead of killing the process with DIR.tmp-<pid> left behind.
  const watch = new InterruptWatch();
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  try {
    const folder = ExperimentFolder.open(temp, { planSha256: first.manifest.plan_sha256, shard: null });
    for (let id = 0; id < planned; id++) {
      const run = merged.get(id)!.rows;
      folder.add(id, run);
      // Signals are delivered between tasks only: give them a turn now and then.
      if (id % 64 === 63) await stopIfInterrupted(watch, folder);
    }
    await stopIfInterrupted(watch, folder);
    const tables = tablesOf(folder.rows(), first.manifest.baseline, first.manifest.targets ?? []);
    folder.write(EXPERIMENT_FILES.stats, tables.stats);
    folder.write(EXPERIMENT_FILES.diff, tables.diff);
    if (tables.fit) folder.write(EXPERIMENT_FILES.fit, tables.fit);
    const sensitivity = first.manifest.sensitivity;
    if (sensitivity) {
      const files = sensitivityFiles(folder.rows(), sensitivity, first.manifest.replicates, first.manifest.experiment.name);
      folder.write(EXPERIMENT_FILES.sensitivity, files.csv);
      folder.write(EXPERIMENT_FILES.sensitivityChart, files.svg);
    }
    const tool = readTool();
    const manifest = {
      ...first.manifest,
      tool: { name: tool.name, version: tool.version },
      runtime: `node ${process.version}`,
      command,
      shard: null,
      runs: { planned, in_shard: planned, done: planned },
      merged_from: shards.map((s) => ({ dir: s.dir, shard: s.manifest.shard, command: s.manifest.command, tool_version: s.manifest.tool.version })),
      started_at: shards.map((s) => s.manifest.started_at).sort()[0],
      finished_at: new Date().toISOString(),
      complete: true,
    };
    folder.write(EXPERIMENT_FILES.manifest, manifestJson(manifest));
    folder.close();
    await stopIfInterrupted(watch);
    const previous = `${target}.old-${process.pid}`;
    if (existsSync(target)) renameSync(target, previous);
    renameSync(temp, target);
    rmSync(previous, { recursive: true, force: true });
  } finally {
    watch.dispose();
    rmSync(temp, { recursive: true, force: true });
  }
  const fit = `${(first.manifest.targets ?? []).length > 0 ? `, ${EXPERIMENT_FILES.fit}` : ''}${first.manifest.sensitivity ? `, ${EXPERIMENT_FILES.sensitivity}, ${EXPERIMENT_FILES.sensitivityChart}` : ''}`;
  io.stdout.write(`${planned} runs from ${shards.length} folders merged: ${out}/${EXPERIMENT_FILES.runs}, ${EXPERIMENT_FILES.stats}, ${EXPERIMENT_FILES.diff}${fit}, ${EXPERIMENT_FILES.manifest}\n`);
}

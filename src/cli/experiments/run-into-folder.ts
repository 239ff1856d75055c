// The part `experiment` and `compare --out` share: open (or resume) the folder, run what is left,
// and finish it with stats.csv, diff.csv and the manifest. Ctrl-C keeps every finished run; the
// same command resumes.
import { InterruptWatch } from '../interrupt-watch.ts';
import { Interrupted } from '../errors.ts';
import type { CommandIo } from '../run-command.ts';
import { readTool } from '../tool.ts';
import type { Design } from '../../experiments/design.ts';
import { executeDesign, type Execution, type ExperimentMachine } from './execute-design.ts';
import { experimentManifest, manifestJson, shardText, type ExperimentManifest } from '../../experiments/manifest.ts';
import { inShard, planRuns, planSha256, type Shard } from '../../experiments/plan.ts';
import type { RunRow } from '../../experiments/report.ts';
import { EXPERIMENT_FILES, ExperimentFolder, MemorySink, type RunSink } from './experiment-folder.ts';
import { createRunsProgress } from './runs-progress.ts';
import { sensitivityFiles } from '../../experiments/sensitivity/experiment.ts';
import { tablesOf } from '../../experiments/tables.ts';

export interface FolderRunOptions {
  readonly design: Design;
  /** No folder: rows are kept in memory (compare without --out). */
  readonly out?: string;
  readonly shard?: Shard;
  readonly experiment?: { readonly file: string; readonly sha256: string };
  readonly command: string;
  readonly workers?: number;
  readonly quiet?: boolean;
  /** Stops the runs like Ctrl-C would (tests). */
  readonly signal?: AbortSignal;
  /** After each recorded run: runs of this shard finished, and their number. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface FolderRun {
  readonly execution: Execution;
  /** Every row of the folder when it holds the whole experiment (not a shard). */
  readonly rows?: RunRow[];
  /** The manifest as written at the end (also without a folder, for a report). */
  readonly manifest: ExperimentManifest;
}

export async function runIntoFolder(options: FolderRunOptions, io: CommandIo, machine: ExperimentMachine): Promise<FolderRun> {
  const { design, shard } = options;
  const plan = planSha256(design);
  const folder = options.out ? ExperimentFolder.open(options.out, { planSha256: plan, shard: shardText(shard) }) : undefined;
  const sink: RunSink = folder ?? new MemorySink();
  const startedAt = new Date().toISOString();
  const planned = planRuns(design);
  const mine = planned.filter((run) => inShard(run, shard));
  const manifestOf = (complete: boolean) =>
    experimentManifest({
      tool: readTool(),
      runtime: `node ${process.version}`,
      command: options.command,
      design,
      planSha256: plan,
      shard,
      experiment: options.experiment,
      runs: { planned: planned.length, inShard: mine.length, done: sink.finished.size },
      startedAt,
      finishedAt: complete ? new Date().toISOString() : undefined,
      complete,
    });
  const manifest = (complete: boolean) => manifestJson(manifestOf(complete));
  folder?.write(EXPERIMENT_FILES.manifest, manifest(false));
  const watch = new InterruptWatch();
  const progress = createRunsProgress(io.stderr, options.quiet === true);
  const stop = new AbortController();
  const forward = () => stop.abort(watch.signal.reason ?? options.signal?.reason);
  watch.signal.addEventListener('abort', forward);
  options.signal?.addEventListener('abort', forward);
  progress.start(mine.length, mine.filter((run) => sink.finished.has(run.id)).length);
  try {
    const execution = await executeDesign({
      design,
      shard,
      sink,
      machine,
      workers: options.workers,
      signal: stop.signal,
      onProgress: (done, total) => {
        progress.update(done);
        options.onProgress?.(done, total);
      },
    });
    progress.stop();
    const whole = !shard;
    const rows = whole ? sink.rows() : undefined;
    if (folder && rows) {
      const tables = tablesOf(rows, design.baseline, design.targets);
      folder.write(EXPERIMENT_FILES.stats, tables.stats);
      folder.write(EXPERIMENT_FILES.diff, tables.diff);
      if (tables.fit) folder.write(EXPERIMENT_FILES.fit, tables.fit);
      if (design.sensitivity) {
        const files = sensitivityFiles(rows, design.sensitivity, design.replicates, design.name);
        folder.write(EXPERIMENT_FILES.sensitivity, files.csv);
        folder.write(EXPERIMENT_FILES.sensitivityChart, files.svg);
      }
    }
    const finished = manifestOf(mine.every((run) => sink.finished.has(run.id)));
    folder?.write(EXPERIMENT_FILES.manifest, manifestJson(finished));
    return { execution, rows, manifest: finished };
  } catch (error) {
    progress.stop();
    if (folder && stop.signal.aborted) {
      folder.write(EXPERIMENT_FILES.manifest, manifest(false));
      const reason: unknown = watch.signal.reason;
      if (reason instanceof Interrupted) throw new Interrupted(reason.signal, `${sink.finished.size} finished runs are kept in ${options.out}; run the same command to go on`);
    }
    watch.check();
    throw error;
  } finally {
    watch.signal.removeEventListener('abort', forward);
    options.signal?.removeEventListener('abort', forward);
    watch.dispose();
    folder?.close();
  }
}

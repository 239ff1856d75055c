// `tierwave experiment <file> [--shard i/n] [--out DIR]`: runs an experiment file into a folder,
// resuming it if it was stopped. A shard writes runs.csv only; `tierwave merge` combines shards
// and computes the tables.
import type { CommandIo } from '../run-command.ts';
import type { Override } from '../../scenario/overrides.ts';
import { worldOverrides, type WorldOptionValues } from '../options.ts';
import { comparisonText } from '../../experiments/comparison-text.ts';
import type { ExperimentMachine } from './execute-design.ts';
import { runIntoFolder } from './run-into-folder.ts';
import { loadExperimentDesign } from './load-files.ts';
import type { Shard } from '../../experiments/plan.ts';
import { EXPERIMENT_FILES } from './experiment-folder.ts';
import { diffRows } from '../../experiments/stats.ts';
import { scoreRuns } from '../../experiments/fit.ts';
import { checkComparison, type Alignment } from '../../experiments/comparable.ts';
import type { Design } from '../../experiments/design.ts';
import { InputError } from '../errors.ts';

/** The few best-scoring variants or sweep points, as a table for the terminal. */
function bestFitsText(scored: ReturnType<typeof scoreRuns>, targets: number): string {
  const shown = scored.slice(0, 5);
  const rows = shown.map((s, k) => [String(k + 1), Number.isNaN(s.loss) ? '—' : s.loss.toPrecision(3), s.variant, s.parameters || '—']);
  const head = ['rank', 'loss', 'variant', 'parameters'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const title = `best fits to ${targets} target${targets === 1 ? '' : 's'} (loss: mean squared miss in the targets' standard deviations; all ${scored.length} in fit.csv):`;
  return [title, line(head), ...rows.map(line)].join('\n');
}

/** Options shared by `compare`, `experiment`, `fit` and `sensitivity`, applied to every run; `seed` is the master seed. */
export interface SharedOptionValues extends WorldOptionValues {
  readonly replicates?: number;
  /** Differences between the worlds that may be aligned rather than refused (--align). */
  readonly align?: Alignment[];
  /** Write an HTML report here. */
  readonly report?: string;
}

export interface ExperimentOptionValues extends SharedOptionValues {
  readonly shard?: Shard;
}


/** The design, refused (exit 1) when its worlds differ in ways not aligned, else with its alignment recorded. */
export function comparableDesign(design: Design, align: readonly Alignment[] | undefined, io?: CommandIo): Design {
  // Said once per override and intervention, however many variants share them.
  const warnings = new Set(design.configurations.flatMap((c) => c.warnings.map((w) => w.message)));
  for (const warning of warnings) io?.stderr.write(`tierwave: warning: ${warning}\n`);
  const check = checkComparison(design, align);
  if (check.refusal) throw new InputError(check.refusal);
  return check.alignment.length > 0 ? { ...design, alignment: check.alignment } : design;
}

/** The alignment notes, one per line, for the top of a printed comparison. */
export const alignmentText = (design: Design): string => (design.alignment ?? []).map((note) => `${note}\n`).join('');

export async function experimentCommand(file: string, options: ExperimentOptionValues, io: CommandIo, machine: ExperimentMachine, command: string, signal?: AbortSignal): Promise<void> {
  const loaded = loadExperimentDesign(file, { overrides: worldOverrides(options), seed: options.seed, replicates: options.replicates });
  const design = comparableDesign(loaded.design, options.align, io);
  const { sha256 } = loaded;
  const shard = options.shard;
  const out = options.out ?? `runs/experiment-${design.name}${shard ? `-shard${shard.index}of${shard.count}` : ''}`;
  if (options.report && shard) throw new InputError('--report needs every run: a shard holds only some (report on the merged folder by running the whole experiment)');
  const { execution, rows, manifest } = await runIntoFolder({ design, out, shard, experiment: { file, sha256 }, command, workers: options.workers, quiet: options.quiet, signal }, io, machine);
  if (options.report && rows) {
    const { writeDesignReport } = await import('./report-file.ts');
    writeDesignReport({ path: options.report, title: `tierwave experiment ${design.name}`, command, manifest }, design, rows, design.report.metrics);
  }
  if (options.quiet) return;
  const resumed = execution.skipped > 0 ? ` (${execution.skipped} finished earlier)` : '';
  const lines = [`${execution.inShard} runs${shard ? ` of shard ${shard.index}/${shard.count}` : ''} done${resumed}: ${out}/${EXPERIMENT_FILES.runs}`];
  if (rows) {
    const fit = design.targets.length > 0 ? `, ${out}/${EXPERIMENT_FILES.fit}` : '';
    lines.push(`tables: ${out}/${EXPERIMENT_FILES.stats}, ${out}/${EXPERIMENT_FILES.diff}${fit}; manifest: ${out}/${EXPERIMENT_FILES.manifest}`, '');
    if (design.targets.length > 0) lines.push(bestFitsText(scoreRuns(rows, design.targets), design.targets.length), '');
    const diff = diffRows(rows, design.baseline);
    if (diff.length > 0) lines.push(alignmentText(design) + comparisonText(diff, { metrics: design.report.metrics, replicates: design.replicates }));
  } else {
    lines.push(`combine the shards with: tierwave merge <shard folders>... --out DIR`);
  }
  io.stdout.write(`${lines.join('\n').trimEnd()}\n`);
}

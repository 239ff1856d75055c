// `tierwave compare <baseline.json> <variant.json>...`: replicate each scenario with shared seeds and
// print, per tier, how many more (or fewer) customers each variant has on 2015-11-11 than the
// baseline, with the 90 % interval of that difference. With --out the runs and tables are kept
// (and a stopped comparison resumes).
import { worldOverrides } from '../options.ts';
import type { CommandIo } from '../run-command.ts';
import { representedPeople } from '../../engine/headline.ts';
import { comparisonText } from '../../experiments/comparison-text.ts';
import type { ExperimentMachine } from './execute-design.ts';
import { alignmentText, comparableDesign, type SharedOptionValues } from './experiment-command.ts';
import { runIntoFolder } from './run-into-folder.ts';
import { compareDesign } from './load-files.ts';
import { diffRows } from '../../experiments/stats.ts';
import { InputError } from '../errors.ts';
import { parseLever } from '../../scenario/overrides.ts';

export async function compareCommand(baseline: string, variants: readonly string[], options: SharedOptionValues, io: CommandIo, machine: ExperimentMachine, command: string, signal?: AbortSignal): Promise<string> {
  // Levers make a variant of their own here (the baseline with them pulled), not a change to every run.
  const levers = (options.lever ?? []).map(parseLever);
  if (variants.length === 0 && levers.length === 0) throw new InputError('nothing to compare with the baseline: give a variant scenario file or a --lever');
  const shared = worldOverrides({ ...options, lever: undefined });
  const design = comparableDesign(compareDesign(baseline, variants, { overrides: shared, seed: options.seed, replicates: options.replicates }, levers), options.align, io);
  const first = design.configurations[0].scenario;
  if (!options.quiet) {
    const runs = design.configurations.length * design.replicates;
    io.stderr.write(`comparing ${design.variants.length} scenarios × ${design.replicates} replicates = ${runs} runs of ${first.population.agents.toLocaleString('en-US')} agents, master seed ${design.masterSeed}\n`);
  }
  const { rows, manifest } = await runIntoFolder({ design, out: options.out, command, workers: options.workers, quiet: options.quiet, signal }, io, machine);
  const people = representedPeople(first);
  const unit = `counts are simulated agents; one agent stands for ${Math.round(people).toLocaleString('en-US')} people in ${design.baseline}`;
  const text = alignmentText(design) + comparisonText(diffRows(rows!, design.baseline), { metrics: ['customers'], replicates: design.replicates, unit });
  if (options.report) {
    const title = `tierwave compare: ${design.variants.slice(1).join(', ')} against ${design.baseline}`;
    const { writeDesignReport } = await import('./report-file.ts');
    writeDesignReport({ path: options.report, title, command, manifest }, design, rows!, ['customers'], [unit]);
  }
  if (!options.quiet) io.stdout.write(text + (options.out ? `runs, stats.csv, diff.csv and manifest.json: ${options.out}\n` : ''));
  return text;
}

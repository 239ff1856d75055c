// `tierwave fit <experiment.json> [--waves N]`: calibration by history matching. The experiment's
// Latin-hypercube sweep is wave 1; every point is scored against the file's `targets`, and a point
// is implausible when its mean misses any target by more than 3 of the target's standard
// deviations (the usual cut-off of history matching, after Pukelsheim's three-sigma rule). Wave
// k + 1 samples again, with as many points, only the box the plausible points of wave k span
// (widened by half a stratum, within the first ranges), so the points gather where the
// observations allow, wave after wave. Each wave is an ordinary experiment folder (out/wave-k):
// resumable, with runs.csv, stats.csv, fit.csv and a manifest; waves.csv sums them up. On a
// cluster, `--wave k --shard i/n` runs one shard of wave k, planned from the merged wave k - 1:
// planning reads only finished folders and is deterministic, so every shard plans the same wave.
import { mkdirSync } from 'node:fs';
import { assertWritableFolder } from '../output-folder.ts';
import { join } from 'node:path';
import { InputError } from '../errors.ts';
import { worldOverrides } from '../options.ts';
import type { CommandIo } from '../run-command.ts';
import { csvLine } from '../../experiments/csv.ts';
import type { ExperimentMachine } from './execute-design.ts';
import { comparableDesign, type SharedOptionValues } from './experiment-command.ts';
import { scoreRuns } from '../../experiments/fit.ts';
import { runIntoFolder } from './run-into-folder.ts';
import { loadExperimentDesign, type CommandLineDesign } from './load-files.ts';
import { planSha256, type Shard } from '../../experiments/plan.ts';
import { EXPERIMENT_FILES, readFinishedRows, readManifest, writeFileAtomic } from './experiment-folder.ts';
import type { Sweep, SweepParameter } from '../../experiments/schema.ts';

export interface FitOptionValues extends SharedOptionValues {
  readonly waves?: number;
  /** Run only this wave, planned from the finished (or merged) waves before it. */
  readonly wave?: number;
  /** With `wave`: only this shard of it, into out/wave-k-shard<i>of<n>. */
  readonly shard?: Shard;
}

/** A point is implausible when it misses some target by more than this many standard deviations. */
export const IMPLAUSIBLE = 3;

export interface Wave {
  readonly wave: number;
  /** Runs this call made (0 for a wave a stopped fit had finished). */
  readonly ran: number;
  readonly points: number;
  readonly plausible: number;
  readonly bestLoss: number;
  readonly bestVariant: string;
  readonly bestParameters: string;
  /** The swept parameters this wave sampled (ranges narrowed after wave 1). */
  readonly parameters: readonly SweepParameter[];
}

export const WAVE_COLUMNS = ['wave', 'points', 'plausible', 'best_loss', 'best_variant', 'best_parameters', 'ranges'] as const;

const rangeText = (parameters: readonly SweepParameter[]) =>
  parameters.map((p) => (p.values ? `${p.path} in ${JSON.stringify(p.values)}` : `${p.path} in [${p.from}, ${p.to}]`)).join('; ');

/**
 * The next wave's parameters: each range cut to the span of the chosen points' values, widened by
 * half a stratum of the current range on each side (in log space for log scales), and kept inside
 * the first wave's range. Lists of values stay as they are.
 */
export function narrowed(current: readonly SweepParameter[], first: readonly SweepParameter[], chosen: readonly (readonly unknown[])[], samples: number): SweepParameter[] {
  return current.map((parameter, j) => {
    if (parameter.values || parameter.from === undefined || parameter.to === undefined) return parameter;
    const log = parameter.scale === 'log';
    const f = (x: number) => (log ? Math.log(x) : x);
    const back = (y: number) => (log ? Math.exp(y) : y);
    const values = chosen.map((point) => Number(point[j])).filter(Number.isFinite);
    if (values.length === 0) return parameter;
    const half = (f(parameter.to) - f(parameter.from)) / samples / 2;
    const [lo, hi] = [Math.min(first[j].from!, first[j].to!), Math.max(first[j].from!, first[j].to!)];
    let from = Math.max(lo, back(f(Math.min(...values)) - half));
    let to = Math.min(hi, back(f(Math.max(...values)) + half));
    if (parameter.integer) [from, to] = [Math.floor(from), Math.ceil(to)];
    // Six significant digits, as the sweep writes its values, and never an empty range.
    from = Number(from.toPrecision(6));
    to = Number(to.toPrecision(6));
    return { ...parameter, from, to: to > from ? to : from + (hi - lo) * 1e-6 };
  });
}

/** A wave's folder, and the folder of shard i/n of it (beside it, so merging never touches them). */
export const waveFolder = (out: string, wave: number, shard?: Shard): string => join(out, shard ? `wave-${wave}-shard${shard.index}of${shard.count}` : `wave-${wave}`);

export async function fitCommand(file: string, options: FitOptionValues, io: CommandIo, machine: ExperimentMachine, command: string, signal?: AbortSignal): Promise<Wave[]> {
  const commandLine: CommandLineDesign = { overrides: worldOverrides(options), seed: options.seed, replicates: options.replicates };
  const first = loadExperimentDesign(file, commandLine);
  const sweep = first.experiment.sweep;
  if (first.design.targets.length === 0) throw new InputError(`${file}: no targets: fit scores the runs against observed figures (an experiment's "targets")`);
  if (!sweep || sweep.method !== 'latin-hypercube' || !sweep.parameters.some((p) => !p.values)) {
    throw new InputError(`${file}: fit needs a "latin-hypercube" sweep with at least one range (from, to) to narrow`);
  }
  // --wave k runs only wave k (or one shard of it), planned from the finished waves before it.
  const only = options.wave;
  const waves = only ?? options.waves ?? 3;
  const out = options.out ?? `runs/fit-${first.design.name}`;
  assertWritableFolder(out);
  mkdirSync(out, { recursive: true });
  const samples = sweep.samples ?? 1;
  const sweepSeed = sweep.seed ?? first.design.masterSeed;
  let parameters: readonly SweepParameter[] = sweep.parameters;
  const done: Wave[] = [];
  const manifests: object[] = [];
  for (let wave = 1; wave <= waves; wave++) {
    // Each wave's hypercube has a seed of its own, so a wave does not repeat the last one's strata.
    const waveSweep: Sweep = { ...sweep, seed: (sweepSeed + wave - 1) >>> 0, parameters: [...parameters] };
    // Wave 1 is the file's own sweep (its seed is the one the file implies): the design loaded above.
    const loaded = wave === 1 ? first : loadExperimentDesign(file, { ...commandLine, sweep: () => waveSweep });
    const design = comparableDesign(loaded.design, options.align, wave === 1 ? io : undefined);
    const { sha256 } = loaded;
    const dir = waveFolder(out, wave);
    // A finished wave is read, not resumed: its folder (perhaps merged from shards) stays as it is.
    const finished = options.shard && wave === only ? undefined : readFinishedRows(dir, planSha256(design));
    if (!finished && only !== undefined && wave < only) {
      throw new InputError(`${dir}: wave ${wave} is not finished with the plan wave ${only} follows from; run it first (merge its shards: tierwave merge ${waveFolder(out, wave)}-shard* --out ${dir})`);
    }
    if (!options.quiet && !finished) io.stderr.write(`wave ${wave} of ${waves}: ${design.configurations.length} points × ${design.replicates} replicates, ${rangeText(parameters)}\n`);
    if (options.shard && wave === only) {
      const shardDir = waveFolder(out, wave, options.shard);
      const { execution } = await runIntoFolder({ design, out: shardDir, shard: options.shard, experiment: { file, sha256 }, command, workers: options.workers, quiet: options.quiet, signal }, io, machine);
      if (!options.quiet) {
        io.stdout.write(`${execution.inShard} runs of shard ${options.shard.index}/${options.shard.count} of wave ${wave} done: ${shardDir}/${EXPERIMENT_FILES.runs}\n`);
        io.stdout.write(`when every shard is done: tierwave merge ${waveFolder(out, wave)}-shard*of${options.shard.count} --out ${dir}\n`);
      }
      return done;
    }
    let rows = finished;
    let ran = 0;
    if (!rows) {
      const run = await runIntoFolder({ design, out: dir, experiment: { file, sha256 }, command, workers: options.workers, quiet: options.quiet, signal }, io, machine);
      [rows, ran] = [run.rows!, run.execution.ran];
      manifests.push(run.manifest);
    } else manifests.push(readManifest(dir) ?? {});
    const scored = scoreRuns(rows, design.targets);
    const plausible = scored.filter((s) => s.misses.every((m) => Math.abs(m.z) <= IMPLAUSIBLE));
    // Too few plausible points to span a box: the best tenth (at least two) leads the next wave.
    const leaders = plausible.length >= 2 ? plausible : scored.slice(0, Math.max(2, Math.ceil(scored.length / 10)));
    const valuesOf = new Map(design.points.map((p) => [p.text, p.values.map((v) => v.value)]));
    const best = scored[0];
    done.push({ wave, ran, points: scored.length, plausible: plausible.length, bestLoss: best.loss, bestVariant: best.variant, bestParameters: best.parameters, parameters });
    parameters = narrowed(parameters, sweep.parameters, leaders.map((s) => valuesOf.get(s.parameters) ?? []), samples);
  }
  // waves.csv sums up the whole history; a run of one wave leaves it to the run of all.
  if (only !== undefined) {
    if (!options.quiet) io.stdout.write(`wave ${only} done: ${waveFolder(out, only)}\n`);
    return done;
  }
  writeFileAtomic(
    join(out, 'waves.csv'),
    csvLine(WAVE_COLUMNS) + done.map((w) => csvLine([w.wave, w.points, w.plausible, w.bestLoss, w.bestVariant, w.bestParameters, rangeText(w.parameters)])).join(''),
  );
  if (!options.quiet) io.stdout.write(wavesText(done, out));
  if (options.report) {
    const ranges = (w: Wave) => w.parameters.filter((p) => p.from !== undefined && p.to !== undefined).map((p) => ({ path: p.path, from: p.from!, to: p.to! }));
    const { writeFitReport } = await import('./report-file.ts');
    writeFitReport({ path: options.report, title: `tierwave fit ${first.design.name}`, command, manifest: { waves: manifests } }, done.map((w) => ({ ...w, ranges: ranges(w) })));
  }
  return done;
}

function wavesText(waves: readonly Wave[], out: string): string {
  const head = ['wave', 'plausible', 'best loss', 'best point', 'ranges sampled'];
  const rows = waves.map((w) => [String(w.wave), `${w.plausible} of ${w.points}`, Number.isNaN(w.bestLoss) ? '—' : w.bestLoss.toPrecision(3), w.bestParameters || w.bestVariant, rangeText(w.parameters)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const best = [...waves].sort((a, b) => (Number.isNaN(a.bestLoss) ? Infinity : a.bestLoss) - (Number.isNaN(b.bestLoss) ? Infinity : b.bestLoss))[0];
  return [
    `history matching: plausible = misses no target by more than ${IMPLAUSIBLE} sd; loss = mean squared miss in sd`,
    line(head),
    ...rows.map(line),
    '',
    `best point: ${best.bestParameters || best.bestVariant} (wave ${best.wave}, loss ${best.bestLoss.toPrecision(3)})`,
    `waves: ${out}/waves.csv; each wave's runs and fit.csv: ${out}/wave-<k>/`,
    '',
  ].join('\n');
}

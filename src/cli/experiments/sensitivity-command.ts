// `tierwave sensitivity <file.json> [--shard i/n] [--out DIR]`: a global sensitivity analysis of
// an experiment file whose sweep is "morris" or "sobol". The design's points become the sweep's
// points, and the runs go into an ordinary experiment folder — run by run, resumable, shardable,
// mergeable — which also gets sensitivity.csv and sensitivity.svg once every run is in.
import { InputError } from '../errors.ts';
import { worldOverrides } from '../options.ts';
import type { CommandIo } from '../run-command.ts';
import type { ExperimentMachine } from './execute-design.ts';
import { comparableDesign, type ExperimentOptionValues } from './experiment-command.ts';
import { runIntoFolder } from './run-into-folder.ts';
import { loadExperimentDesign } from './load-files.ts';
import { EXPERIMENT_FILES } from './experiment-folder.ts';
import { sensitivityOfRuns } from '../../experiments/sensitivity/experiment.ts';
import type { SensitivityRow } from '../../experiments/sensitivity/analysis.ts';
import { sensitivityText } from '../../experiments/sensitivity/table-text.ts';

export async function sensitivityCommand(file: string, options: ExperimentOptionValues, io: CommandIo, machine: ExperimentMachine, command: string, signal?: AbortSignal): Promise<SensitivityRow[] | undefined> {
  const loaded = loadExperimentDesign(file, { overrides: worldOverrides(options), seed: options.seed, replicates: options.replicates });
  const design = comparableDesign(loaded.design, options.align, io);
  const { sha256 } = loaded;
  const spec = design.sensitivity;
  if (!spec) throw new InputError(`${file}: sensitivity needs a sweep with method "morris" or "sobol" and the \`outputs\` it explains`);
  const shard = options.shard;
  const out = options.out ?? `runs/sensitivity-${design.name}${shard ? `-shard${shard.index}of${shard.count}` : ''}`;
  if (!options.quiet) {
    const sizes = spec.method.method === 'morris' ? `${spec.method.trajectories} trajectories × ${spec.parameters.length + 1} points` : `N = ${spec.method.samples} × (${spec.parameters.length} + 2) points`;
    io.stderr.write(`${spec.method.method}: ${spec.parameters.length} parameters, ${sizes} × ${design.replicates} replicates = ${design.configurations.length * design.replicates} runs\n`);
  }
  const { execution, rows } = await runIntoFolder({ design, out, shard, experiment: { file, sha256 }, command, workers: options.workers, quiet: options.quiet, signal }, io, machine);
  const table = rows ? sensitivityOfRuns(rows, spec, design.replicates) : undefined;
  if (options.quiet) return table;
  const resumed = execution.skipped > 0 ? ` (${execution.skipped} finished earlier)` : '';
  const lines = [`${execution.inShard} runs${shard ? ` of shard ${shard.index}/${shard.count}` : ''} done${resumed}: ${out}/${EXPERIMENT_FILES.runs}`];
  if (table) lines.push(`indices: ${out}/${EXPERIMENT_FILES.sensitivity}; chart: ${out}/${EXPERIMENT_FILES.sensitivityChart}`, '', sensitivityText(table, design.replicates));
  else lines.push('combine the shards with: tierwave merge <shard folders>... --out DIR (it writes sensitivity.csv)');
  io.stdout.write(`${lines.join('\n').trimEnd()}\n`);
  return table;
}

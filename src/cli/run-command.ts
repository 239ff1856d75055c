// `tierwave run`: load and check the scenario, refuse a world that cannot fit, run it, and write
// daily.csv, summary.json and scenario.resolved.json (and with --cascades, cascades.csv) as one
// complete folder.
import { loadImportedNetwork, loadScenarioFile, scenarioSha256, type ImportedNetwork } from '../scenario/node.ts';
import { canonicalJson } from '../scenario/load.ts';
import { relative, resolve } from 'node:path';
import { EdgeListError, withEdgeListSize } from '../scenario/edge-list.ts';
import type { Scenario } from '../scenario/schema.ts';
import { assertFits, importLimit } from '../engine/memory-estimate.ts';
import type { RunScenario } from '../runtime/run.ts';
import { dailyCsv } from './daily-csv.ts';
import { cascadesCsv } from './cascades-csv.ts';
import { InputError } from './errors.ts';
import { InterruptWatch } from './interrupt-watch.ts';
import { runOverrides, type RunOptionValues } from './options.ts';
import { createProgress, type ProgressStream } from './progress.ts';
import { runReport } from './run-report.ts';
import { CASCADES_FILE, PendingRunFolder, RUN_FOLDER_FILES, assertReplaceable } from './pending-run-folder.ts';
import { runSummary, summaryJson } from './summary.ts';
import { readTool } from './tool.ts';

export interface RunMachine {
  /** Runs a scenario to the end: worker threads in the CLI, either path in tests. */
  readonly run: RunScenario;
  readonly defaultWorkers: () => number;
  /** Bytes a world may take before it is refused. */
  readonly memoryLimitBytes: () => number;
}

export interface CommandIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: ProgressStream;
}

export const OUTPUT_FILES = RUN_FOLDER_FILES;

export async function runCommand(file: string, options: RunOptionValues, io: CommandIo, machine: RunMachine): Promise<void> {
  const started = performance.now();
  const loaded = loadScenarioFile(file, runOverrides(options));
  for (const warning of loaded.warnings) io.stderr.write(`tierwave: warning: ${warning.message}\n`);
  const seed = loaded.scenario.seed;
  // An imported network decides how many agents there are.
  const network = readNetwork(file, loaded.scenario, machine.memoryLimitBytes(), loaded.edgeListNamedIn);
  const edges = network?.edges;
  const scenario = edges ? withEdgeListSize(loaded.scenario, edges) : loaded.scenario;
  const workers = options.workers ?? machine.defaultWorkers();
  // Before anything is allocated: an impossible world is refused with its estimate.
  assertFits(scenario, workers, machine.memoryLimitBytes(), { cascades: options.cascades === true });
  const out = options.out ?? `runs/${scenario.name}-seed${seed}`;
  assertReplaceable(out);
  const resolvedJson = network ? replayableJson(loaded.scenario, network, out) : loaded.json;

  // Installed from the first byte of work to the rename, so a signal can never cut the writing short.
  const watch = new InterruptWatch();
  const progress = createProgress(io.stderr, options.quiet === true);
  const folder = new PendingRunFolder(out);
  try {
    progress.start(scenario.days, scenario.population.agents);
    // Who told whom is streamed into the pending folder while the workers still hold the state.
    const cascades = options.cascades ? (rows: Parameters<typeof cascadesCsv>[1]) => folder.open().writeChunks(CASCADES_FILE, cascadesCsv(scenario, rows)) : undefined;
    const run = await watch.race(machine.run(scenario, { seed, workers, edgeList: edges, signal: watch.signal, onDay: (day) => progress.day(day), cascades }));
    progress.stop();
    const tool = readTool();
    const edgeList = network ? { file: network.file, sha256: network.sha256 } : undefined;
    const summary = runSummary({ tool, file, sha256: scenarioSha256(resolvedJson), scenario, seed, edgeList, warnings: loaded.warnings }, run, { wallSeconds: (performance.now() - started) / 1000 });
    folder.open();
    folder.write('daily.csv', dailyCsv(scenario, run.series));
    folder.write('summary.json', summaryJson(summary));
    // The loader's canonical JSON, seed included: running it again reproduces daily.csv exactly.
    folder.write('scenario.resolved.json', resolvedJson);
    watch.check();
    folder.commit();
    if (!options.quiet) io.stdout.write(runReport(summary, out, options.cascades ? [...OUTPUT_FILES, CASCADES_FILE] : OUTPUT_FILES));
  } finally {
    progress.stop();
    folder.discard();
    watch.dispose();
  }
}

/**
 * The resolved scenario of an edge-list run, made to replay from the run folder: the edge list's
 * path relative to that folder (where the file is written) and the SHA-256 it had, which a replay
 * checks.
 */
function replayableJson(scenario: Scenario, network: ImportedNetwork, out: string): string {
  const edgeList = relative(resolve(out), resolve(network.file)).replace(/\\/g, '/');
  return canonicalJson({ ...scenario, network: { ...scenario.network, edgeList, edgeListSha256: network.sha256 } });
}

function readNetwork(file: string, scenario: Scenario, limitBytes: number, namedIn?: string): ImportedNetwork | undefined {
  try {
    // Refused by its size, before reading, when the import itself would not fit.
    return loadImportedNetwork(file, scenario, importLimit(limitBytes), namedIn);
  } catch (error) {
    if (error instanceof EdgeListError) throw new InputError(error.message);
    throw error;
  }
}

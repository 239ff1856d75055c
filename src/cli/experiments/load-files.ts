// Experiments on Node: experiment files and `compare` argument lists become designs, with scenario
// files read from disk. Scenario paths in an experiment file are relative to that file (like
// `extends`); paths on the command line are relative to the current folder.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { sourceAt, type SourceMap } from '../../scenario/document.ts';
import { resolveRelative } from '../../scenario/extends.ts';
import { ScenarioError, issueAt, type ScenarioIssue } from '../../scenario/issues.ts';
import { loadImportedNetwork, loadScenarioFile, readInputFile, scenarioSha256 } from '../../scenario/node.ts';
import { InputFileError } from '../../scenario/input-text.ts';
import { importLimit } from '../../engine/memory-estimate.ts';
import { memoryLimitBytes } from '../../runtime/node.ts';
import { EdgeListError, withEdgeListSize } from '../../scenario/edge-list.ts';
import type { Override } from '../../scenario/overrides.ts';
import { formatPath, type PathSegment } from '../../scenario/path.ts';
import { resolveDesign, type Design, type LoadScenario, type LocatedOverride, type VariantInput } from '../../experiments/design.ts';
import { parseExperiment } from '../../experiments/experiment-file.ts';
import type { Experiment, Sweep } from '../../experiments/schema.ts';
import { DEFAULT_REPORT } from '../../experiments/report.ts';

/** A scenario, and the network it imports if it names an edge list (read once per configuration). */
export const loadScenarioFromDisk: LoadScenario = (file, overrides) => {
  const loaded = loadScenarioFile(file, overrides);
  let network;
  try {
    network = loadImportedNetwork(file, loaded.scenario, importLimit(memoryLimitBytes()));
  } catch (error) {
    if (!(error instanceof EdgeListError)) throw error;
    // The edge list's own file and line are in the message; the scenario field named it.
    throw new ScenarioError([{ file, line: 1, column: 1, where: file, path: 'network.edgeList', message: error.message }]);
  }
  if (!network) return loaded;
  const { u, v, length, tiers } = network.edges;
  return {
    scenario: withEdgeListSize(loaded.scenario, network.edges),
    sha256: loaded.sha256,
    network: { file: network.file, sha256: network.sha256, ties: { u, v, length, ...(tiers ? { tiers } : {}) } },
  };
};

/** What the command line adds to every run of `compare` and `experiment`. */
export interface CommandLineDesign {
  /** --set, then --agents and --days, as overrides. */
  readonly overrides: readonly Override[];
  readonly seed?: number;
  readonly replicates?: number;
  /** Replaces the file's sweep (`tierwave fit`: each wave narrows the ranges). */
  readonly sweep?: (sweep: Sweep | undefined) => Sweep | undefined;
}

export interface LoadedExperiment {
  /** The file as parsed (its sweep and targets, before the command line). */
  readonly experiment: Experiment;
  readonly design: Design;
  readonly file: string;
  readonly sha256: string;
}

function located(sources: SourceMap, at: PathSegment[], set: Record<string, unknown> | undefined): LocatedOverride[] {
  return Object.entries(set ?? {}).map(([path, value]) => ({
    override: { path, value, text: `${path}=${JSON.stringify(value)}` },
    at: { key: sourceAt(sources, [...at, path], 'key'), value: sourceAt(sources, [...at, path]) },
  }));
}

export function loadExperimentDesign(file: string, commandLine: CommandLineDesign): LoadedExperiment {
  const path = file.replace(/\\/g, '/');
  let text: string;
  try {
    text = readInputFile(path);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    throw new ScenarioError([issueAt(error.position, '', `cannot read the experiment file: ${error.reason}`)]);
  }
  const { experiment, sources } = parseExperiment(text, path);
  const issues: ScenarioIssue[] = [];
  const baselineFile = resolveRelative(path, experiment.baseline.scenario);
  const variants: VariantInput[] = [
    { name: experiment.baseline.name, scenarioFile: baselineFile, overrides: located(sources, ['baseline', 'set'], experiment.baseline.set) },
    ...experiment.variants.map((variant, i) => ({
      name: variant.name,
      scenarioFile: variant.scenario ? resolveRelative(path, variant.scenario) : baselineFile,
      overrides: located(sources, ['variants', i, 'set'], variant.set),
    })),
  ];
  // An unreadable scenario is reported at the experiment field that named it (or implied it).
  const scenarioField = (i: number): PathSegment[] =>
    i === 0 ? ['baseline', 'scenario'] : ['variants', i - 1, experiment.variants[i - 1].scenario ? 'scenario' : 'name'];
  variants.forEach((v, i) => {
    if (!existsSync(v.scenarioFile)) issues.push(issueAt(sourceAt(sources, scenarioField(i)), formatPath(scenarioField(i)), `cannot read the scenario file ${v.scenarioFile}`));
  });
  if (issues.length > 0) throw new ScenarioError(issues);
  const cli = commandLine.overrides.map((override) => ({ override }));
  const design = resolveDesign(
    {
      name: experiment.name,
      variants,
      shared: [...located(sources, ['set'], experiment.set), ...cli],
      sweep: commandLine.sweep ? commandLine.sweep(experiment.sweep) : experiment.sweep,
      sweepAt: (k) => {
        const parameter = experiment.sweep!.parameters[k];
        const valueField = parameter.values ? 'values' : 'from';
        return { key: sourceAt(sources, ['sweep', 'parameters', k, 'path']), value: sourceAt(sources, ['sweep', 'parameters', k, valueField]) };
      },
      replicates: commandLine.replicates ?? experiment.replicates,
      seed: commandLine.seed ?? experiment.seed,
      report: experiment.report,
      reportTierAt: (i) => sourceAt(sources, ['report', 'tiers', i]),
      targets: experiment.targets,
      targetAt: (i, field) => sourceAt(sources, ['targets', i, field]),
      outputs: experiment.outputs,
      outputAt: (i, field) => sourceAt(sources, ['outputs', i, field]),
    },
    loadScenarioFromDisk,
  );
  return { experiment, design, file: path, sha256: scenarioSha256(text) };
}

/** A variant label from a file name: `scenarios/no-rural-promoters.json` → `no-rural-promoters`. */
function labelOf(file: string, taken: Set<string>): string {
  const stem = basename(file).replace(/\.jsonc?$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-') || 'scenario';
  let label = stem;
  for (let k = 2; taken.has(label); k++) label = `${stem}-${k}`;
  taken.add(label);
  return label;
}

/** `compare baseline.json variant.json…`: each file a variant, labelled by its file name. */
export function compareDesign(baselineFile: string, variantFiles: readonly string[], commandLine: CommandLineDesign): Design {
  const taken = new Set<string>();
  const variants: VariantInput[] = [baselineFile, ...variantFiles].map((file) => ({ name: labelOf(file, taken), scenarioFile: file.replace(/\\/g, '/'), overrides: [] }));
  return resolveDesign(
    {
      name: `compare-${variants.map((v) => v.name).join('-vs-')}`.slice(0, 120),
      variants,
      shared: commandLine.overrides.map((override) => ({ override })),
      replicates: commandLine.replicates ?? 10,
      seed: commandLine.seed,
      report: DEFAULT_REPORT,
    },
    loadScenarioFromDisk,
  );
}

// Experiments on Node: experiment files and `compare` argument lists become designs, with scenario
// files read from disk. Scenario paths in an experiment file are relative to that file (like
// `extends`); paths on the command line are relative to the current folder.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { sourceAt } from '../../scenario/document.ts';
import { resolveRelative } from '../../scenario/extends.ts';
import { ScenarioError, issueAt, type ScenarioIssue } from '../../scenario/issues.ts';
import { loadImportedNetwork, loadScenarioFile, readInputFile, scenarioSha256 } from '../../scenario/node.ts';
import { InputFileError } from '../../scenario/input-text.ts';
import { importLimit } from '../../engine/memory-estimate.ts';
import { memoryLimitBytes } from '../../runtime/node.ts';
import { EdgeListError, withEdgeListSize } from '../../scenario/edge-list.ts';
import type { Override } from '../../scenario/overrides.ts';
import { formatPath } from '../../scenario/path.ts';
import { resolveDesign, type Design, type LoadScenario, type VariantInput } from '../../experiments/design.ts';
import { experimentDesignInput, scenarioField, type CommandLineDesign } from '../../experiments/experiment-design.ts';
import { parseExperiment } from '../../experiments/experiment-file.ts';
import type { Experiment } from '../../experiments/schema.ts';
import { DEFAULT_REPORT } from '../../experiments/report.ts';

export type { CommandLineDesign };

/** A scenario, and the network it imports if it names an edge list (read once per configuration). */
export const loadScenarioFromDisk: LoadScenario = (file, overrides) => {
  const loaded = loadScenarioFile(file, overrides);
  let network;
  try {
    network = loadImportedNetwork(file, loaded.scenario, importLimit(memoryLimitBytes()), loaded.edgeListNamedIn);
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
    warnings: loaded.warnings,
    network: { file: network.file, sha256: network.sha256, ties: { u, v, length, ...(tiers ? { tiers } : {}) } },
  };
};

export interface LoadedExperiment {
  /** The file as parsed (its sweep and targets, before the command line). */
  readonly experiment: Experiment;
  readonly design: Design;
  readonly file: string;
  readonly sha256: string;
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
  const document = parseExperiment(text, path);
  const { experiment, sources } = document;
  const input = experimentDesignInput(document, (written) => resolveRelative(path, written), commandLine);
  // An unreadable scenario is reported at the experiment field that named it (or implied it).
  const issues: ScenarioIssue[] = [];
  input.variants.forEach((v, i) => {
    const field = scenarioField(document, i);
    if (!existsSync(v.scenarioFile)) issues.push(issueAt(sourceAt(sources, field), formatPath(field), `cannot read the scenario file ${v.scenarioFile}`));
  });
  if (issues.length > 0) throw new ScenarioError(issues);
  const design = resolveDesign(input, loadScenarioFromDisk);
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

/**
 * `compare baseline.json variant.json…`: each file a variant, labelled by its file name; levers
 * (`--lever rural-promoters=0`) make one more variant, the baseline with them pulled, labelled by them.
 */
export function compareDesign(baselineFile: string, variantFiles: readonly string[], commandLine: CommandLineDesign, levers: readonly Override[] = []): Design {
  const taken = new Set<string>();
  const variants: VariantInput[] = [baselineFile, ...variantFiles].map((file) => ({ name: labelOf(file, taken), scenarioFile: file.replace(/\\/g, '/'), overrides: [] }));
  if (levers.length > 0) {
    const name = levers.map((l) => `${l.path}=${typeof l.value === 'string' ? l.value : JSON.stringify(l.value)}`).join('+');
    variants.push({ name, scenarioFile: variants[0].scenarioFile, overrides: levers.map((override) => ({ override })) });
  }
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

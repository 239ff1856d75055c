// The scenario loader for Node (CLI, experiments, tests): reads files with fs and fingerprints
// the resolved scenario, so a run folder can say exactly which world produced it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkSeedCustomers, EdgeListError, parseEdgeList, type EdgeList } from './edge-list.ts';
import type { Scenario } from './schema.ts';
import { ScenarioError } from './issues.ts';
import { resolveScenario, type ResolvedScenario } from './load.ts';
import { sha256Hex } from './sha256.ts';
import type { Override } from './overrides.ts';

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** SHA-256 (hex) of a resolved scenario's canonical JSON. */
export function scenarioSha256(json: string): string {
  return sha256Hex(json);
}

/**
 * Loads, merges, overrides and validates a scenario file. Relative paths are taken from the
 * current directory and printed as given, so messages read `scenarios/x.json:14:7 …`.
 * Throws a ScenarioError listing every problem.
 */
export function loadScenarioFile(path: string, overrides: readonly Override[] = []): ResolvedScenario & { sha256: string } {
  // Forward slashes throughout, so `extends` chains compare equal on Windows too.
  const file = path.replace(/\\/g, '/');
  const text = readText(file);
  if (text === undefined) {
    throw new ScenarioError([{ file, line: 1, column: 1, where: file, path: '', message: 'cannot read the scenario file' }]);
  }
  const resolved = resolveScenario(text, file, readText, overrides);
  return resolved;
}

/** An imported network and where it came from: the file read and its SHA-256, for manifests. */
export interface ImportedNetwork {
  readonly edges: EdgeList;
  readonly file: string;
  readonly sha256: string;
}

/** Reads the edge list a scenario names (network.edgeList, relative to the scenario file). */
export function loadImportedNetwork(scenarioFile: string, scenario: Scenario): ImportedNetwork | undefined {
  if (scenario.network.kind !== 'edge-list' || !scenario.network.edgeList) return undefined;
  const file = join(dirname(scenarioFile), scenario.network.edgeList).replace(/\\/g, '/');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new EdgeListError(`${file}: cannot read the edge list named by network.edgeList in ${scenarioFile}`);
  }
  const edges = parseEdgeList(text, file, scenario.tiers.length);
  checkSeedCustomers(scenario, edges, file);
  return { edges, file, sha256: scenarioSha256(text) };
}

// Turns scenario text into a validated Scenario: parse (keeping line:column), follow `extends`,
// apply `--set` overrides, validate with the schema and the cross-field rules, and report every
// problem at once. Pure and browser-safe: files arrive through the `readFile` callback.
import { loadLayer, type ReadFile } from './extends.ts';
import { ScenarioError, type ScenarioIssue } from './issues.ts';
import { intervenedFieldWarnings, type OverrideWarning } from './intervened.ts';
import { applyOverrides, type Override } from './overrides.ts';
import { crossFieldIssues } from './rules.ts';
import type { Scenario } from './schema.ts';
import { sha256Hex } from './sha256.ts';
import { validateScenario } from './validate.ts';

export interface ResolvedScenario {
  /** The validated scenario with every default filled in, without `$schema` and `extends`. */
  scenario: Scenario;
  /** The file it was loaded from, as given. */
  file: string;
  /** Canonical JSON of `scenario` (sorted keys, 2-space indent, final newline): what a run records. */
  json: string;
  /** SHA-256 of `json` in hex: the scenario's fingerprint in run folders and manifests. */
  sha256: string;
  /** Overrides on fields that an intervention also changes (they set only the value before it). */
  warnings: OverrideWarning[];
  /** The scenario file that wrote `network.edgeList` (an extended one, or `file` itself, also for
   *  a `--set`): a relative edge-list path is taken from its folder. */
  edgeListNamedIn?: string;
}

/** Object keys sorted at every depth, so equal scenarios give byte-equal JSON whatever the key order in their files. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/** Stable JSON text of a value: sorted keys, 2-space indent, a final newline. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/**
 * Issues sorted like compiler output: grouped by file (in the order the files first show up, so
 * the main file usually leads), by line and column within a file, `--set` ones last.
 */
function sortByPosition(issues: ScenarioIssue[]): ScenarioIssue[] {
  const rank = new Map<string, number>();
  for (const issue of issues) if (!rank.has(issue.file)) rank.set(issue.file, issue.file === '--set' ? Infinity : rank.size);
  return issues.sort((a, b) => rank.get(a.file)! - rank.get(b.file)! || a.line - b.line || a.column - b.column);
}

/**
 * Resolves a scenario file's text. `file` names it in messages and anchors relative `extends`
 * paths; `readFile` returns the text of an extended file or undefined. Throws a ScenarioError
 * listing every problem found.
 */
export function resolveScenario(text: string, file: string, readFile: ReadFile, overrides: readonly Override[] = []): ResolvedScenario {
  const issues: ScenarioIssue[] = [];
  const layer = loadLayer(text, file, readFile, issues);
  if (!layer) throw new ScenarioError(issues);
  const applied = applyOverrides(layer, overrides, issues);
  const validation = validateScenario(layer.value, layer.sources);
  issues.push(...validation.issues, ...crossFieldIssues(layer.value, layer.sources));
  if (issues.length > 0 || !validation.scenario) throw new ScenarioError(sortByPosition(issues));
  const { $schema: _schema, extends: _extends, ...resolved } = validation.scenario;
  const json = canonicalJson(resolved);
  const namedIn = layer.sources.get('network.edgeList')?.value.file;
  const edgeListNamedIn = namedIn === undefined || namedIn === '--set' ? file : namedIn;
  // Parsed back from the JSON so the scenario shares no objects with zod's defaults (which zod
  // hands out by reference) and is exactly what `json` records.
  const scenario = JSON.parse(json) as Scenario;
  return { scenario, file, json, sha256: sha256Hex(json), warnings: intervenedFieldWarnings(applied, scenario), edgeListNamedIn };
}

// The scenario files bundled into both pages, and turning a chosen one (or a file the user dropped)
// into a validated Scenario with the same loader the CLI uses, so errors read the same everywhere.
import type { LoadScenario } from '../../experiments/design.ts';
import { resolveScenario, type ResolvedScenario } from '../../scenario/load.ts';
import type { Override } from '../../scenario/overrides.ts';
import { parse } from 'jsonc-parser';
import { language, t } from './language.ts';

/** Every scenario file under scenarios/, keyed by its path from the project root ("/scenarios/x.json"). */
const BUNDLED = import.meta.glob('/scenarios/**/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** A scenario the picker can offer: `id` is its path under scenarios/ without ".json". */
export interface CatalogEntry {
  readonly id: string;
  readonly file: string;
  /** "id — title", the title in the page's language when the file gives both. */
  readonly title: string;
}

export const DEFAULT_SCENARIO_ID = 'jd-tencent-2014';

const idOf = (key: string) => key.replace(/^\/scenarios\//, '').replace(/\.json$/, '');

function titleOf(text: string, id: string): string {
  // Titles are for the picker only, read leniently: a file that does not parse still gets listed
  // by its id and shows its errors when chosen.
  const title: unknown = (parse(text) as { title?: unknown } | undefined)?.title;
  const shown = typeof title === 'string' ? title : typeof title === 'object' && title !== null ? (title as Record<string, unknown>)[language()] : undefined;
  return typeof shown === 'string' && shown.length > 0 ? `${id} — ${shown}` : id;
}

/**
 * The picker's list: the top-level scenarios (the default world and its what-ifs). When none is
 * bundled yet, the reference and validation workloads stand in so the page still has a world to show.
 */
export function catalog(): CatalogEntry[] {
  const keys = Object.keys(BUNDLED).filter((k) => !k.endsWith('/schema.json')).sort();
  const top = keys.filter((k) => idOf(k).indexOf('/') < 0);
  const listed = top.length > 0 ? top : keys;
  const entries = listed.map((k) => ({ id: idOf(k), file: k.slice(1), title: titleOf(BUNDLED[k], idOf(k)) }));
  const at = entries.findIndex((e) => e.id === DEFAULT_SCENARIO_ID);
  if (at > 0) entries.unshift(...entries.splice(at, 1));
  return entries;
}

/** A bundled scenario by id, whether or not the picker lists it (permalinks may name any). */
export function bundledEntry(id: string): CatalogEntry | undefined {
  const key = `/scenarios/${id}.json`;
  return BUNDLED[key] === undefined || key.endsWith('/schema.json') ? undefined : { id, file: key.slice(1), title: titleOf(BUNDLED[key], id) };
}

/**
 * Reads a file that a scenario extends. Paths arrive resolved against the extending file; a file
 * the user loaded from disk has no folder, so its `extends` is also looked up under scenarios/.
 */
export function readBundled(path: string): string | undefined {
  return BUNDLED[`/${path}`] ?? BUNDLED[`/scenarios/${path}`];
}

/** Validates a scenario's text; throws ScenarioError with every problem found. */
export function resolveText(text: string, file: string, overrides: readonly Override[]): ResolvedScenario {
  return resolveScenario(text, file, readBundled, overrides);
}

export function bundledText(entry: CatalogEntry): string {
  return BUNDLED[`/${entry.file}`];
}

/** A bundled scenario's path, as designs name scenario files: "/scenarios/<id>.json". */
export const scenarioFile = (id: string) => `/scenarios/${id}.json`;

/** Resolves a bundled scenario with overrides, for designs of the compare page (the hash is the CLI's). */
export const loadBundledScenario: LoadScenario = (file: string, overrides: readonly Override[]) => {
  const text = BUNDLED[file];
  if (text === undefined) throw new Error(t('errors.noBundledScenario', { file }));
  const resolved = resolveScenario(text, file, (path) => BUNDLED[path] ?? BUNDLED[`/${path}`], overrides);
  return { scenario: resolved.scenario, sha256: resolved.sha256, warnings: resolved.warnings };
};

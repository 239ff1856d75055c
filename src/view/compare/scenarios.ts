// The scenarios bundled with the page: every /scenarios/*.json is offered (schema.json aside), and
// files in sub-folders are bundled too so `extends` can reach them.
import { resolveScenario } from '../../scenario/load.ts';
import type { Override } from '../../scenario/overrides.ts';
import type { LoadScenario } from '../../experiments/design.ts';
import { sha256Hex } from '../../scenario/sha256.ts';

const TEXTS = import.meta.glob('/scenarios/**/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface BundledScenario {
  /** The file name without `.json`: the id in permalinks. */
  readonly id: string;
  readonly file: string;
}

export function bundledScenarios(): BundledScenario[] {
  return Object.keys(TEXTS)
    .filter((file) => /^\/scenarios\/[^/]+\.json$/.test(file) && !file.endsWith('/schema.json'))
    .sort()
    .map((file) => ({ id: file.slice('/scenarios/'.length, -'.json'.length), file }));
}

export const scenarioFile = (id: string) => `/scenarios/${id}.json`;

/** Resolves a bundled scenario with overrides; the hash is the CLI's (SHA-256 of the canonical JSON). */
export const loadBundledScenario: LoadScenario = (file: string, overrides: readonly Override[]) => {
  const text = TEXTS[file];
  if (text === undefined) throw new Error(`no bundled scenario ${file}`);
  const resolved = resolveScenario(text, file, (path) => TEXTS[path], overrides);
  return { scenario: resolved.scenario, sha256: sha256Hex(resolved.json) };
};

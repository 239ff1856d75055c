// Where a world's scenario text comes from: a bundled file by id, or a file the user loaded, kept
// in this browser's storage under "file:<name>" so a link to it works again here. The text as
// written is validated once per text (resets and levers re-open the same source often).
import type { Scenario } from '../../scenario/schema.ts';
import { bundledEntry, bundledText, resolveText } from '../shared/catalog.ts';
import { parseOverride } from '../../scenario/overrides.ts';
import { leverOverrides } from './levers.ts';
import { LOADED_FILE_PREFIX } from './permalink.ts';
import { decodeScenarioText, SCENARIO_TEXT_PARAM } from '../shared/scenario-text.ts';

export interface ScenarioSource {
  /** A bundled id, or "file:<name>" for a file from disk. */
  readonly id: string;
  readonly file: string;
  readonly text: string;
  /** The file as a link carries it (`?scenario-text=`, from the editor), when it came from one: the address keeps it. */
  readonly carried?: string;
}

const storageKey = (id: string) => `tierwave:${id}`;

export function sourceOf(id: string): ScenarioSource | null {
  if (id.startsWith(LOADED_FILE_PREFIX)) {
    const text = localStorage.getItem(storageKey(id));
    return text === null ? null : { id, file: id.slice(LOADED_FILE_PREFIX.length), text };
  }
  const entry = bundledEntry(id);
  return entry ? { id, file: entry.file, text: bundledText(entry) } : null;
}

/** A file from disk as a source; `remember` keeps it for links in this browser once it has run. */
export function loadedSource(text: string, name: string): ScenarioSource {
  return { id: `${LOADED_FILE_PREFIX}${name}`, file: name, text };
}

/** A scenario file carried in a link (from the editor) as a source; throws, saying why, when the link is damaged. */
export async function carriedSource(encoded: string): Promise<ScenarioSource> {
  const carried = await decodeScenarioText(encoded);
  return { ...loadedSource(carried.text, carried.file.split(/[\\/]/).pop() ?? carried.file), file: carried.file, carried: encoded };
}

/** The editor's address for a source, as its file has it: by id, by the link's text, or (a file only this browser has) empty. */
export function editorHref(source: ScenarioSource): string {
  if (source.carried) return `./editor.html?${SCENARIO_TEXT_PARAM}=${source.carried}`;
  return source.id.startsWith(LOADED_FILE_PREFIX) ? './editor.html' : `./editor.html?scenario=${encodeURIComponent(source.id)}`;
}

export function remember(source: ScenarioSource): void {
  try {
    localStorage.setItem(storageKey(source.id), source.text);
  } catch {
    /* storage full or disabled: the run still works, only its link will not */
  }
}

/** The scenario with overrides applied first, then levers, as the command line applies them; throws ScenarioError. */
export function resolveWorld(source: ScenarioSource, overrides: readonly string[], levers: readonly string[]): Scenario {
  return resolveText(source.text, source.file, [...overrides.map(parseOverride), ...leverOverrides(levers)]).scenario;
}

export class WrittenScenarios {
  private readonly cache = new Map<string, Scenario>();

  /** The scenario without overrides or levers, or null when only the overrides make it valid. */
  of(source: ScenarioSource): Scenario | null {
    const cached = this.cache.get(source.text);
    if (cached) return cached;
    try {
      const scenario = resolveText(source.text, source.file, []).scenario;
      this.cache.set(source.text, scenario);
      return scenario;
    } catch {
      return null;
    }
  }
}

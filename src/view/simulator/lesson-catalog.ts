// The lesson files bundled into the page (lessons/*.json), validated against the bundled scenarios
// with the same located errors as on the command line.
import { parseLesson, type LessonDocument, type LessonScenarios } from '../../experiments/lesson-file.ts';
import type { LessonLanguage } from '../../experiments/lesson-schema.ts';
import { bundledEntry, bundledText, resolveText } from '../shared/catalog.ts';

const BUNDLED = import.meta.glob('/lessons/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface LessonEntry {
  /** The file name without ".json", as the permalink's `lesson=` names it. */
  readonly id: string;
  readonly file: string;
}

const idOf = (key: string) => key.replace(/^\/lessons\//, '').replace(/\.json$/, '');

export function lessonEntries(): LessonEntry[] {
  return Object.keys(BUNDLED)
    .filter((k) => !k.endsWith('/schema.json'))
    .sort()
    .map((k) => ({ id: idOf(k), file: k.slice(1) }));
}

const scenarios: LessonScenarios = (id, overrides) => {
  const entry = bundledEntry(id);
  return entry ? resolveText(bundledText(entry), entry.file, overrides).scenario : undefined;
};

const loaded = new Map<string, LessonDocument>();

/** A bundled lesson, validated once; throws ScenarioError when it does not validate, undefined when there is none. */
export function loadLesson(id: string): LessonDocument | undefined {
  const text = BUNDLED[`/lessons/${id}.json`];
  if (text === undefined) return undefined;
  const cached = loaded.get(id);
  if (cached) return cached;
  const document = parseLesson(text, `lessons/${id}.json`, scenarios);
  loaded.set(id, document);
  return document;
}

/** The title for the picker, read leniently: a broken file is still listed and shows its errors when chosen. */
export function lessonTitle(entry: LessonEntry, language: LessonLanguage): string {
  try {
    const title = (JSON.parse(BUNDLED[`/${entry.file}`]) as { title?: Record<string, string> }).title;
    return title?.[language] ?? entry.id;
  } catch {
    return entry.id;
  }
}

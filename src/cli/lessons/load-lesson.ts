// Lesson files from disk: the chapters' scenarios are the bundled ones under scenarios/, read
// with the same loader as `tierwave run`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson, type LessonDocument, type LessonScenarios } from '../../experiments/lesson-file.ts';
import { loadScenarioFile } from '../../scenario/node.ts';

/** Bundled scenarios by id, from a project's scenarios/ folder. */
export function bundledScenarios(folder = 'scenarios'): LessonScenarios {
  return (id, overrides) => {
    const path = join(folder, `${id}.json`);
    if (!/^[A-Za-z0-9._-]+$/.test(id) || !existsSync(path)) return undefined;
    return loadScenarioFile(path, overrides).scenario;
  };
}

export function loadLessonFile(path: string, scenarios = bundledScenarios()): LessonDocument {
  return parseLesson(readFileSync(path, 'utf8'), path, scenarios);
}

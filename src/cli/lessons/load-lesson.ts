// Lesson files from disk: the chapters' scenarios are the bundled ones, in the scenarios/ folder
// beside the lesson's folder (lessons/x.json → scenarios/) or else in the working directory, read with the same loader as `tierwave run`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseLesson, type LessonDocument, type LessonScenarios } from '../../experiments/lesson-file.ts';
import { loadScenarioFile, readInputFile } from '../../scenario/node.ts';

/** Bundled scenarios by id, from a project's scenarios/ folder. */
export function bundledScenarios(folder = 'scenarios'): LessonScenarios {
  return (id, overrides) => {
    const path = join(folder, `${id}.json`);
    if (!/^[A-Za-z0-9._-]+$/.test(id) || !existsSync(path)) return undefined;
    return loadScenarioFile(path, overrides).scenario;
  };
}

/** The scenarios/ folder beside the lesson's folder, else the one in the working directory. */
function scenariosFor(path: string): string {
  const beside = join(dirname(path), '..', 'scenarios');
  return existsSync(beside) ? beside : 'scenarios';
}

export function loadLessonFile(path: string, scenarios = bundledScenarios(scenariosFor(path))): LessonDocument {
  return parseLesson(readInputFile(path), path, scenarios);
}

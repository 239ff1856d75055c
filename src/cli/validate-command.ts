// `tierwave validate`: every file is checked and every problem printed, so one pass fixes them all.
// Scenario files and lesson files (a top-level `chapters` list) alike.
import { parse as parseLenient } from 'jsonc-parser';
import { ScenarioError } from '../scenario/issues.ts';
import { loadLessonFile } from './lessons/load-lesson.ts';
import { loadScenarioFile } from '../scenario/node.ts';
import { readInputFile } from '../scenario/node.ts';
import type { CommandIo } from './run-command.ts';

/** The generated JSON Schema sits beside the scenarios, so `validate scenarios/*.json` meets it. */
function isJsonSchema(file: string): boolean {
  try {
    const parsed: unknown = JSON.parse(readInputFile(file));
    return typeof parsed === 'object' && parsed !== null && String((parsed as { $schema?: unknown }).$schema ?? '').startsWith('https://json-schema.org/');
  } catch {
    return false;
  }
}

/** A lesson has chapters; a scenario never does (and one that did would be refused as a scenario anyway). */
function isLesson(file: string): boolean {
  try {
    const parsed: unknown = parseLenient(readInputFile(file));
    return typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { chapters?: unknown }).chapters);
  } catch {
    return false;
  }
}

/** Returns whether every file is a valid scenario or lesson; prints `ok <file>` or the file's errors. */
export function validateCommand(files: readonly string[], io: CommandIo): boolean {
  let valid = true;
  for (const file of files) {
    if (isJsonSchema(file)) {
      io.stdout.write(`skip ${file} (a JSON Schema, not a scenario)\n`);
      continue;
    }
    try {
      if (isLesson(file)) loadLessonFile(file);
      else loadScenarioFile(file);
      io.stdout.write(`ok ${file}\n`);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      io.stderr.write(`${error.message}\n`);
      valid = false;
    }
  }
  return valid;
}

// `npm run schema`: writes scenarios/schema.json and the README's scenario reference section from
// src/scenario/schema.ts, experiments/schema.json from src/experiments/schema.ts, and lessons/schema.json from src/experiments/lesson-schema.ts. Only the text between the README markers is touched; the rest belongs to its authors.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { experimentJsonSchema } from '../src/experiments/schema.ts';
import { lessonJsonSchema } from '../src/experiments/lesson-schema.ts';
import { REFERENCE_END, REFERENCE_START, scenarioJsonSchema, scenarioReference, withReference } from '../src/scenario/reference.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function writeIfChanged(path: string, text: string): void {
  const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (before === text) {
    console.log(`${path}: up to date`);
    return;
  }
  writeFileSync(path, text);
  console.log(`${path}: written`);
}

writeIfChanged(`${root}scenarios/schema.json`, scenarioJsonSchema());
const readmePath = `${root}README.md`;
const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : `${REFERENCE_START}\n${REFERENCE_END}\n`;
writeIfChanged(readmePath, withReference(readme, scenarioReference()));
writeIfChanged(`${root}experiments/schema.json`, experimentJsonSchema());
writeIfChanged(`${root}lessons/schema.json`, lessonJsonSchema());

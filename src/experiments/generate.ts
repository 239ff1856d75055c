// Writes experiments/schema.json from schema.ts (`npx tsx src/experiments/generate.ts`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { experimentJsonSchema } from './schema.ts';

const path = fileURLToPath(new URL('../../experiments/schema.json', import.meta.url));
const text = experimentJsonSchema();
if (existsSync(path) && readFileSync(path, 'utf8') === text) console.log(`${path}: up to date`);
else {
  writeFileSync(path, text);
  console.log(`${path}: written`);
}

#!/usr/bin/env node
// The `tierwave` command. It runs the esbuild bundle in dist-node/ (`npm run build:node`) while
// that bundle is newer than every source file — starting in a fraction of the time — and otherwise
// the TypeScript sources through tsx, so a fresh checkout or an edited tree needs no build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-node', 'cli.mjs');

function newestSource(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let cli;
if (existsSync(bundle) && statSync(bundle).mtimeMs > newestSource(join(root, 'src'))) {
  ({ cli } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ cli } = await import('../src/cli/main.ts'));
}
await cli();

#!/usr/bin/env node
// Bundles the command line and the engine worker into dist-node/ with esbuild, so runs start in
// a fraction of the time a TypeScript loader needs (it matters for short runs and the benchmark).
// bin/tierwave.mjs uses the bundle only while it is newer than every source file.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/main.ts', 'node-worker': 'src/runtime/node-worker.ts' },
  outdir: 'dist-node',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

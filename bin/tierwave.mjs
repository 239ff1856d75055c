#!/usr/bin/env node
// The `tierwave` command: registers the TypeScript loader, then starts the CLI from its sources,
// so `node bin/tierwave.mjs`, `npm run sim` and an installed `tierwave` need no build step.
import { register } from 'tsx/esm/api';

register();
const { cli } = await import('../src/cli/main.ts');
await cli();

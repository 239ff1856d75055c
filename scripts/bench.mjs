#!/usr/bin/env node
// `npm run bench`: the reference workloads as whole processes (see src/bench/main.ts).
import { register } from 'tsx/esm/api';

register();
await import('./bench.ts');

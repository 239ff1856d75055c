import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { EngineCore } from './engine-core.ts';

if (!parentPort) throw new Error('node-worker.ts must run in a worker thread');
expose(new EngineCore(), nodeEndpoint(parentPort));

// Node worker_threads entry: register the TypeScript loader inside this thread, then start the
// engine worker. (A .ts entry cannot be given to `new Worker` directly — see shared/STACK.md.)
import { register } from 'tsx/esm/api';

register();
await import('./node-worker.ts');

// Running scenarios on Node worker threads: used by the CLI, experiments and tests.
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import v8 from 'node:v8';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { Scenario } from '../scenario/types.ts';
import { assertFits } from '../engine/memory-estimate.ts';
import type { EngineWorkerApi } from './protocol.ts';
import { CancelledError, Simulation, type SpawnWorker, type WorkerHost } from './coordinator.ts';
import type { RunOptions, ScenarioRun } from './run.ts';

const WORKER_URL = new URL('./node-worker.mjs', import.meta.url);

/**
 * V8 compiles optimised code on a background thread by default. The engine runs a worker per core,
 * so that thread always takes a core from a worker, and the other workers wait for it at the day
 * barrier; early in a run, while the kernel is being compiled, that cost ~10 % of the reference
 * workload's simulation time. Compiling on the thread that runs the code costs no more CPU and takes
 * nobody's core. The flag is read when an isolate starts, so it is set before any worker is.
 */
let compilerPlaced = false;
function compileOnWorkerThreads(): void {
  if (compilerPlaced) return;
  compilerPlaced = true;
  v8.setFlagsFromString('--no-concurrent-recompilation');
}

/** Spawns one engine worker thread; `failed` rejects if it throws, fails to load or exits early. */
export const spawnNodeWorker: SpawnWorker = (index) => {
  compileOnWorkerThreads();
  const worker = new Worker(WORKER_URL);
  let terminated = false;
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', (error) => reject(new Error(`engine worker ${index} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })));
    worker.once('exit', (code) => {
      if (!terminated) reject(new Error(`engine worker ${index} exited unexpectedly with code ${code}`));
    });
  });
  failed.catch(() => undefined); // observed through races; never an unhandled rejection
  const host: WorkerHost = {
    api: wrap<EngineWorkerApi>(nodeEndpoint(worker)),
    failed,
    terminate: () => {
      terminated = true;
      void worker.terminate();
    },
  };
  return host;
};

/** Bytes a run may use on this machine: most of the physical memory. */
export function memoryLimitBytes(): number {
  return os.totalmem() * 0.8;
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, os.availableParallelism()));
}

export async function runScenario(scenario: Scenario, options: RunOptions): Promise<ScenarioRun> {
  assertFits(scenario, options.workers, memoryLimitBytes(), { cascades: options.cascades !== undefined });
  if (options.signal?.aborted) throw new CancelledError(-1);
  // Setup can take seconds at 10^7 agents: an abort meanwhile ends the workers at once.
  const hosts: WorkerHost[] = [];
  const abortSetup = () => hosts.forEach((h) => h.terminate());
  options.signal?.addEventListener('abort', abortSetup);
  let simulation: Simulation;
  try {
    simulation = await Simulation.create(scenario, {
      seed: options.seed,
      workers: options.workers,
      cores: os.availableParallelism(),
      edgeList: options.edgeList,
      spawn: (index) => {
        const host = spawnNodeWorker(index);
        hosts.push(host);
        return host;
      },
    });
  } catch (error) {
    if (options.signal?.aborted) throw new CancelledError(-1);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abortSetup);
  }
  if (options.signal?.aborted) {
    simulation.dispose();
    throw new CancelledError(-1);
  }
  const onAbort = () => simulation.cancel();
  options.signal?.addEventListener('abort', onAbort);
  try {
    const started = performance.now();
    await simulation.runTo({ chunk: Math.max(1, Math.min(30, Math.ceil(scenario.days / 50))), afterStep: (day) => options.onDay?.(day, scenario.days) });
    const simulationSeconds = (performance.now() - started) / 1000;
    const result = await simulation.result();
    if (options.cascades) await options.cascades(simulation.cascades());
    const network = await simulation.networkReport();
    return { ...result, network, workers: options.workers, timings: { setupSeconds: simulation.setupSeconds, simulationSeconds, wordOfMouth: simulation.wordOfMouth } };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    simulation.dispose();
  }
}

// Runs many worlds at once over worker threads. Many runs: one run per thread, as many at a time as
// there are threads (small worlds do not gain from being split, and the split costs a barrier twice
// a day). Fewer runs than threads: each run gets a share of the threads. Results do not depend on
// how runs are spread, since a run's result depends only on its scenario and seed.
import type { Scenario } from '../scenario/types.ts';
import type { DailySeries } from '../engine/metrics.ts';
import { estimateMemory } from '../engine/memory-estimate.ts';
import { CancelledError, Simulation, type SpawnWorker } from './coordinator.ts';
import type { ImportedTies } from '../scenario/types.ts';
import { ThreadPool } from './thread-pool.ts';

export interface RunnerOptions {
  /** Threads in total. */
  readonly threads: number;
  /** Bytes all simultaneous worlds together may take. */
  readonly memoryLimitBytes: number;
  readonly spawn: SpawnWorker;
  /** Aborting cancels the runs in flight and rejects with the abort reason. */
  readonly signal?: AbortSignal;
}

export interface RunTask<T> {
  readonly item: T;
  readonly scenario: Scenario;
  readonly seed: number;
  /** The ties of an edge-list scenario. */
  readonly edgeList?: ImportedTies;
}

/** Runs one world to its last day on lent threads and returns its daily series. */
export async function simulateSeries(scenario: Scenario, seed: number, threads: number, spawn: SpawnWorker, signal?: AbortSignal, edgeList?: ImportedTies): Promise<DailySeries> {
  if (signal?.aborted) throw new CancelledError(-1);
  const simulation = await Simulation.create(scenario, { seed, workers: threads, spawn, edgeList });
  const onAbort = () => simulation.cancel();
  signal?.addEventListener('abort', onAbort);
  try {
    if (signal?.aborted) throw new CancelledError(-1);
    // A few dozen steps per run: each step is a round trip to the threads, each day's work is tiny.
    await simulation.runTo({ chunk: Math.max(1, Math.ceil(scenario.days / 20)) });
    return simulation.series;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    simulation.dispose();
  }
}

/** How many runs go at once and with how many threads each, within the memory limit. */
export function runLayout(tasks: readonly RunTask<unknown>[], threads: number, memoryLimitBytes: number): { parallel: number; threadsPerRun: number } {
  let parallel = Math.max(1, Math.min(threads, tasks.length));
  const threadsPerRun = Math.max(1, Math.floor(threads / parallel));
  const largest = Math.max(0, ...tasks.map((t) => estimateMemory(t.scenario, threadsPerRun).bytes));
  if (largest > 0) parallel = Math.max(1, Math.min(parallel, Math.floor(memoryLimitBytes / largest)));
  return { parallel, threadsPerRun };
}

/**
 * Runs every task; `onResult` is called as each finishes (in completion order). The first failure
 * cancels the rest and is rethrown.
 */
export async function runTasks<T>(tasks: readonly RunTask<T>[], options: RunnerOptions, onResult: (item: T, series: DailySeries) => void | Promise<void>): Promise<void> {
  if (tasks.length === 0) return;
  const { parallel, threadsPerRun } = runLayout(tasks, options.threads, options.memoryLimitBytes);
  const pool = new ThreadPool(options.spawn);
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuterAbort);
  if (options.signal?.aborted) onOuterAbort();
  let next = 0;
  const lane = async () => {
    while (next < tasks.length && !stop.signal.aborted) {
      const task = tasks[next++];
      const series = await simulateSeries(task.scenario, task.seed, threadsPerRun, pool.spawn, stop.signal, task.edgeList);
      if (stop.signal.aborted) break;
      await onResult(task.item, series);
    }
  };
  try {
    const lanes = Array.from({ length: parallel }, () =>
      lane().catch((error: unknown) => {
        if (!stop.signal.aborted) stop.abort(error);
      }),
    );
    await Promise.all(lanes);
    if (stop.signal.aborted) throw stop.signal.reason;
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
    pool.close();
  }
}

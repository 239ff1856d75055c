// Carries out a design: the runs of this shard that the sink has not finished, spread over the
// threads, each finished run's rows handed to the sink in plan order.
import type { SpawnWorker } from '../../runtime/coordinator.ts';
import { InputError } from '../errors.ts';
import type { Design } from '../../experiments/design.ts';
import { inShard, planRuns, type PlannedRun, type Shard } from '../../experiments/plan.ts';
import { runRows } from '../../experiments/report.ts';
import { InOrder, type RunSink } from './experiment-folder.ts';
import { runTasks } from '../../runtime/run-pool.ts';

/** Where runs execute: worker threads in the CLI, the same in tests. */
export interface ExperimentMachine {
  readonly spawn: SpawnWorker;
  readonly defaultWorkers: () => number;
  readonly memoryLimitBytes: () => number;
}

export interface ExecuteOptions {
  readonly design: Design;
  readonly shard?: Shard;
  readonly sink: RunSink;
  readonly machine: ExperimentMachine;
  /** Threads in total (default: the machine's). */
  readonly workers?: number;
  readonly signal?: AbortSignal;
  /** After each recorded run: runs of this shard finished, and their number. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface Execution {
  readonly planned: number;
  readonly inShard: number;
  /** Finished before this call (a resumed folder). */
  readonly skipped: number;
  readonly ran: number;
}

export async function executeDesign(options: ExecuteOptions): Promise<Execution> {
  const { design, sink } = options;
  // An edge-list scenario whose file was not read (a design made without a file system) cannot run.
  const unread = design.configurations.find((c) => c.scenario.network.kind === 'edge-list' && !c.network);
  if (unread) throw new InputError(`${unread.scenarioFile}: network.kind "edge-list" needs its edge list read with the scenario (network.edgeList)`);
  const all = planRuns(design);
  const mine = all.filter((run) => inShard(run, options.shard));
  const ids = new Set(mine.map((run) => run.id));
  const strangers = [...sink.finished].filter((id) => !ids.has(id));
  if (strangers.length > 0) {
    throw new InputError(`the output folder holds ${strangers.length} finished runs this plan does not have (were there more replicates?); use the same --replicates or another --out`);
  }
  const pending = mine.filter((run) => !sink.finished.has(run.id));
  const skipped = mine.length - pending.length;
  let ran = 0;
  const counting: RunSink = {
    finished: sink.finished,
    rows: () => sink.rows(),
    add: (id, rows) => {
      sink.add(id, rows);
      ran++;
      options.onProgress?.(skipped + ran, mine.length);
    },
  };
  const ordered = new InOrder(counting, pending.map((run) => run.id));
  const tasks = pending.map((run) => {
    const configuration = design.configurations[run.configuration];
    return { item: run, scenario: configuration.scenario, seed: run.seed, edgeList: configuration.network?.ties };
  });
  await runTasks<PlannedRun>(
    tasks,
    { threads: options.workers ?? options.machine.defaultWorkers(), memoryLimitBytes: options.machine.memoryLimitBytes(), spawn: options.machine.spawn, signal: options.signal },
    (run, series) => {
      const scenario = design.configurations[run.configuration].scenario;
      ordered.add(run.id, runRows(run, scenario, series, design.report));
    },
  );
  return { planned: all.length, inShard: mine.length, skipped, ran };
}

// The one call the CLI and experiments use to run a scenario to the end on worker threads.
// (Implemented in node.ts; this file holds the shared types.)
import type { Scenario } from '../scenario/types.ts';
import type { RunResult } from '../engine/simulation.ts';
import type { ImportedTies } from '../scenario/types.ts';
import type { WordOfMouthKernel } from '../engine/compiled-word-of-mouth.ts';
import type { CascadeRows, NetworkReport } from '../engine/index.ts';

export interface RunOptions {
  readonly seed: number;
  /** Worker threads; results are identical for any number. */
  readonly workers: number;
  readonly edgeList?: ImportedTies;
  /** Called after each completed day (from the coordinator, not the kernel). */
  readonly onDay?: (day: number, days: number) => void;
  /** Aborting stops the run within a day and rejects with an AbortError. */
  readonly signal?: AbortSignal;
  /** Who told whom: given every first purchase, in chunks by day then agent, once the run is
   *  complete (before its workers stop). Without it nothing is read out. */
  readonly cascades?: (rows: AsyncIterable<CascadeRows>) => Promise<void>;
}

export interface RunTimings {
  readonly setupSeconds: number;
  readonly simulationSeconds: number;
  /** How word of mouth along ties ran: compiled to WebAssembly, in TypeScript, or off. */
  readonly wordOfMouth: WordOfMouthKernel;
}

/** `network`: the realised network (network-report.ts); the worker-thread runner always gives it. */
export type ScenarioRun = RunResult & { readonly timings: RunTimings; readonly workers: number; readonly network?: NetworkReport };

export type RunScenario = (scenario: Scenario, options: RunOptions) => Promise<ScenarioRun>;

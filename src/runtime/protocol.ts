// The one typed contract between the page / CLI side and an engine worker. Everything crossing it
// is structured-cloneable; typed arrays on SharedArrayBuffers are shared, others are copied or
// transferred explicitly.
import type { CascadeRows, NetworkReport, ShareTrail, SharedBuild, WordOfMouthKernel, WorldParts, WorldRequest } from '../engine/index.ts';

export interface BuildRequest extends WorldRequest {
  /** Put the world on SharedArrayBuffers and return it, so other workers can attach. */
  readonly shared: boolean;
}

/** Shared control block of a multi-worker run (SharedArrayBuffer mode). */
export interface SharedControl {
  /** Barrier, cancel and overflow words, then per worker: its log's length and its new customers' count. */
  readonly words: Int32Array;
  /** New customers of the day, one slot per agent: worker w writes its own in its agents' range. */
  readonly newCustomers: Int32Array;
  /** One record log per worker. */
  readonly logs: Int32Array[];
  /** [worker][parity][tier * METRIC_COUNT + metric] */
  readonly counters: Float64Array;
  /** The daily series, written by worker 0 and read live by the page. */
  readonly series: Float64Array;
}

export const CONTROL = {
  barrierCount: 0,
  barrierGeneration: 1,
  cancelRequested: 2,
  stopDecided: 3,
  overflowNeeded: 4,
  perWorker: 5,
} as const;

/** Index in `SharedControl.words` of worker w's log length. */
export const logLengthWord = (w: number): number => CONTROL.perWorker + 2 * w;
/** Index in `SharedControl.words` of worker w's count of new customers. */
export const newCustomerWord = (w: number): number => CONTROL.perWorker + 2 * w + 1;
export const controlWords = (workers: number): number => CONTROL.perWorker + 2 * workers;

export interface AttachRequest extends WorldRequest {
  readonly worker: number;
  readonly workers: number;
  readonly lo: number;
  readonly hi: number;
  /** Shared parts from the building worker; absent in transfer mode (each worker builds its replica). */
  readonly parts?: WorldParts;
  readonly control?: SharedControl;
  /** Spin briefly at the day barrier before sleeping (when every worker has a core of its own). */
  readonly spin?: boolean;
}

export type RunStatus = 'ok' | 'cancelled' | 'overflow';

export interface RunReport {
  readonly status: RunStatus;
  /** The last day completed. */
  readonly day: number;
  /** With 'overflow': records the largest log needed. */
  readonly needed?: number;
}

export interface PhaseOneResult {
  readonly log: Int32Array;
  readonly length: number;
}

export interface PhaseTwoResult {
  /** The day's last pause the worker reached. */
  readonly day: number;
  /** This worker's flows of the day. */
  readonly counters: Float64Array;
  /** Its agents who bought for the first time that day: every worker reads them the next day. */
  readonly newCustomers: Int32Array;
}

export interface AgentSnapshot {
  readonly tier: Uint8Array;
  readonly status: Uint8Array;
  readonly adoptDay: Int16Array;
  readonly firstChannel: Int8Array;
  readonly firstSource: Int32Array;
}

/** A built world: its shared parts (shared-memory mode) and the figures the coordinator needs. */
export interface BuiltWorld {
  readonly parts: WorldParts | null;
  readonly agents: number;
  readonly ties: number;
  readonly tierSizes: number[];
}

/** What an engine worker does; implemented in engine-core.ts, exposed with comlink. */
export interface EngineWorkerApi {
  /** Builds a whole world in this worker (returned when `shared`). */
  build(request: BuildRequest): BuiltWorld;
  /** Shared memory: lays the world out and plans its build (engine/build.ts); this worker keeps the
   *  builder and runs task 0 of every step. */
  startBuild(request: BuildRequest): SharedBuild;
  /** Shared memory: this worker's tasks of one build step. */
  buildTasks(request: BuildRequest, build: SharedBuild, step: number, worker: number, workers: number): void;
  /** Shared memory, on the worker that started the build: agent state, then the world is ready. */
  finishBuild(): BuiltWorld;
  /** Also says how this worker runs word of mouth (compiled when its world is in a kernel memory). */
  attach(request: AttachRequest): { setupSeconds: number; wordOfMouth: WordOfMouthKernel };
  /** SharedArrayBuffer mode: run days `from`..`to` with the other workers, synchronised by Atomics. */
  runDays(from: number, to: number): RunReport;
  /** Replace this worker's view of the logs after an overflow (new, larger buffers). */
  setLogs(logs: Int32Array[]): void;
  /** Transfer mode, the day loop driven by messages: starts days `from`..`to` and runs phase 1 of the first. */
  transferStart(from: number, to: number): PhaseOneResult;
  /** Transfer mode: phase 2 with every worker's log. */
  transferRecords(logs: PhaseOneResult[]): PhaseTwoResult;
  /** Transfer mode: the day's figures from every worker's counters and new customers; with `more`,
   *  phase 1 of the next day (null after the last day). */
  transferCounters(counters: Float64Array[], newCustomers: Int32Array[], more: boolean): PhaseOneResult | null;
  /** Cumulative cross-tier flow of adoptions (by tier of buyer and of the friend who triggered
   *  them), counted for this worker's agents. */
  flow(): Float64Array;
  /** State of some agents (a replica or shared state holds everyone). */
  snapshot(ids: Uint32Array): AgentSnapshot;
  /** Who told whom: orders every customer so far by day then agent (kept in this worker, 4 bytes per
   *  customer, until the next call) and says how many there are. */
  orderCascades(): number;
  /** Rows [from, to) of that order. */
  cascadeRows(from: number, to: number): CascadeRows;
  /** One share followed from `agent`: its chain back to a first customer and that customer's cascade
   *  (at most `limit` members listed). */
  followShare(agent: number, limit: number): ShareTrail;
  /** Ties among some agents, as pairs of positions in `ids`. */
  tiesAmong(ids: Uint32Array): Uint32Array;
  /** The realised network beside what the file asked (network-report.ts), from this worker's parts. */
  networkReport(): NetworkReport;
}

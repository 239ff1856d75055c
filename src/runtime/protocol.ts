// The one typed contract between the page / CLI side and an engine worker. Everything crossing it
// is structured-cloneable; typed arrays on SharedArrayBuffers are shared, others are copied or
// transferred explicitly.
import type { WordOfMouthKernel } from '../engine/compiled-word-of-mouth.ts';
import type { Scenario } from '../scenario/types.ts';
import type { WorldParts } from '../engine/world.ts';
import type { Population } from '../engine/population.ts';
import type { Ties } from '../engine/ties.ts';
import type { Groups } from '../engine/groups.ts';
import type { ErdosRenyiJob } from '../engine/erdos-renyi.ts';

export type TiesStep = 'generate' | 'partition' | 'count' | 'offsets' | 'fill';

export interface EdgeListPayload {
  readonly u: Uint32Array;
  readonly v: Uint32Array;
  readonly length: number;
  readonly tiers?: Uint8Array;
}

export interface BuildRequest {
  readonly scenario: Scenario;
  readonly seed: number;
  /** Put the world on SharedArrayBuffers and return it, so other workers can attach. */
  readonly shared: boolean;
  readonly edgeList?: EdgeListPayload;
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

export interface AttachRequest {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly worker: number;
  readonly workers: number;
  readonly lo: number;
  readonly hi: number;
  /** Shared parts from the building worker; absent in transfer mode (each worker builds its replica). */
  readonly parts?: WorldParts;
  readonly control?: SharedControl;
  readonly edgeList?: EdgeListPayload;
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
  /** Shared-memory building in steps, so two workers can share the work (see world.ts). */
  layout(request: BuildRequest): Population;
  traits(request: BuildRequest, population: Population): void;
  network(request: BuildRequest, population: Population): { ties: Ties; groups: Groups };
  /** `groups` absent: a network without groups (their empty index is made here, in the worker). */
  finish(request: BuildRequest, population: Population, network: { ties: Ties; groups?: Groups }): BuiltWorld;
  /** Erdős–Rényi ties built by all workers together (erdos-renyi.ts): plan on one worker, then
   *  each step on every worker for its share of chunks or buckets (and, with the first step, its
   *  share of trait chunks). */
  planTies(request: BuildRequest): ErdosRenyiJob;
  tiesStep(step: TiesStep, job: ErdosRenyiJob, request: BuildRequest, population: Population, worker: number, workers: number): void;
  /** Also says how this worker runs word of mouth (compiled when its world is in a kernel memory). */
  attach(request: AttachRequest): { setupSeconds: number; wordOfMouth: WordOfMouthKernel };
  /** SharedArrayBuffer mode: run days `from`..`to` with the other workers, synchronised by Atomics. */
  runDays(from: number, to: number): RunReport;
  /** Replace this worker's view of the logs after an overflow (new, larger buffers). */
  setLogs(logs: Int32Array[]): void;
  /** Transfer mode: phase 1 of a day with the whole-world figures the coordinator computed and
   *  every worker's new customers of the day before. */
  phaseOne(day: number, globals: { activeCustomers: number; adTargeting: number }, newCustomers: Int32Array[]): PhaseOneResult;
  /** Transfer mode: phase 2 with every worker's log. */
  phaseTwo(day: number, logs: PhaseOneResult[]): PhaseTwoResult;
  /** Cumulative cross-tier flow of adoptions (by tier of buyer and of the friend who triggered
   *  them), counted for this worker's agents. */
  flow(): Float64Array;
  /** State of some agents (a replica or shared state holds everyone). */
  snapshot(ids: Uint32Array): AgentSnapshot;
  /** Ties among some agents, as pairs of positions in `ids`. */
  tiesAmong(ids: Uint32Array): Uint32Array;
  /** A deliberate failure, for tests of error handling. */
  fail(message: string): never;
}

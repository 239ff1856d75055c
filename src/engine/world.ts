// The simulation value: everything one run needs, owned by whoever steps it. Shared parts
// (population, ties, groups, agent state) may live on SharedArrayBuffers and be seen by several
// workers; each worker owns the agents lo..hi-1 and keeps its own event queues and counters.
import type { Scenario } from '../scenario/types.ts';
import type { Groups } from './groups.ts';
import { CompiledWordOfMouth } from './compiled-word-of-mouth.ts';
import { METRIC_COUNT } from './metrics.ts';
import type { DayParameters } from './parameters.ts';
import type { Population } from './population.ts';
import { drawKeys, type DrawKeys } from './random.ts';
import type { AgentState, WordOfMouthTable } from './state.ts';
import { DayQueue } from './day-queue.ts';
import { RecordLog } from './record-log.ts';
import type { Ties } from './ties.ts';

/** The parts of a world that every worker shares. */
export interface WorldParts {
  readonly population: Population;
  readonly ties: Ties;
  readonly groups: Groups;
  readonly state: AgentState;
  /** Word of mouth along ties (empty when it is off or the population is mixed). */
  readonly wordOfMouth: WordOfMouthTable;
  /** True when `network.kind` is `mixed`: no ties, everyone meets everyone. */
  readonly mixed: boolean;
  /** Threshold contagion: per agent, friends still to adopt before it does (empty when off; threshold.ts). */
  readonly thresholdLeft: Uint16Array;
  /** The shared WebAssembly memory holding the ties, status, word-of-mouth table and sources, when
   *  they all are in one (kernel-memory.ts): then word of mouth runs compiled. */
  readonly kernelMemory?: WebAssembly.Memory;
}

/** 1 / ln(1 − τ) for an agent, τ = per-tie daily word-of-mouth chance × its susceptibility; 0 when τ = 0.
 *  τ is kept below 1 so the pace stays finite (τ = 1 then still means "the next day"). */
export function wordOfMouthPace(perTie: Float64Array, population: Population, agent: number): number {
  const tau = Math.min(1 - 1e-12, perTie[population.tier[agent]] * population.susceptibility[agent]);
  return tau <= 0 ? 0 : 1 / Math.log1p(-tau);
}

/** The agents worker w of W owns: contiguous, as even as integers allow. */
export function agentRange(agents: number, w: number, workers: number): [number, number] {
  return [Math.floor((agents * w) / workers), Math.floor((agents * (w + 1)) / workers)];
}

export interface Partition {
  /** First agent owned. */
  readonly lo: number;
  /** One past the last agent owned. */
  readonly hi: number;
  /** Whether `state` is this worker's private copy of everyone (no shared memory): then every
   *  record is applied to it, not only those of owned agents. */
  readonly replica: boolean;
}

export interface World extends WorldParts {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly days: number;
  readonly params: DayParameters;
  readonly keys: DrawKeys;
  readonly partition: Partition;
  readonly queues: {
    readonly external: DayQueue;
    readonly repeat: DayQueue;
    readonly lapse: DayQueue;
    readonly wordOfMouth: DayQueue;
    /** Pairs (agent, channel): shares made the day before, seen on this day. */
    readonly shares: DayQueue;
  };
  /** Owned agents whose first purchase was today (filled in phase 2), who start word of mouth
   *  tomorrow. On shared memory the list is this worker's slice of one buffer all workers read. */
  readonly newCustomers: CustomerList;
  /** Every worker's `newCustomers` of the day before, read in phase 1: each worker tells its own
   *  agents about all of them, so a tie is examined by the worker owning its target, once. */
  announced: CustomerList[];
  /** This worker's records of the current day. */
  log: RecordLog;
  /** Flows of the current day: [tier * METRIC_COUNT + metric], for owned agents / own sharers. */
  readonly counters: Float64Array;
  /** Cumulative adoptions in tier i triggered by a friend in tier j: [i * tiers + j]. */
  readonly flow: Float64Array;
  /** Whole-world figures of the previous day, the same on every worker. */
  readonly globals: { activeCustomers: number; adTargeting: number };
  /** Word of mouth compiled to WebAssembly, when the parts are in a kernel memory; else null and
   *  the TypeScript loop runs. The two give identical results. */
  readonly compiledWordOfMouth: CompiledWordOfMouth | null;
  /** Scratch lists reused every day (owned purchasers and newly aware agents). */
  readonly scratch: {
    touchSink: Int32Array; purchasers: Int32Array; purchaserCount: number; newAware: Int32Array; newAwareCount: number; picks: Int32Array; bounds: Float64Array; blockCounts: Int32Array; sortedRecords: Int32Array; sortedLog: RecordLog;
    /** Threshold conversions of day `reachedDay`: pairs (agent, completing friend), kept for a phase 1 rerun. */
    reached: Int32Array; reachedCount: number; reachedDay: number;
  };
}

/** A list of agents: its first `count` entries. */
export interface CustomerList {
  list: Int32Array;
  count: number;
}

/**
 * `newCustomerList` (shared memory): where this worker writes its new customers, one slot per
 * owned agent — a first purchase happens once, so it cannot overflow. Without it the list is local
 * and grows; with one partition, a world announces to itself.
 */
export function createWorld(scenario: Scenario, seed: number, parts: WorldParts, params: DayParameters, partition?: Partition, newCustomerList?: Int32Array): World {
  const agents = parts.population.agents;
  const own = partition ?? { lo: 0, hi: agents, replica: false };
  const newCustomers = { list: newCustomerList ?? new Int32Array(1024), count: 0 };
  const T = scenario.tiers.length;
  const last = scenario.days;
  return {
    ...parts,
    scenario,
    seed,
    days: last,
    params,
    keys: drawKeys(seed),
    partition: own,
    queues: {
      external: new DayQueue(last),
      repeat: new DayQueue(last),
      lapse: new DayQueue(last),
      wordOfMouth: new DayQueue(last),
      shares: new DayQueue(last),
    },
    newCustomers,
    announced: [newCustomers],
    log: new RecordLog(1024),
    counters: new Float64Array(T * METRIC_COUNT),
    flow: new Float64Array(T * T),
    globals: { activeCustomers: 0, adTargeting: 1 },
    compiledWordOfMouth: CompiledWordOfMouth.forWorld(parts),
    scratch: {
      touchSink: new Int32Array(1),
      purchasers: new Int32Array(1024),
      purchaserCount: 0,
      newAware: new Int32Array(1024),
      newAwareCount: 0,
      picks: new Int32Array(1024),
      bounds: new Float64Array(4),
      blockCounts: new Int32Array((agents >>> 12) + 2),
      sortedRecords: new Int32Array(4096),
      sortedLog: new RecordLog(0),
      reached: new Int32Array(parts.thresholdLeft.length > 0 ? 1024 : 0),
      reachedCount: 0,
      reachedDay: -1,
    },
  };
}

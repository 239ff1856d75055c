// The simulation value: everything one run needs, owned by whoever steps it. Shared parts
// (population, ties, groups, agent state) may live on SharedArrayBuffers and be seen by several
// workers; each worker owns the agents lo..hi-1 and keeps its own event queues and counters.
import type { Scenario } from '../scenario/types.ts';
import { generateGroups, emptyGroups, type Groups } from './groups.ts';
import { allocateLocal, arrays, type Allocate } from './memory.ts';
import type { KernelMemory } from './kernel-memory.ts';
import { CompiledWordOfMouth } from './compiled-word-of-mouth.ts';
import { METRIC_COUNT } from './metrics.ts';
import { generatedTies } from './network.ts';
import { erdosRenyiTies } from './erdos-renyi.ts';
import { dayParameters, type DayParameters } from './parameters.ts';
import { drawTraits, layoutPopulation, type Population } from './population.ts';
import { drawKeys, type DrawKeys } from './random.ts';
import { createState, createWordOfMouth, type AgentState, type WordOfMouthTable } from './state.ts';
import { DayQueue } from './day-queue.ts';
import { RecordLog } from './record-log.ts';
import { tiesFromPairs, PairList, type Ties } from './ties.ts';

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
  /** The shared WebAssembly memory holding the ties, status, word-of-mouth table and sources, when
   *  they all are in one (kernel-memory.ts): then word of mouth runs compiled. */
  readonly kernelMemory?: WebAssembly.Memory;
}

export interface EdgeListInput {
  readonly pairs: PairList;
  /** Tier index per agent, when the file gave one. */
  readonly tiers?: Uint8Array;
}

/**
 * Builds a world's shared parts in three steps, so that with two workers the traits (step 2a) are
 * drawn while the ties are built (step 2b); in one thread `createParts` runs them in turn.
 */
export function layoutParts(scenario: Scenario, seed: number, allocate: Allocate, edgeList?: EdgeListInput): Population {
  return layoutPopulation(scenario, seed, allocate, edgeList?.tiers);
}

export function buildNetwork(scenario: Scenario, seed: number, population: Population, allocate: Allocate, edgeList?: EdgeListInput, kernel?: KernelMemory | null): { ties: Ties; groups: Groups } {
  const agents = population.agents;
  const kind = scenario.network.kind;
  const hot = kernel?.arrays ?? arrays(allocate);
  let ties: Ties;
  if (kind === 'erdos-renyi') ties = erdosRenyiTies(agents, scenario.network.meanDegree, seed, allocate, hot);
  else if (kind === 'generated') ties = generatedTies(scenario, population, seed, allocate, hot);
  else if (kind === 'edge-list') {
    if (!edgeList) throw new Error('network.kind is "edge-list" but no edge list was loaded');
    ties = tiesFromPairs(agents, edgeList.pairs, allocate, hot);
  } else ties = tiesFromPairs(agents, new PairList(0), allocate, hot);
  const groups = kind === 'generated' ? generateGroups(scenario, population, seed, allocate) : emptyGroups(agents, allocate);
  return { ties, groups };
}

/**
 * The last step, once traits are drawn: agent state and the word-of-mouth table. With a kernel
 * memory that the network's ties were also built in, the world runs word of mouth compiled.
 */
export function finishParts(scenario: Scenario, population: Population, network: { ties: Ties; groups: Groups }, allocate: Allocate, kernel?: KernelMemory | null): WorldParts {
  const agents = population.agents;
  const mixed = scenario.network.kind === 'mixed';
  const perTie = dayParameters(scenario).wordOfMouth;
  const hot = kernel?.arrays ?? arrays(allocate);
  const wordOfMouth = createWordOfMouth(agents, allocate, wordOfMouthAlongTies(scenario, perTie), hot);
  for (let i = 0; i < wordOfMouth.pace.length / 2; i++) wordOfMouth.pace[2 * i] = wordOfMouthPace(perTie, population, i);
  const state = createState(agents, allocate, hot);
  const inKernel = kernel && kernel.complete && [network.ties.offsets, network.ties.neighbors, state.status, state.wordOfMouthSource, wordOfMouth.day].every((a) => kernel.holds(a));
  const kernelMemory = inKernel ? kernel.memory : undefined;
  return { population, ...network, state, wordOfMouth, mixed, ...(kernelMemory ? { kernelMemory } : {}) };
}

/** `kernel`: where the arrays the compiled word-of-mouth step reads go (kernel-memory.ts). */
export function createParts(scenario: Scenario, seed: number, allocate: Allocate = allocateLocal, edgeList?: EdgeListInput, kernel?: KernelMemory | null): WorldParts {
  const population = layoutParts(scenario, seed, allocate, edgeList);
  drawTraits(scenario, seed, population);
  return finishParts(scenario, population, buildNetwork(scenario, seed, population, allocate, edgeList, kernel), allocate, kernel);
}

/** Whether friends convert friends along ties (direct daily contact), which needs the word-of-mouth
 *  table. `perTie`: the per-tie rates, when the caller has the day parameters already. */
export function wordOfMouthAlongTies(scenario: Scenario, perTie = dayParameters(scenario).wordOfMouth): boolean {
  return scenario.network.kind !== 'mixed' && perTie.some((x) => x > 0);
}

/**
 * Whether a world is worth a kernel memory and the compiled word-of-mouth step: only with word of
 * mouth along ties, and from 10,000 agents — below that, making the memory and the module's
 * instance (about a millisecond a run) costs more than the compiled loop saves (measured on the
 * reference workload: even at 10^4 agents, 10 % faster at 3·10^4).
 */
export function compiledWordOfMouthPays(scenario: Scenario): boolean {
  return wordOfMouthAlongTies(scenario) && scenario.population.agents >= COMPILED_FROM_AGENTS;
}

const COMPILED_FROM_AGENTS = 10_000;

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
  readonly scratch: { touchSink: Int32Array; purchasers: Int32Array; purchaserCount: number; newAware: Int32Array; newAwareCount: number; picks: Int32Array; bounds: Float64Array; blockCounts: Int32Array; sortedRecords: Int32Array; sortedLog: RecordLog };
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
export function createWorld(scenario: Scenario, seed: number, parts: WorldParts, partition?: Partition, newCustomerList?: Int32Array): World {
  const agents = parts.population.agents;
  const own = partition ?? { lo: 0, hi: agents, replica: false };
  const newCustomers = { list: newCustomerList ?? new Int32Array(1024), count: 0 };
  const T = scenario.tiers.length;
  const last = scenario.days;
  const params = dayParameters(scenario);
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
    },
  };
}

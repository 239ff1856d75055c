// Stepping a world. `stepDay` is synchronous and the only clock is the caller's: the CLI and the
// tests call it n times; the worker driver and the view add timers (d3's tick/stop habit).
import type { Scenario } from '../scenario/types.ts';
import { dayPhase1 } from './day-phase1.ts';
import { dayPhase2, EXTERNAL, nextCandidate } from './day-phase2.ts';
import { CH_ORGANIC, type DayParameters } from './parameters.ts';
import { draw } from './random.ts';
import { EXPOSE, type RecordLog } from './record-log.ts';
import { Ledger, type DailySeries } from './metrics.ts';
import { CUSTOMER } from './state.ts';
import { createParts, createWorld, type EdgeListInput, type World } from './world.ts';
import { headline, type Headline } from './headline.ts';
import { KernelMemory } from './kernel-memory.ts';
import { allocateShared } from './memory.ts';
import { wordOfMouthKernel } from './compiled-word-of-mouth.ts';
import type { Marker } from './calendar.ts';

/** Day 0, phase 1: owned agents chosen as initial customers (one draw each, worker-independent). */
export function startPhase1(world: World): void {
  world.log.clear();
  world.counters.fill(0);
  const { lo, hi } = world.partition;
  const { tier } = world.population;
  const shares = world.scenario.tiers.map((t) => t.initialCustomers);
  if (shares.every((x) => x === 0)) return;
  for (let i = lo; i < hi; i++) {
    if (draw(world.keys.convert, i, 0, 0x7ffffffe) < shares[tier[i]]) world.log.push(EXPOSE, CH_ORGANIC, 1, i, -1, 0);
  }
}

/** Day 0, phase 2: apply the initial customers, then give every other owned agent its first external candidate. */
export function startPhase2(world: World, logs: readonly RecordLog[]): void {
  dayPhase2(world, 0, logs);
  const { lo, hi } = world.partition;
  const { status, nextExternal } = world.state;
  for (let i = lo; i < hi; i++) if (status[i] !== CUSTOMER) nextExternal[i] = nextCandidate(world, i, 0, world.keys.external, EXTERNAL);
  world.queues.external.pushEach(nextExternal, lo, hi);
}

/** Whole-world figures for the next day, derived from the ledger the same way on every worker. */
export function updateGlobals(world: World, ledger: Ledger, day: number): void {
  Object.assign(world.globals, nextGlobals(world.params, ledger, day, world.population.agents));
}

export function nextGlobals(p: DayParameters, ledger: Ledger, day: number, agents: number): World['globals'] {
  const next = Math.min(day + 1, p.days);
  return {
    activeCustomers: ledger.activeCustomers(day),
    adTargeting: ledger.adTargeting(day, p.targetingInstant[next] === 1, p.refreshDays[next], p.targetingGain[next], p.halfSaturation[next], agents),
  };
}

/** One day on a world that owns every agent (one partition, no workers). */
export function stepDay(world: World, ledger: Ledger, day: number): void {
  dayPhase1(world, day);
  dayPhase2(world, day, [world.log]);
  ledger.record(day, [world.counters]);
  updateGlobals(world, ledger, day);
}

export interface RunResult {
  readonly series: DailySeries;
  /** Adoptions in tier i triggered by a friend in tier j: flow[i][j]. */
  readonly flow: number[][];
  readonly headline: Headline;
  readonly markers: Marker[];
  readonly ties: number;
}

export interface SimulateOptions {
  readonly seed: number;
  readonly edgeList?: EdgeListInput;
  /** Called after each day; return false to stop early. */
  readonly onDay?: (day: number) => boolean | void;
  /** Run word of mouth along ties with the compiled module, as workers on shared memory do, instead
   *  of the TypeScript loop (the results are identical; tests compare the two). */
  readonly compiledWordOfMouth?: boolean;
}

/** Runs a scenario in this thread: the reference path the workers must reproduce exactly. */
export function simulate(scenario: Scenario, options: SimulateOptions): RunResult {
  const kernel = options.compiledWordOfMouth ? KernelMemory.create(allocateShared) : null;
  if (options.compiledWordOfMouth && !kernel) throw new Error('compiled word of mouth needs shared WebAssembly memory, which this runtime lacks');
  const parts = createParts(scenario, options.seed, undefined, options.edgeList, kernel);
  const world = createWorld(scenario, options.seed, parts);
  if (options.compiledWordOfMouth && wordOfMouthKernel(world) !== 'webassembly') {
    throw new Error(wordOfMouthKernel(world) === 'off' ? 'this scenario has no word of mouth along ties to compile' : 'word of mouth could not be compiled for this world');
  }
  return finish(scenario, world, runWorld(world, options.onDay));
}

/** Steps a world that owns every agent from day 0 to its last day (or until `onDay` says stop). */
export function runWorld(world: World, onDay?: (day: number) => boolean | void): Ledger {
  const ledger = new Ledger(world.days, world.population.tierSizes);
  startPhase1(world);
  startPhase2(world, [world.log]);
  ledger.record(0, [world.counters]);
  updateGlobals(world, ledger, 0);
  for (let day = 1; day <= world.days; day++) {
    stepDay(world, ledger, day);
    if (onDay?.(day) === false) break;
  }
  return ledger;
}

export function finish(scenario: Scenario, world: World, ledger: Ledger, flows: readonly Float64Array[] = [world.flow]): RunResult {
  const T = world.params.tierCount;
  const flow = Array.from({ length: T }, (_, i) => Array.from({ length: T }, (_, j) => flows.reduce((sum, f) => sum + f[i * T + j], 0)));
  return { series: ledger.series, flow, headline: headline(scenario, ledger.series), markers: world.params.markers, ties: world.ties.count };
}

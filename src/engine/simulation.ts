// Running a world in this thread: the reference path that the workers must reproduce exactly, and
// what tests use to look inside a world. The clock is the caller's (d3's tick/stop habit).
import type { Scenario } from '../scenario/types.ts';
import type { ImportedTies } from '../scenario/types.ts';
import { dayLoop } from './day-loop.ts';
import { Ledger, type DailySeries } from './metrics.ts';
import { dayParameters } from './parameters.ts';
import { createParts } from './build.ts';
import { createWorld, type World } from './world.ts';
import { headline, type Headline } from './headline.ts';
import { KernelMemory } from './kernel-memory.ts';
import { allocateShared } from './memory.ts';
import { wordOfMouthKernel } from './compiled-word-of-mouth.ts';
import type { Marker } from './calendar.ts';

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
  readonly edgeList?: ImportedTies;
  /** Called after each day; return false to stop early. */
  readonly onDay?: (day: number) => boolean | void;
  /** Run word of mouth along ties with the compiled module, as workers on shared memory do, instead
   *  of the TypeScript loop (the results are identical; tests compare the two). */
  readonly compiledWordOfMouth?: boolean;
}

/** Runs a scenario in this thread. */
export function simulate(scenario: Scenario, options: SimulateOptions): RunResult {
  const kernel = options.compiledWordOfMouth ? KernelMemory.create(allocateShared) : null;
  if (options.compiledWordOfMouth && !kernel) throw new Error('compiled word of mouth needs shared WebAssembly memory, which this runtime lacks');
  const params = dayParameters(scenario);
  const parts = createParts(scenario, options.seed, params, undefined, options.edgeList, kernel);
  const world = createWorld(scenario, options.seed, parts, params);
  if (options.compiledWordOfMouth && wordOfMouthKernel(world) !== 'webassembly') {
    throw new Error(wordOfMouthKernel(world) === 'off' ? 'this scenario has no word of mouth along ties to compile' : 'word of mouth could not be compiled for this world');
  }
  return finish(scenario, world, runWorld(world, options.onDay));
}

/** Steps a world that owns every agent from day 0 to its last day (or until `onDay` says stop):
 *  it answers every pause of the day loop with its own log and counters. */
export function runWorld(world: World, onDay?: (day: number) => boolean | void): Ledger {
  const ledger = new Ledger(world.days, world.population.tierSizes);
  const logs = [world.log];
  const counters = [world.counters];
  const days = dayLoop(world, ledger, 0, world.days);
  for (let pause = days.next(); !pause.done; ) {
    const { day, kind } = pause.value;
    if (kind === 'end' && day > 0 && onDay?.(day) === false) break;
    pause = days.next(kind === 'records' ? logs : kind === 'counters' ? counters : undefined);
  }
  return ledger;
}

export function finish(scenario: Scenario, world: World, ledger: Ledger, flows: readonly Float64Array[] = [world.flow]): RunResult {
  return { series: ledger.series, flow: flowMatrix(world.params.tierCount, flows), headline: headline(scenario, ledger.series), markers: world.params.markers, ties: world.ties.count };
}

/** The cross-tier flow of adoptions, summed over workers' own counts: flow[i][j]. */
export function flowMatrix(tiers: number, flows: readonly Float64Array[]): number[][] {
  return Array.from({ length: tiers }, (_, i) => Array.from({ length: tiers }, (_, j) => flows.reduce((sum, f) => sum + f[i * tiers + j], 0)));
}

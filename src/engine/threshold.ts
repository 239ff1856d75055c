// Threshold contagion (Granovetter 1978; Watts 2002; Centola & Macy 2007): an agent adopts once
// enough distinct friends have adopted — m of them (absolute) or a fraction φ of its friends.
//
// The rule follows events, as word of mouth does: each agent keeps the number of friends it still
// needs (a Uint16, counted down), and a new customer's row is walked once, the day after its first
// purchase, by the worker that owns each friend. The day a count reaches 0 the agent adopts.
// Counting down from the need makes absolute and fractional thresholds one loop with no degree
// look-up in it; a count that reaches 0 fires once and never again.
import type { Scenario } from '../scenario/types.ts';
import { CH_DIRECT } from './parameters.ts';
import { EXPOSE } from './record-log.ts';
import { CUSTOMER } from './state.ts';
import type { Ties } from './ties.ts';
import type { World } from './world.ts';
import { arrays, type Allocate } from './memory.ts';

/** Largest need a Uint16 holds: a need above it (a hub with more than 65,535 friends) is cut to it. */
const MOST_NEEDED = 65535;
/** φ·k a hair above an integer by rounding (0.3 · 10 = 3.0000000000000004) still needs that integer. */
const ROUNDING = 1e-9;

/** Friends an agent with `degree` friends needs before it adopts; 0 = the rule can never fire. */
export function friendsNeeded(threshold: NonNullable<Scenario['threshold']>, degree: number): number {
  if (degree === 0) return 0;
  const need = threshold.friends ?? Math.ceil((threshold.fraction ?? 1) * degree - ROUNDING);
  return Math.min(MOST_NEEDED, need);
}

/** Per agent, friends still to adopt before its threshold is reached (empty when the rule is off). */
export function createThresholdLeft(scenario: Scenario, ties: Ties, allocate: Allocate): Uint16Array {
  const threshold = scenario.threshold;
  const agents = ties.agents;
  const left = arrays(allocate).u16(threshold ? agents : 0);
  if (!threshold) return left;
  const offsets = ties.offsets;
  for (let i = 0; i < agents; i++) left[i] = friendsNeeded(threshold, offsets[i + 1] - offsets[i]);
  return left;
}

/**
 * Phase 1: yesterday's new customers (every worker's, as announced for word of mouth) count down
 * the needs of the friends this worker owns; those whose need reaches 0 and who are not customers
 * adopt today, attributed to channel direct and to the smallest-numbered friend who adopted
 * yesterday. Counting down is not idempotent, so it runs once a day: a phase 1 rerun (after a
 * shared log overflowed) only writes the day's conversions again.
 */
export function thresholdConversions(world: World, day: number): void {
  if (world.thresholdLeft.length === 0) return;
  const scratch = world.scratch;
  if (scratch.reachedDay !== day) {
    scratch.reachedCount = 0;
    countDown(world, day);
    scratch.reachedDay = day;
  }
  const reached = scratch.reached;
  for (let k = 0; k < 2 * scratch.reachedCount; k += 2) world.log.push(EXPOSE, CH_DIRECT, 1, reached[k], reached[k + 1], day);
}

function countDown(world: World, day: number): void {
  const { lo, hi } = world.partition;
  const { offsets, neighbors } = world.ties;
  const left = world.thresholdLeft;
  const status = world.state.status;
  const announced = world.announced;
  for (let w = 0; w < announced.length; w++) {
    const list = announced[w].list;
    const n = announced[w].count;
    for (let k = 0; k < n; k++) {
      const source = list[k];
      // The owned friends are a contiguous part of the sorted row: find its start by bisection.
      let e = offsets[source];
      const end = offsets[source + 1];
      for (let top = end; e < top; ) {
        const mid = (e + top) >>> 1;
        if (neighbors[mid] < lo) e = mid + 1;
        else top = mid;
      }
      for (; e < end; e++) {
        const friend = neighbors[e];
        if (friend >= hi) break;
        const need = left[friend];
        if (need === 0) continue;
        left[friend] = need - 1;
        if (need === 1 && status[friend] !== CUSTOMER) pushReached(world, friend, completingFriend(world, friend, day - 1));
      }
    }
  }
}

/** The smallest-numbered friend whose first purchase was on `adoptedOn` (rows are sorted). */
function completingFriend(world: World, agent: number, adoptedOn: number): number {
  const { offsets, neighbors } = world.ties;
  const adoptDay = world.state.adoptDay;
  for (let e = offsets[agent]; e < offsets[agent + 1]; e++) if (adoptDay[neighbors[e]] === adoptedOn) return neighbors[e];
  return -1;
}

function pushReached(world: World, agent: number, source: number): void {
  const scratch = world.scratch;
  if (2 * scratch.reachedCount === scratch.reached.length) {
    const grown = new Int32Array(scratch.reached.length * 2);
    grown.set(scratch.reached);
    scratch.reached = grown;
  }
  scratch.reached[2 * scratch.reachedCount] = agent;
  scratch.reached[2 * scratch.reachedCount + 1] = source;
  scratch.reachedCount++;
}

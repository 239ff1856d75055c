// The threshold rule on a small graph worked out by hand, the named seed sets, and the rule's
// independence from reruns and from how agents are split.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../src/scenario/load.ts';
import { createWorld } from '../../src/engine/world.ts';
import { createParts } from '../../src/engine/build.ts';
import { dayParameters } from '../../src/engine/parameters.ts';
import type { ImportedTies } from '../../src/scenario/types.ts';
import { dayPhase1 } from '../../src/engine/day-phase1.ts';
import { dayPhase2 } from '../../src/engine/day-phase2.ts';
import { CH_DIRECT, CH_ORGANIC } from '../../src/engine/parameters.ts';
import { CUSTOMER, NEVER } from '../../src/engine/state.ts';
import { seedMarks } from '../../src/engine/seed-customers.ts';
import { friendsNeeded } from '../../src/engine/threshold.ts';
import { RECORD_INTS } from '../../src/engine/record-log.ts';
import { runWorld, simulate } from '../../src/engine/simulation.ts';
import { seriesValue } from '../../src/engine/metrics.ts';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import type { Override } from '../../src/scenario/overrides.ts';
import { cascadeFinalSize, poissonDegrees, thresholdCascadeSize } from '../support/oracles.ts';

/** Seven agents; friends: 0: 2 · 1: 2 3 4 · 2: 0 1 4 · 3: 1 4 5 · 4: 1 2 3 5 · 5: 3 4 6 · 6: 5. */
const TIES: [number, number][] = [
  [0, 2],
  [1, 2],
  [1, 3],
  [1, 4],
  [2, 4],
  [3, 4],
  [3, 5],
  [4, 5],
  [5, 6],
];
const edgeList = (): ImportedTies => ({ u: Uint32Array.from(TIES, ([a]) => a), v: Uint32Array.from(TIES, ([, b]) => b), length: TIES.length });

/** One tier, no channel but the threshold and the named seeds (nobody shares). */
function scenario(threshold: string, seeds = '"agents": [0, 1]') {
  const text = `{
    "name": "hand", "days": 10, "population": { "agents": 7 },
    "tiers": [{ "name": "all", "share": 1, "sharing": { "median": 0, "sigma": 0 } }],
    "network": { "kind": "edge-list", "edgeList": "ties.csv" },
    "threshold": ${threshold},
    "seedCustomers": { ${seeds} }
  }`;
  return resolveScenario(text, 'hand.json', () => undefined).scenario;
}

function run(threshold: string, seeds?: string) {
  const s = scenario(threshold, seeds);
  const params = dayParameters(s);
  const world = createWorld(s, 1, createParts(s, 1, params, undefined, edgeList()), params);
  runWorld(world);
  return world.state;
}

const NO = NEVER;

describe('threshold contagion on a hand-checked graph', () => {
  it('absolute m = 2: each agent adopts the day after its second friend did, from the friend who completed it', () => {
    const state = run('{ "friends": 2 }');
    // Day 1: 2 (friends 0 and 1, both seeds: the smaller, 0, completed it). Day 2: 4 (1 counted
    // on day 1, 2 completes). Day 3: 3 (1, then 4). Day 4: 5 (4 on day 3, then 3). 6 has one friend.
    expect(Array.from(state.adoptDay)).toEqual([0, 0, 1, 3, 2, 4, NO]);
    expect(Array.from(state.firstSource)).toEqual([-1, -1, 0, 4, 2, 3, -1]);
    expect(Array.from(state.firstChannel)).toEqual([CH_ORGANIC, CH_ORGANIC, CH_DIRECT, CH_DIRECT, CH_DIRECT, CH_DIRECT, -1]);
  });

  it('fractional φ = 0.5: an agent with k friends needs ⌈k/2⌉ of them', () => {
    const state = run('{ "fraction": 0.5 }');
    // Needs: 2 for degrees 3 and 4, 1 for degree 1. As above up to day 4; then 6, whose one friend
    // 5 is enough, adopts on day 5.
    expect(Array.from(state.adoptDay)).toEqual([0, 0, 1, 3, 2, 4, 5]);
    expect(Array.from(state.firstSource)).toEqual([-1, -1, 0, 4, 2, 3, 5]);
    expect(Array.from(state.status).every((s) => s === CUSTOMER)).toBe(true);
  });

  it('a threshold above every degree converts nobody beyond the seeds', () => {
    const state = run('{ "friends": 5 }');
    expect(Array.from(state.adoptDay)).toEqual([0, 0, NO, NO, NO, NO, NO]);
  });

  it('rounds φ·k up, but not float dust above an integer', () => {
    expect(friendsNeeded({ fraction: 0.3 }, 10)).toBe(3); // 0.3 · 10 = 3.0000000000000004
    expect(friendsNeeded({ fraction: 0.18 }, 5)).toBe(1);
    expect(friendsNeeded({ fraction: 0.18 }, 6)).toBe(2);
    expect(friendsNeeded({ fraction: 1 }, 4)).toBe(4);
    expect(friendsNeeded({ friends: 3 }, 2)).toBe(3);
    expect(friendsNeeded({ friends: 3 }, 0)).toBe(0);
  });

  it('counts each day once: a phase 1 run twice (as after a log overflow) writes the same records and the same result', () => {
    const s = scenario('{ "fraction": 0.5 }');
    const params = dayParameters(s);
    const world = createWorld(s, 1, createParts(s, 1, params, undefined, edgeList()), params);
    runWorld(world, () => false); // day 0 and day 1
    for (let day = 2; day <= s.days; day++) {
      dayPhase1(world, day);
      const first = Array.from(world.log.data.subarray(0, world.log.length * RECORD_INTS));
      const left = Array.from(world.thresholdLeft);
      dayPhase1(world, day);
      expect(Array.from(world.log.data.subarray(0, world.log.length * RECORD_INTS))).toEqual(first);
      expect(Array.from(world.thresholdLeft)).toEqual(left);
      dayPhase2(world, day, [world.log]);
    }
    expect(Array.from(world.state.adoptDay)).toEqual([0, 0, 1, 3, 2, 4, 5]);
  });
});

describe('named seed sets', () => {
  const parts = () => {
    const s = scenario('{ "friends": 2 }');
    return createParts(s, 1, dayParameters(s), undefined, edgeList()).ties;
  };

  it('highest degree k takes the best-connected agents, equal degrees by smaller number', () => {
    const s = scenario('{ "friends": 2 }', '"highestDegree": 2');
    const marks = seedMarks(s, parts(), 0, 7)!;
    // Agent 4 has 4 friends; 1, 2, 3 and 5 have 3: the cut takes 1.
    expect(Array.from(marks)).toEqual([0, 1, 0, 0, 1, 0, 0]);
  });

  it('marks the same agents however the agents are split between workers', () => {
    const s = scenario('{ "friends": 2 }', '"highestDegree": 4, "agents": [6]');
    const ties = parts();
    const whole = Array.from(seedMarks(s, ties, 0, 7)!);
    expect(whole).toEqual([0, 1, 1, 1, 1, 0, 1]);
    for (const cut of [1, 2, 3, 4, 5, 6]) {
      expect([...seedMarks(s, ties, 0, cut)!, ...seedMarks(s, ties, cut, 7)!]).toEqual(whole);
    }
  });

  it('makes the named agents customers on day 0, with the organic channel', () => {
    const state = run('{ "friends": 9 }', '"agents": [3, 6]');
    expect(Array.from(state.adoptDay)).toEqual([NO, NO, NO, 0, NO, NO, 0]);
    expect(state.firstChannel[3]).toBe(CH_ORGANIC);
  });
});

describe('the simple and complex contagion lessons', () => {
  const finalShare = (file: string, overrides: Override[], seed: number) => {
    const s = loadScenarioFile(`scenarios/${file}.json`, overrides).scenario;
    const series = simulate(s, { seed }).series;
    return seriesValue(series, s.days, series.tiers, 'customers') / s.population.agents;
  };

  it('simple contagion from a single customer reaches the connected town, S = 1 − e^(−zS)', () => {
    const share = finalShare('simple-contagion', [{ path: 'tiers[0].initialCustomers', value: 0 }, { path: 'seedCustomers', value: { agents: [0] } }], 1);
    expect(Math.abs(share - cascadeFinalSize(6))).toBeLessThan(0.005);
  });

  it('complex contagion stalls from 1 % seeds and takes the town from 2 %, as Gleeson–Cahalane say', () => {
    const need2 = (k: number) => friendsNeeded({ friends: 2 }, k);
    for (const seeds of [0.01, 0.02]) {
      const expected = thresholdCascadeSize(poissonDegrees(6), need2, seeds);
      const share = finalShare('complex-contagion', [{ path: 'tiers[0].initialCustomers', value: seeds }], 1);
      expect(Math.abs(share - expected)).toBeLessThan(0.01);
    }
    expect(thresholdCascadeSize(poissonDegrees(6), need2, 0.01)).toBeLessThan(0.02);
    expect(thresholdCascadeSize(poissonDegrees(6), need2, 0.02)).toBeGreaterThan(0.95);
  });
});

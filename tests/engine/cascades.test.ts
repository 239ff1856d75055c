// Who told whom, in the engine: the order the cascade table is read in, the fixed rule that settles
// two conversions of one agent on one day, and what a source is (someone who could have told the
// agent, and knew of the shop before).
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import type { Override } from '../../src/scenario/overrides.ts';
import { createParts, createWorld, dayParameters, runWorld, type World } from '../../src/engine/index.ts';
import { cascadeOrder, cascadeRows, followShare } from '../../src/engine/cascades.ts';
import { dayPhase2 } from '../../src/engine/day-phase2.ts';
import { EXPOSE, RecordLog } from '../../src/engine/record-log.ts';
import { CH_AD, CH_DIRECT, CH_FEED, CH_GROUP, CH_OFFLINE, SOCIAL_CHANNEL_COUNT } from '../../src/engine/parameters.ts';
import { NEVER } from '../../src/engine/state.ts';

const scenarioOf = (file: string, overrides: Override[]) => loadScenarioFile(`scenarios/${file}.json`, overrides).scenario;

function ranWorld(file: string, overrides: Override[], seed: number): World {
  const scenario = scenarioOf(file, overrides);
  const world = createWorld(scenario, seed, createParts(scenario, seed, dayParameters(scenario)), dayParameters(scenario));
  runWorld(world);
  return world;
}

function isTie(world: World, a: number, b: number): boolean {
  const { offsets, neighbors } = world.ties;
  for (let e = offsets[a]; e < offsets[a + 1]; e++) if (neighbors[e] === b) return true;
  return false;
}

function shareGroup(world: World, a: number, b: number): boolean {
  const { groupOffsets, groupsOf, memberOffsets, members } = world.groups;
  for (let g = groupOffsets[a]; g < groupOffsets[a + 1]; g++) {
    const group = groupsOf[g];
    for (let m = memberOffsets[group]; m < memberOffsets[group + 1]; m++) if (members[m] === b) return true;
  }
  return false;
}

/** The default world with word of mouth along ties, every social channel and repeat shares. */
const TOLD: Override[] = [
  { path: 'population.agents', value: 6000 },
  { path: 'days', value: 200 },
  { path: 'channels.direct.dailyContact', value: 0.02 },
];

describe('cascades in the engine', () => {
  const world = ranWorld('jd-tencent-2014', TOLD, 3);
  const s = world.state;

  it('orders every customer once, by the day of the first purchase, then by agent', () => {
    const order = Array.from(cascadeOrder(s, world.days));
    const expected: number[] = [];
    for (let i = 0; i < world.population.agents; i++) if (s.adoptDay[i] !== NEVER) expected.push(i);
    expected.sort((a, b) => s.adoptDay[a] - s.adoptDay[b] || a - b);
    expect(order.length).toBeGreaterThan(1000);
    expect(order).toEqual(expected);
  });

  it('reads rows in any slices with the buyer, day, channel, source and both tiers', () => {
    const order = cascadeOrder(s, world.days);
    const whole = cascadeRows(s, world.population, order, 0, order.length);
    const cut = Math.floor(order.length / 3);
    const pieces = [cascadeRows(s, world.population, order, 0, cut), cascadeRows(s, world.population, order, cut, order.length + 50)];
    expect(pieces[0].agent.length + pieces[1].agent.length).toBe(order.length);
    expect([...pieces[0].source, ...pieces[1].source]).toEqual([...whole.source]);
    for (let k = 0; k < order.length; k++) {
      const agent = whole.agent[k];
      const source = whole.source[k];
      expect([whole.tier[k], whole.day[k], whole.channel[k], source]).toEqual([world.population.tier[agent], s.adoptDay[agent], s.firstChannel[agent], s.firstSource[agent]]);
      expect(whole.sourceTier[k]).toBe(source >= 0 ? world.population.tier[source] : -1);
    }
  });

  it('names as source only someone who could have told the agent, and who had bought before that day', () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < world.population.agents; i++) {
      const source = s.firstSource[i];
      if (source < 0) continue;
      const channel = s.firstChannel[i];
      counts[channel]++;
      expect(channel).toBeLessThan(SOCIAL_CHANNEL_COUNT);
      // Direct shares, feeds and word of mouth travel along ties; a group post reaches the group.
      expect(channel === CH_GROUP ? shareGroup(world, i, source) : isTie(world, i, source), `agent ${i} from ${source} by channel ${channel}`).toBe(true);
      expect(s.adoptDay[source]).toBeLessThan(s.adoptDay[i]);
    }
    // Every social channel converted someone, so each rule above was exercised.
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });

  it('follows a share back to a first customer, link by link, and lists the cascade that customer started', () => {
    // Children by source, the way a reader would build the cascade: only links to a later buyer.
    const children = new Map<number, number[]>();
    for (let i = 0; i < world.population.agents; i++) {
      const source = s.firstSource[i];
      if (source >= 0 && s.adoptDay[source] < s.adoptDay[i]) children.set(source, [...(children.get(source) ?? []), i]);
    }
    const descendants = (root: number) => {
      const found = [root];
      for (let k = 0; k < found.length; k++) found.push(...(children.get(found[k]) ?? []));
      return found;
    };
    // The longest chain in the world, and an agent nobody told.
    let deepest = 0;
    let depth = 0;
    for (let i = 0; i < world.population.agents; i++) {
      let d = 0;
      for (let at = i; s.firstSource[at] >= 0; at = s.firstSource[at]) d++;
      if (d > depth) [deepest, depth] = [i, d];
    }
    expect(depth).toBeGreaterThanOrEqual(3);
    const trail = followShare(s, world.population, world.days, deepest, 1_000_000);
    const chain = Array.from(trail.chain.agent);
    expect(chain).toHaveLength(depth + 1);
    expect(chain[0]).toBe(deepest);
    for (let k = 1; k < chain.length; k++) {
      expect(chain[k]).toBe(s.firstSource[chain[k - 1]]);
      expect(trail.chain.day[k]).toBeLessThan(trail.chain.day[k - 1]);
    }
    const root = chain.at(-1)!;
    expect(trail.chain.source[chain.length - 1]).toBe(-1);
    const expected = descendants(root);
    expect(trail.cascadeSize).toBe(expected.length);
    expect(new Set(trail.cascade.agent)).toEqual(new Set(expected));
    expect(trail.cascade.agent[0]).toBe(root);
    for (const id of chain) expect(expected).toContain(id);
    // A limit cuts the list, not the count.
    const cut = followShare(s, world.population, world.days, deepest, 3);
    expect([cut.cascade.agent.length, cut.cascadeSize]).toEqual([Math.min(3, expected.length), expected.length]);
  });

  it('lets aware non-buyers be sources (bargain links): they knew of the shop before, bought or not', () => {
    const bargains = ranWorld('jd-tencent-2014', [...TOLD, { path: 'sharing.awareNonBuyers', value: 1 }], 3);
    const b = bargains.state;
    let notYetBuyers = 0;
    for (let i = 0; i < bargains.population.agents; i++) {
      const source = b.firstSource[i];
      if (source < 0) continue;
      expect(b.awareDay[source]).toBeLessThan(b.adoptDay[i]);
      if (b.adoptDay[source] >= b.adoptDay[i]) notYetBuyers++;
    }
    expect(notYetBuyers).toBeGreaterThan(0);
  });
});

describe('two conversions of one agent on one day', () => {
  const scenario = scenarioOf('jd-tencent-2014', [{ path: 'population.agents', value: 500 }, { path: 'days', value: 20 }]);
  const parts = () => createParts(scenario, 1, dayParameters(scenario));
  const DAY = 5;
  const TARGET = 123;
  // [channel, source]: the smallest channel is direct (0), and among direct ones source 40.
  const conversions: [number, number][] = [
    [CH_FEED, 7],
    [CH_DIRECT, 311],
    [CH_AD, -1],
    [CH_DIRECT, 40],
    [CH_GROUP, 2],
    [CH_DIRECT, 77],
    [CH_OFFLINE, -1],
  ];

  /** Applies the conversions in the given order, dealt round-robin into `logs` logs (as from that many workers). */
  function apply(order: readonly number[], logs: number): World {
    const world = createWorld(scenario, 1, parts(), dayParameters(scenario));
    const split = Array.from({ length: logs }, () => new RecordLog(16));
    order.forEach((k, n) => split[n % logs].push(EXPOSE, conversions[k][0], 1, TARGET, conversions[k][1], DAY));
    dayPhase2(world, DAY, split);
    return world;
  }

  it('keeps the smallest channel, then the smallest source, whatever the order and the number of logs', () => {
    const [channel, source] = [...conversions].sort((a, b) => a[0] - b[0] || a[1] - b[1])[0];
    const orders = [
      conversions.map((_, k) => k),
      conversions.map((_, k) => conversions.length - 1 - k),
      [3, 0, 6, 1, 4, 2, 5],
      [5, 1, 3, 2, 0, 4, 6],
    ];
    for (const order of orders) {
      for (const logs of [1, 2, 3]) {
        const s = apply(order, logs).state;
        expect([s.adoptDay[TARGET], s.firstChannel[TARGET], s.firstSource[TARGET]], `order ${order} in ${logs} logs`).toEqual([DAY, channel, source]);
      }
    }
  });

  it('keeps a first purchase of an earlier day', () => {
    const world = createWorld(scenario, 1, parts(), dayParameters(scenario));
    const earlier = new RecordLog(4);
    earlier.push(EXPOSE, CH_FEED, 1, TARGET, 9, DAY - 1);
    dayPhase2(world, DAY - 1, [earlier]);
    const later = new RecordLog(4);
    later.push(EXPOSE, CH_DIRECT, 1, TARGET, 8, DAY);
    dayPhase2(world, DAY, [later]);
    expect([world.state.adoptDay[TARGET], world.state.firstChannel[TARGET], world.state.firstSource[TARGET]]).toEqual([DAY - 1, CH_FEED, 9]);
  });
});

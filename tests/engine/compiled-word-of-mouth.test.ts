// The compiled word-of-mouth step (word-of-mouth.wat) against the TypeScript loop it replaces on
// shared memory: the same bytes, day by day, in every kind of world; and the module in the
// repository is the one its source assembles to.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import type { Override } from '../../src/scenario/overrides.ts';
import { runWorld, simulate } from '../../src/engine/simulation.ts';
import { PairList } from '../../src/engine/ties.ts';
import { seriesValue } from '../../src/engine/metrics.ts';
import { createWorld } from '../../src/engine/world.ts';
import { createParts } from '../../src/engine/build.ts';
import { dayParameters } from '../../src/engine/parameters.ts';
import type { ImportedTies } from '../../src/scenario/types.ts';
import { KernelMemory } from '../../src/engine/kernel-memory.ts';
import { allocateShared } from '../../src/engine/memory.ts';
import { wordOfMouthKernel } from '../../src/engine/compiled-word-of-mouth.ts';
import { GENERATED, wordOfMouthModuleText } from '../../scripts/build-wasm.mjs';

const bytes = (values: Float64Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength);

function both(file: string, overrides: Override[], seed = 5, edgeList?: ImportedTies) {
  const scenario = loadScenarioFile(`scenarios/${file}.json`, overrides).scenario;
  const typescript = simulate(scenario, { seed, edgeList });
  const compiled = simulate(scenario, { seed, edgeList, compiledWordOfMouth: true });
  return { typescript, compiled };
}

describe('compiled word of mouth', () => {
  it('is the module word-of-mouth.wat assembles to (run `npm run wasm` after editing it)', async () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(await wordOfMouthModuleText());
  });

  const worlds: [string, string, Override[]][] = [
    ['the reference workload', 'reference/bass-network', [{ path: 'population.agents', value: 30_000 }, { path: 'days', value: 120 }]],
    ['the slow reference', 'reference/bass-network-slow', [{ path: 'population.agents', value: 30_000 }, { path: 'days', value: 200 }]],
    // The default scenario tells friends through shares only; daily contact turns word of mouth
    // along its tiered, clustered ties on (a pace per agent: susceptibility varies).
    ['the default scenario (tiers, groups, feeds, festivals, repeats)', 'jd-tencent-2014', [{ path: 'population.agents', value: 20_000 }, { path: 'channels.direct.dailyContact', value: 0.05 }]],
    ['a world with lapses and win-backs', 'reference/bass-network-slow', [{ path: 'population.agents', value: 20_000 }, { path: 'days', value: 200 }, { path: 'lapseAfterDays', value: 20 }]],
  ];
  for (const [name, file, overrides] of worlds) {
    it(`gives the TypeScript loop's bytes on ${name}`, () => {
      const { typescript, compiled } = both(file, overrides);
      expect(seriesValue(typescript.series, typescript.series.days, typescript.series.tiers, 'customers')).toBeGreaterThan(0);
      expect(bytes(compiled.series.values).equals(bytes(typescript.series.values))).toBe(true);
      expect(compiled.flow).toEqual(typescript.flow);
    });
  }

  it('attributes every adoption to the same friend (the earliest proposal, ties to the smaller source)', () => {
    // The series count adoptions by tier; who told whom is in the agents' state. Run both ways by
    // hand and compare it agent by agent.
    const scenario = loadScenarioFile('scenarios/reference/bass-network.json', [{ path: 'population.agents', value: 30_000 }, { path: 'days', value: 120 }]).scenario;
    const run = (compiled: boolean) => {
      const kernel = compiled ? KernelMemory.create(allocateShared) : null;
      const params = dayParameters(scenario);
      const world = createWorld(scenario, 9, createParts(scenario, 9, params, undefined, undefined, kernel), params);
      expect(wordOfMouthKernel(world)).toBe(compiled ? 'webassembly' : 'typescript');
      runWorld(world);
      return world.state;
    };
    const typescript = run(false);
    const compiled = run(true);
    const byFriend = Array.from(typescript.firstSource).filter((s) => s >= 0).length;
    expect(byFriend).toBeGreaterThan(20_000);
    expect(Array.from(compiled.firstSource)).toEqual(Array.from(typescript.firstSource));
    expect(Array.from(compiled.adoptDay)).toEqual(Array.from(typescript.adoptDay));
    expect(Array.from(compiled.wordOfMouthSource)).toEqual(Array.from(typescript.wordOfMouthSource));
  });

  it('leaves a world that does not fit in its kernel memory to the TypeScript loop, with the same results', () => {
    // 32 pages (2 MiB) hold the table but not the ties (2.4 MB): they go to ordinary shared memory, and the
    // world must not run compiled over arrays the module cannot address.
    const scenario = loadScenarioFile('scenarios/reference/bass-network.json', [{ path: 'population.agents', value: 30_000 }, { path: 'days', value: 60 }]).scenario;
    const kernel = KernelMemory.create(allocateShared, 32)!;
    const params = dayParameters(scenario);
    const parts = createParts(scenario, 9, params, undefined, undefined, kernel);
    expect(kernel.complete).toBe(false);
    expect(parts.kernelMemory).toBeUndefined();
    const world = createWorld(scenario, 9, parts, params);
    expect(wordOfMouthKernel(world)).toBe('typescript');
    const ledger = runWorld(world);
    expect(bytes(ledger.series.values).equals(bytes(simulate(scenario, { seed: 9 }).series.values))).toBe(true);
  });

  it('makes room for a row longer than its outputs (a hub with 70,000 friends)', () => {
    // A star: agent 0 tied to everyone. Once the hub buys, its row (70,000 friends) does not fit
    // the first output buffers (65,536 pairs), which must grow rather than stall or drop friends.
    const agents = 70_001;
    const pairs = new PairList(0);
    for (let leaf = 1; leaf < agents; leaf++) pairs.push(0, leaf);
    const { typescript, compiled } = both(
      'reference/bass-network',
      [
        { path: 'population.agents', value: agents },
        { path: 'network.kind', value: 'edge-list' },
        { path: 'network.edgeList', value: 'star.csv' },
        { path: 'days', value: 60 },
      ],
      5,
      pairs,
    );
    expect(typescript.flow[0][0]).toBeGreaterThan(1000); // the hub told thousands of leaves
    expect(bytes(compiled.series.values).equals(bytes(typescript.series.values))).toBe(true);
  });
});

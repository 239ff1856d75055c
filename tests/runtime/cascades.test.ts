// Who told whom read back from engine workers: the same rows as the in-thread run on any number of
// workers, whether they share memory (word of mouth compiled to WebAssembly) or carry the logs
// between private replicas (word of mouth in TypeScript).
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { createParts, createWorld, dayParameters, runWorld } from '../../src/engine/index.ts';
import { cascadeOrder, cascadeRows, type CascadeRows } from '../../src/engine/cascades.ts';
import { Simulation } from '../../src/runtime/coordinator.ts';
import { spawnNodeWorker } from '../../src/runtime/node.ts';

const scenario = loadScenarioFile('scenarios/jd-tencent-2014.json', [
  { path: 'population.agents', value: 12_000 },
  { path: 'days', value: 90 },
  { path: 'channels.direct.dailyContact', value: 0.03 },
]).scenario;
const SEED = 8;

const COLUMNS = ['agent', 'tier', 'day', 'channel', 'source', 'sourceTier'] as const;

/** Chunks joined column by column, as bytes. */
function joined(chunks: CascadeRows[]): Record<(typeof COLUMNS)[number], string> {
  const column = (c: (typeof COLUMNS)[number]) => Buffer.concat(chunks.map((rows) => Buffer.from(rows[c].buffer, rows[c].byteOffset, rows[c].byteLength))).toString('hex');
  return Object.fromEntries(COLUMNS.map((c) => [c, column(c)])) as Record<(typeof COLUMNS)[number], string>;
}

describe('cascades from engine workers', () => {
  const world = createWorld(scenario, SEED, createParts(scenario, SEED, dayParameters(scenario)), dayParameters(scenario));
  runWorld(world);
  const order = cascadeOrder(world.state, world.days);
  const whole = cascadeRows(world.state, world.population, order, 0, order.length);
  const reference = joined([whole]);

  it('are the in-thread rows on 1, 2 and 4 workers on shared memory, on 2 and 4 transferring logs, in chunks of any size', async () => {
    expect(whole.source.filter((s) => s >= 0).length).toBeGreaterThan(1000);
    for (const shared of [true, false]) {
      // One worker transferring logs is the in-thread run with a message in between: left out for time.
      for (const workers of shared ? [1, 2, 4] : [2, 4]) {
        const sim = await Simulation.create(scenario, { seed: SEED, workers, spawn: spawnNodeWorker, shared });
        try {
          expect(sim.wordOfMouth).toBe(shared ? 'webassembly' : 'typescript');
          while (!sim.done) await sim.step(50);
          const chunks: CascadeRows[] = [];
          // An odd chunk size, so rows straddle the calls.
          for await (const rows of sim.cascades(997)) chunks.push(rows);
          expect(chunks.length).toBe(Math.ceil(order.length / 997));
          expect(joined(chunks), `shared=${shared} workers=${workers}`).toEqual(reference);
        } finally {
          sim.dispose();
        }
      }
    }
  });
});

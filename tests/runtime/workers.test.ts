import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { simulate } from '../../src/engine/simulation.ts';
import { seriesValue } from '../../src/engine/metrics.ts';
import { Simulation, type WorkerHost } from '../../src/runtime/coordinator.ts';
import { runScenario, spawnNodeWorker } from '../../src/runtime/node.ts';
import { WorldTooLargeError } from '../../src/engine/memory-estimate.ts';
import type { EngineWorkerApi } from '../../src/runtime/protocol.ts';

const small = loadScenarioFile('scenarios/jd-tencent-2014.json', [{ path: 'population.agents', value: 20_000 }]).scenario;
/** The same world with word of mouth along ties (the default scenario tells friends by shares only). */
const told = loadScenarioFile('scenarios/jd-tencent-2014.json', [{ path: 'population.agents', value: 20_000 }, { path: 'channels.direct.dailyContact', value: 0.05 }]).scenario;
const bytes = (values: Float64Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength);

describe('engine workers', () => {
  it('give byte-identical daily series on 1, 2 and 4 workers, shared memory or not, equal to the in-thread run', async () => {
    for (const scenario of [small, told]) {
      const reference = bytes(simulate(scenario, { seed: 42 }).series.values);
      const wordOfMouth = scenario === told;
      for (const shared of [true, false]) {
        for (const workers of [1, 2, 4]) {
          const sim = await Simulation.create(scenario, { seed: 42, workers, spawn: spawnNodeWorker, shared });
          try {
            // On shared memory the workers run word of mouth compiled (four workers: the middle
            // ones find their friends by bisection); transferring, in TypeScript.
            expect(sim.wordOfMouth).toBe(!wordOfMouth ? 'off' : shared ? 'webassembly' : 'typescript');
            while (!sim.done) await sim.step(100);
            expect(bytes(sim.series.values).equals(reference), `word of mouth=${wordOfMouth} shared=${shared} workers=${workers}`).toBe(true);
          } finally {
            sim.dispose();
          }
        }
      }
    }
  });

  it('grows the shared record logs when a day produces more records than fit, with the same result', async () => {
    // The reference workload's busy days convert thousands of agents per worker, more records than
    // logs started at 1,024 hold; each such day's phase 1 runs again, word-of-mouth proposals
    // included (they wrote the owned table directly the first time, and must change nothing now).
    const bass = loadScenarioFile('scenarios/reference/bass-network.json', [{ path: 'population.agents', value: 50_000 }, { path: 'days', value: 60 }]).scenario;
    const inThread = bytes(simulate(bass, { seed: 3 }).series.values);
    const sim = await Simulation.create(bass, { seed: 3, workers: 2, spawn: spawnNodeWorker, firstLogRecords: 1024 });
    try {
      expect(sim.wordOfMouth).toBe('webassembly');
      const firstCapacity = sim.logCapacity;
      while (!sim.done) await sim.step(60);
      expect(sim.logCapacity).toBeGreaterThan(firstCapacity);
      expect(bytes(sim.series.values).equals(inThread)).toBe(true);
    } finally {
      sim.dispose();
    }
  });

  it('with the threshold rule on, give byte-identical daily series on 1, 2 and 4 workers, with shares and with word of mouth', async () => {
    const threshold = (base: string, more: { path: string; value: unknown }[]) =>
      loadScenarioFile('scenarios/jd-tencent-2014.json', [
        { path: 'population.agents', value: 10_000 },
        { path: 'days', value: 120 },
        ...(base === 'told' ? [{ path: 'channels.direct.dailyContact', value: 0.05 }] : []),
        ...more,
      ]).scenario;
    const cases = [
      // Shares only; the 100 best-connected agents are seeds; 15 % of one's friends.
      [threshold('small', []), threshold('small', [{ path: 'threshold', value: { fraction: 0.15 } }, { path: 'seedCustomers', value: { highestDegree: 100 } }])],
      // Word of mouth along ties too (compiled on shared memory); three friends.
      [threshold('told', []), threshold('told', [{ path: 'threshold', value: { friends: 3 } }])],
    ];
    for (const [without, scenario] of cases) {
      const reference = simulate(scenario, { seed: 42 }).series;
      // The rule changes the run: more buyers through friends (direct) than without it.
      const plain = simulate(without, { seed: 42 }).series;
      let directWith = 0;
      let directWithout = 0;
      for (let day = 1; day <= scenario.days; day++) {
        directWith += seriesValue(reference, day, reference.tiers, 'new_customers_direct');
        directWithout += seriesValue(plain, day, plain.tiers, 'new_customers_direct');
      }
      expect(directWith).toBeGreaterThan(directWithout);
      // Shared memory on 1, 2 and 4 workers; transferred logs (private replicas) on 2 and 4.
      for (const [shared, workers] of [[true, 1], [true, 2], [true, 4], [false, 2], [false, 4]] as const) {
        const sim = await Simulation.create(scenario, { seed: 42, workers, spawn: spawnNodeWorker, shared });
        try {
          while (!sim.done) await sim.step(100);
          expect(bytes(sim.series.values).equals(bytes(reference.values)), `${JSON.stringify(scenario.threshold)} shared=${shared} workers=${workers}`).toBe(true);
        } finally {
          sim.dispose();
        }
      }
    }
  }, 240_000);

  it('grows the shared record logs on a day of many threshold adoptions, counting each friend once', async () => {
    const cascade = loadScenarioFile('scenarios/validation/threshold-watts-er.json', [
      { path: 'population.agents', value: 50_000 },
      { path: 'tiers[0].initialCustomers', value: 0.02 },
      { path: 'days', value: 40 },
    ]).scenario;
    const inThread = bytes(simulate(cascade, { seed: 5 }).series.values);
    const sim = await Simulation.create(cascade, { seed: 5, workers: 2, spawn: spawnNodeWorker, firstLogRecords: 1024 });
    try {
      const firstCapacity = sim.logCapacity;
      while (!sim.done) await sim.step(40);
      expect(sim.logCapacity).toBeGreaterThan(firstCapacity);
      expect(bytes(sim.series.values).equals(inThread)).toBe(true);
    } finally {
      sim.dispose();
    }
  });

  it('surfaces a worker that throws as a rejected promise, not a hang', async () => {
    const sim = await Simulation.create(small, { seed: 1, workers: 2, spawn: spawnNodeWorker });
    try {
      const hosts = (sim as unknown as { hosts: WorkerHost[] }).hosts;
      // A call out of turn throws inside the worker: the transfer calls need a transferStart first.
      await expect(hosts[1].api.transferRecords([])).rejects.toThrow('transferStart first');
    } finally {
      sim.dispose();
    }
  });

  it('rejects pending work when a worker dies or fails to load', async () => {
    const broken: typeof spawnNodeWorker = (index) => {
      const worker = new Worker('throw new Error("cannot load the engine")', { eval: true });
      const failed = new Promise<never>((_, reject) => worker.once('error', (e) => reject(new Error(`engine worker ${index} failed: ${e.message}`))));
      failed.catch(() => undefined);
      return { api: wrap<EngineWorkerApi>(nodeEndpoint(worker)), failed, terminate: () => void worker.terminate() };
    };
    const started = performance.now();
    await expect(Simulation.create(small, { seed: 1, workers: 2, spawn: broken })).rejects.toThrow(/cannot load the engine/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('stops within 200 ms of a cancel', async () => {
    const big = loadScenarioFile('scenarios/reference/bass-network-slow.json', [{ path: 'population.agents', value: 300_000 }]).scenario;
    const controller = new AbortController();
    let cancelledAt = 0;
    const run = runScenario(big, {
      seed: 1,
      workers: 2,
      signal: controller.signal,
      onDay: (day) => {
        if (day >= 20 && cancelledAt === 0) {
          cancelledAt = performance.now();
          controller.abort();
        }
      },
    });
    await expect(run).rejects.toThrow(/cancelled/);
    expect(cancelledAt).toBeGreaterThan(0);
    expect(performance.now() - cancelledAt).toBeLessThan(200);
  });

  it('refuses a world that cannot fit in memory, with the estimate, before allocating', async () => {
    const huge = loadScenarioFile('scenarios/reference/bass-network.json', [{ path: 'population.agents', value: 400_000_000 }]).scenario;
    const attempt = runScenario(huge, { seed: 1, workers: 2 });
    await expect(attempt).rejects.toBeInstanceOf(WorldTooLargeError);
    await expect(attempt).rejects.toThrow(/needs about [\d.]+ GiB .* bytes per agent/);
  });
});

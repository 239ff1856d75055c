// Runs one scenario in real Web Workers on 1, 2 and 4 workers, with shared memory (when the page
// is cross-origin isolated) and with transferred logs, and publishes each run's series digest.
import scenarioText from '../../../scenarios/jd-tencent-2014.json?raw';
import { resolveScenario } from '../../../src/scenario/load.ts';
import { Simulation } from '../../../src/runtime/coordinator.ts';
import { canShareMemory, spawnBrowserWorker } from '../../../src/runtime/browser.ts';

async function digest(values: Float64Array): Promise<string> {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
  const hash = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const agents = Number(params.get('agents') ?? 20000);
  const seed = Number(params.get('seed') ?? 42);
  // With word of mouth along ties, so that the compiled step runs in the Web Workers too.
  const { scenario } = resolveScenario(scenarioText, 'scenarios/jd-tencent-2014.json', () => undefined, [
    { path: 'population.agents', value: agents },
    { path: 'channels.direct.dailyContact', value: 0.05 },
  ]);
  const runs: { workers: number; shared: boolean; wordOfMouth: string; digest: string }[] = [];
  const modes = canShareMemory() ? [true, false] : [false];
  for (const shared of modes) {
    for (const workers of [1, 2, 4]) {
      const sim = await Simulation.create(scenario, { seed, workers, shared, spawn: spawnBrowserWorker });
      while (!sim.done) await sim.step(100);
      runs.push({ workers, shared, wordOfMouth: sim.wordOfMouth, digest: await digest(sim.series.values) });
      sim.dispose();
    }
  }
  const report = { crossOriginIsolated: globalThis.crossOriginIsolated === true, runs };
  (globalThis as unknown as { determinism: unknown }).determinism = report;
  document.getElementById('result')!.textContent = JSON.stringify(report, null, 2);
}

main().catch((error: unknown) => {
  (globalThis as unknown as { determinism: unknown }).determinism = { error: String(error) };
});

// The same determinism in a real browser: Debian's Chromium runs the engine in Web Workers and
// must produce the very bytes Node produces, whatever the number of workers and with or without
// SharedArrayBuffer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createServer, type ViteDevServer } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { simulate } from '../../src/engine/simulation.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface Report {
  crossOriginIsolated: boolean;
  runs: { workers: number; shared: boolean; wordOfMouth: string; digest: string }[];
  error?: string;
}

async function serve(isolated: boolean): Promise<ViteDevServer> {
  const server = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    server: { port: 0, host: '127.0.0.1', headers: isolated ? undefined : {} },
  });
  if (!isolated) server.config.server.headers = {};
  await server.listen();
  return server;
}

describe('determinism in Chromium', () => {
  let browser: Browser;
  const servers: ViteDevServer[] = [];
  const scenario = loadScenarioFile('scenarios/jd-tencent-2014.json', [
    { path: 'population.agents', value: 20000 },
    { path: 'channels.direct.dailyContact', value: 0.05 },
  ]).scenario;
  const values = simulate(scenario, { seed: 42 }).series.values;
  const nodeDigest = createHash('sha256').update(Buffer.from(values.buffer, values.byteOffset, values.byteLength)).digest('hex');

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  for (const isolated of [true, false]) {
    it(`matches Node's bytes on 1, 2 and 4 Web Workers ${isolated ? 'cross-origin isolated (shared memory and transferred logs)' : 'on a plain host (transferred logs)'}`, async () => {
      const server = await serve(isolated);
      servers.push(server);
      const page = await browser.newPage();
      try {
        await page.goto(`${server.resolvedUrls!.local[0]}tests/runtime/browser/determinism.html?agents=20000&seed=42`);
        await page.waitForFunction(() => (globalThis as unknown as { determinism?: unknown }).determinism !== undefined, undefined, { timeout: 90_000 });
        const report = (await page.evaluate(() => (globalThis as unknown as { determinism: unknown }).determinism)) as Report;
        expect(report.error).toBeUndefined();
        expect(report.crossOriginIsolated).toBe(isolated);
        expect(report.runs.length).toBe(isolated ? 6 : 3);
        for (const run of report.runs) {
          expect(run.digest, `workers=${run.workers} shared=${run.shared}`).toBe(nodeDigest);
          // Shared memory: word of mouth compiled to WebAssembly in the Web Workers too.
          expect(run.wordOfMouth, `workers=${run.workers} shared=${run.shared}`).toBe(run.shared ? 'webassembly' : 'typescript');
        }
      } finally {
        await page.close();
      }
    });
  }
});

// Measures the page while it plays a world of 1,000,000 agents, once cross-origin isolated and once
// on a plain static host: frames per second, the longest main-thread task (PerformanceObserver
// 'longtask', which reports tasks over 50 ms), the longest gap between frames, and days per second.
// Prints figures; asserts nothing, since timings depend on the machine.
//   npx tsx tests/view/measure.ts [agents=1000000] [seconds=20]
import type { Page } from 'playwright-core';
import { buildPage, launchChromium, removeBuild, servePreview, serveStatic } from '../support/browser.ts';

const agents = Number(process.argv[2] ?? 1_000_000);
const seconds = Number(process.argv[3] ?? 20);

/**
 * Installed before the page's own scripts, so setup is observed too. Written as text: a compiled
 * function could carry helpers of the TypeScript runner (esbuild's `__name`) the page does not have.
 */
const OBSERVE = `
  window.perf = { frames: 0, worstGap: 0, last: 0, longest: 0, longTasks: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.perf.longest = Math.max(window.perf.longest, entry.duration);
      window.perf.longTasks++;
    }
  }).observe({ type: 'longtask', buffered: true });
  const tick = (now) => {
    if (window.perf.last > 0) window.perf.worstGap = Math.max(window.perf.worstGap, now - window.perf.last);
    window.perf.last = now;
    window.perf.frames++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

interface Window {
  frames: number;
  worstGap: number;
  longest: number;
  longTasks: number;
}

const read = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { perf: Window }).perf }));
const restartCounters = (page: Page) => page.evaluate(() => Object.assign((window as unknown as { perf: Window & { last: number } }).perf, { frames: 0, worstGap: 0, last: 0, longest: 0, longTasks: 0 }));
const day = async (page: Page) => Number(await page.locator('[data-testid=day]').textContent());

/** Plays from day 0 at `speed` for the measuring time (the run must not end early: 770 days). */
async function measure(page: Page, speed: string): Promise<string> {
  await page.click('[data-testid=reset]');
  await page.waitForFunction(() => document.querySelector('[data-testid=day]')?.textContent === '0', undefined, { timeout: 300_000 });
  await page.selectOption('[data-testid=speed]', speed);
  const from = await day(page);
  await restartCounters(page);
  const started = Date.now();
  await page.click('[data-testid=play]');
  await page.waitForTimeout(seconds * 1000);
  const figures = await read(page);
  const elapsed = (Date.now() - started) / 1000;
  await page.click('[data-testid=play]');
  const days = (await day(page)) - from;
  return [
    `speed ${speed.padEnd(3)}: ${(figures.frames / elapsed).toFixed(1)} fps`,
    `longest main-thread task ${figures.longTasks === 0 ? 'none over 50 ms' : `${figures.longest.toFixed(0)} ms (${figures.longTasks} over 50 ms)`}`,
    `longest gap between frames ${figures.worstGap.toFixed(0)} ms`,
    `${(days / elapsed).toFixed(1)} days/s (${days} days in ${elapsed.toFixed(1)} s)`,
  ].join(' · ');
}

const outDir = await buildPage();
const browser = await launchChromium();
try {
  for (const [mode, serve] of [
    ['cross-origin isolated', servePreview],
    ['plain static host', serveStatic],
  ] as const) {
    const server = await serve(outDir);
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.addInitScript({ content: OBSERVE });
      const opened = Date.now();
      await page.goto(`${server.url}?set=population.agents=${agents}`);
      await page.waitForFunction(() => document.querySelector('[data-testid=day]')?.textContent === '0', undefined, { timeout: 300_000 });
      const setup = await read(page);
      console.log(`\n${mode} (crossOriginIsolated=${await page.evaluate(() => crossOriginIsolated)}), ${agents.toLocaleString('en-US')} agents`);
      console.log(`  ${await page.locator('[data-testid=status]').textContent()}`);
      console.log(`  ready in ${((Date.now() - opened) / 1000).toFixed(1)} s; longest main-thread task while building ${setup.longTasks === 0 ? 'none over 50 ms' : `${setup.longest.toFixed(0)} ms`}`);
      for (const speed of ['30', 'max']) console.log(`  ${await measure(page, speed)}`);
      await page.close();
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
  await removeBuild(outDir);
}

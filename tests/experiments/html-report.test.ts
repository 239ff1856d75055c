import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/experiments/compare-command.ts';
import { nodeExperimentMachine } from '../../src/cli/experiments/commands.ts';
import { experimentCommand } from '../../src/cli/experiments/experiment-command.ts';
import { fitCommand } from '../../src/cli/experiments/fit-command.ts';
import { escapeXml } from '../../src/experiments/report-charts.ts';
import { findings } from '../../src/experiments/findings.ts';
import type { RunRow } from '../../src/experiments/report.ts';
import { diffRows } from '../../src/experiments/stats.ts';
import { CHROMIUM } from '../support/browser.ts';
import { capturingIo, FIXTURES } from './support/run-experiment.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tierwave-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What would make a report depend on anything outside its own file. */
function externalReferences(html: string): string[] {
  return [...html.matchAll(/(?:src|href|srcset|action|xlink:href)\s*=\s*["']?\s*[a-z]+:|url\(|@import|<script|<link|<iframe|<img/gi)].map((m) => m[0]);
}

/** The manifest embedded in the report, parsed back. */
function embeddedManifest(html: string): Record<string, unknown> {
  const text = /<pre id="manifest">([\s\S]*?)<\/pre>/.exec(html)![1];
  return JSON.parse(text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

const runs = (dir: string) =>
  (parse(readFileSync(join(dir, 'runs.csv'), 'utf8'), { columns: true, cast: (value, context) => (['run_id', 'replicate', 'seed', 'day', 'value'].includes(String(context.column)) ? Number(value) : value) }) as RunRow[]);

describe('--report', () => {
  it('compare writes one self-contained HTML file with the findings, a chart each, the manifest and the command; it opens offline with every chart drawn, on screen and in print', async () => {
    const out = join(scratch, 'compare');
    const report = join(scratch, 'compare.html');
    const command = 'tierwave compare four-tiers.json more-promoters.json --report compare.html';
    await compareCommand(`${FIXTURES}/four-tiers.json`, [`${FIXTURES}/more-promoters.json`], { replicates: 3, agents: 800, out, report, quiet: true }, capturingIo(), nodeExperimentMachine, command);
    const html = readFileSync(report, 'utf8');
    expect(externalReferences(html)).toEqual([]);
    expect(html).toContain(`<code>${escapeXml(command)}</code>`);
    const manifest = embeddedManifest(html);
    expect(manifest).toEqual(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    // One sentence per tier, as the findings of the folder's own runs say it.
    const said = findings(diffRows(runs(out), 'four-tiers').filter((d) => d.date === '2015-11-11'));
    expect(said).toHaveLength(5);
    for (const f of said) expect(html).toContain(escapeXml(f.sentence));
    // The difference chart of the one variant, and the path of "all" over the reported dates.
    expect(html.match(/<svg /g)).toHaveLength(2);

    const browser = await chromium.launch({ executablePath: CHROMIUM });
    try {
      const context = await browser.newContext({ offline: true });
      const requests: string[] = [];
      context.on('request', (request) => {
        if (!request.url().startsWith('file:')) requests.push(request.url());
      });
      const page = await context.newPage();
      await page.goto(pathToFileURL(report).href);
      for (const media of ['screen', 'print'] as const) {
        await page.emulateMedia({ media });
        const charts = await page.$$eval('svg[data-chart]', (svgs) =>
          svgs.map((svg) => ({ width: svg.getBoundingClientRect().width, height: svg.getBoundingClientRect().height, marks: svg.querySelectorAll('circle').length })),
        );
        expect(charts).toHaveLength(2);
        for (const chart of charts) {
          expect(chart.width).toBeGreaterThan(300);
          expect(chart.height).toBeGreaterThan(100);
          expect(chart.marks).toBeGreaterThan(0);
        }
      }
      expect(await page.$eval('#manifest', (pre) => JSON.parse(pre.textContent!))).toEqual(manifest);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('experiment reports every metric: a difference chart per variant and a path chart per metric', async () => {
    const report = join(scratch, 'experiment.html');
    await experimentCommand(`${FIXTURES}/experiment.json`, { replicates: 2, agents: 600, out: join(scratch, 'experiment'), report, quiet: true }, capturingIo(), nodeExperimentMachine, 'tierwave experiment');
    const html = readFileSync(report, 'utf8');
    expect(externalReferences(html)).toEqual([]);
    // 2 metrics × (2 variants + 1 path).
    expect(html.match(/<svg /g)).toHaveLength(6);
    expect(html).toContain('<h2>customers on 2015-11-11</h2>');
    expect(html).toContain('<h2>new_customers on 2015-11-11</h2>');
  });

  it('fit reports its waves and, per swept parameter, the range each wave sampled', async () => {
    const dir = join(scratch, 'fit');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    copyFileSync(`${FIXTURES}/four-tiers.json`, join(dir, 'four-tiers.json'));
    const file = join(dir, 'fit.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'report-fit',
        baseline: { scenario: 'four-tiers.json' },
        set: { 'population.agents': 500 },
        replicates: 2,
        sweep: { method: 'latin-hypercube', samples: 4, parameters: [{ path: 'tiers[3].offlinePerDay', from: 0.001, to: 0.01 }] },
        targets: [{ metric: 'customers', tier: 'tier 4', date: '2015-11-11', value: 40 }],
      }),
    );
    const report = join(dir, 'fit.html');
    const waves = await fitCommand(file, { out: join(dir, 'out'), waves: 2, report, quiet: true }, capturingIo(), nodeExperimentMachine, 'tierwave fit');
    const html = readFileSync(report, 'utf8');
    expect(externalReferences(html)).toEqual([]);
    expect(html.match(/<svg /g)).toHaveLength(1);
    for (const w of waves) expect(html).toContain(`<tr><td class="number">${w.wave}</td><td>${w.plausible} of ${w.points}</td>`);
    expect((embeddedManifest(html).waves as unknown[]).length).toBe(2);
  });
});

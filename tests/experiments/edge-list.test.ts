// Experiments on an imported network: the edge list a scenario names is read with it, every run of
// the experiment runs on it (each run equal to a single in-thread run with its seed), and the
// manifest records the file and its SHA-256.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ScenarioError } from '../../src/scenario/issues.ts';
import { compareCommand } from '../../src/cli/experiments/compare-command.ts';
import { nodeExperimentMachine } from '../../src/cli/experiments/commands.ts';
import { loadImportedNetwork, loadScenarioFile } from '../../src/scenario/node.ts';
import { withEdgeListSize } from '../../src/scenario/edge-list.ts';
import { simulate } from '../../src/engine/simulation.ts';
import { seriesValue } from '../../src/engine/metrics.ts';
import { scratchDir } from '../cli/tierwave.ts';
import { capturingIo, FIXTURES } from './support/run-experiment.ts';

/** 1,500 agents in four tiers, 6,000 random rows (a few duplicates, which the engine merges). */
function tiesCsv(): string {
  let s = 7;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
  const lines = ['source,target,source_tier,target_tier'];
  for (let k = 0; k < 6000; k++) {
    const a = Math.floor(next() * 1500);
    const b = Math.floor(next() * 1500);
    if (a !== b) lines.push(`p${a},p${b},${1 + (a % 4)},${1 + (b % 4)}`);
  }
  return `${lines.join('\n')}\n`;
}

function world(): string {
  const dir = scratchDir('edge-list-experiment');
  const base = JSON.parse(readFileSync(`${FIXTURES}/four-tiers.json`, 'utf8').replace(/^\s*\/\/.*$/gm, ''));
  delete base.$schema;
  // Word of mouth along the imported ties, so the network matters.
  Object.assign(base, { name: 'imported', network: { kind: 'edge-list', edgeList: 'ties.csv' }, channels: { direct: { conversion: 0.1, dailyContact: 0.05 } } });
  writeFileSync(join(dir, 'base.json'), JSON.stringify(base));
  writeFileSync(join(dir, 'variant.json'), JSON.stringify({ extends: 'base.json', name: 'imported-more', interventions: [{ name: 'x3', path: 'tiers[3].offlinePerDay', value: 0.006, from: '2015-09-15' }] }));
  writeFileSync(join(dir, 'ties.csv'), tiesCsv());
  return dir;
}

describe('experiments on an imported network', () => {
  it('run every replicate on the edge list, each equal to a single run with its seed', async () => {
    const dir = world();
    const out = join(dir, 'out');
    await compareCommand(join(dir, 'base.json'), [join(dir, 'variant.json')], { replicates: 3, out, quiet: true }, capturingIo(), nodeExperimentMachine, 'tierwave compare');

    const rows = parse(readFileSync(join(out, 'runs.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((r) => r.run_id)).size).toBe(6);
    const loaded = loadScenarioFile(join(dir, 'base.json'));
    const network = loadImportedNetwork(join(dir, 'base.json'), loaded.scenario, { bytes: 2 ** 30 })!;
    const scenario = withEdgeListSize(loaded.scenario, network.edges);
    expect(scenario.population.agents).toBe(1500);
    for (const replicate of ['0', '2']) {
      const mine = rows.filter((r) => r.variant === 'base' && r.replicate === replicate);
      expect(mine.length).toBeGreaterThan(0);
      const alone = simulate(scenario, { seed: Number(mine[0].seed), edgeList: network.edges });
      expect(alone.ties).toBeGreaterThan(5000);
      for (const row of mine) {
        const tier = row.tier === 'all' ? alone.series.tiers : scenario.tiers.findIndex((t) => t.name === row.tier);
        expect(Number(row.value), `${row.metric} ${row.tier} day ${row.day}`).toBe(seriesValue(alone.series, Number(row.day), tier, row.metric as 'customers'));
      }
    }

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const sha256 = createHash('sha256').update(readFileSync(join(dir, 'ties.csv'))).digest('hex');
    for (const configuration of manifest.configurations) {
      expect(configuration.agents).toBe(1500);
      expect(configuration.edge_list).toEqual({ file: join(dir, 'ties.csv'), sha256, rows: network.edges.length });
    }
  });

  it('reports a broken edge list with its file and line, and the scenario field that named it', async () => {
    const dir = world();
    writeFileSync(join(dir, 'ties.csv'), 'source,target\na,b\nc,c\n');
    const failure = compareCommand(join(dir, 'base.json'), [join(dir, 'variant.json')], { replicates: 2, quiet: true }, capturingIo(), nodeExperimentMachine, 'tierwave compare');
    await expect(failure).rejects.toBeInstanceOf(ScenarioError);
    await expect(failure).rejects.toThrow(`${join(dir, 'base.json')} network.edgeList: ${join(dir, 'ties.csv')}:3: a tie from "c" to itself`);
  });
});

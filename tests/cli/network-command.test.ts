// `tierwave network` and the network section of summary.json, as a user meets them: the figures
// printed and recorded are those of the world the run builds, computed here from the engine's parts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { createParts } from '../../src/engine/build.ts';
import { dayParameters } from '../../src/engine/parameters.ts';
import { networkReport } from '../../src/engine/network-report.ts';
import { networkSummary } from '../../src/cli/network-summary.ts';
import { tierKeys } from '../../src/cli/summary.ts';
import { ROOT, SMALL_WORLD, scratchDir, tierwave } from './tierwave.ts';

describe('tierwave network', () => {
  it('prints each tier’s realised mean degree beside meanFriends, the mixing and the groups', async () => {
    const result = await tierwave('network', SMALL_WORLD, '--agents', '4000', '--seed', '5', '--set', 'tiers[0].meanFriends=30');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const scenario = loadScenarioFile(join(ROOT, SMALL_WORLD), [{ path: 'tiers[0].meanFriends', value: 30 }, { path: 'population.agents', value: 4000 }]).scenario;
    const parts = createParts(scenario, 5, dayParameters(scenario));
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`small-world, seed 5: generated network, 4,000 agents, ${parts.ties.count.toLocaleString('en')} ties`);
    scenario.tiers.forEach((tier, t) => {
      let ends = 0;
      for (let i = 0; i < parts.population.agents; i++) if (parts.population.tier[i] === t) ends += parts.ties.offsets[i + 1] - parts.ties.offsets[i];
      const row = lines.find((line) => line.trimStart().startsWith(`${tier.name} `));
      expect(row).toContain(`${(ends / parts.population.tierSizes[t]).toFixed(2)} (${tier.meanFriends})`);
    });
    expect(result.stdout).toMatch(/^mixing: share of each tier's tie ends/m);
    expect(result.stdout).toMatch(/^groups: [\d,]+, size mean/m);
  });

  it('refuses a bad --set with its location, like run', async () => {
    const result = await tierwave('network', SMALL_WORLD, '--set', 'network.kind=lattice');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('network.kind: expected one of');
  });
});

describe('summary.json', () => {
  it('records the realised network the workers built, equal to the report of the same world built here', async () => {
    const out = join(scratchDir('network-summary'), 'run');
    const result = await tierwave('run', SMALL_WORLD, '--out', out, '--quiet', '--workers', '2');
    expect(result.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const scenario = loadScenarioFile(join(ROOT, SMALL_WORLD)).scenario;
    const parts = createParts(scenario, scenario.seed, dayParameters(scenario));
    expect(summary.network).toEqual(networkSummary(networkReport(scenario, parts, scenario.seed), tierKeys(scenario)));
    expect(summary.network.ties).toBe(summary.ties);
  });
});

// `tierwave run` on an imported network, as a user runs it: the edge list the scenario names decides
// the agents, the run uses its ties, summary.json records the file and its SHA-256, and a broken
// file is refused with its line.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir, tierwave } from './tierwave.ts';

const SCENARIO = {
  name: 'ring',
  days: 60,
  seed: 3,
  tiers: [
    { name: 'city', share: 0.5, organicPerDay: 0.002 },
    { name: 'county', share: 0.5, organicPerDay: 0.002 },
  ],
  network: { kind: 'edge-list', edgeList: 'ring.csv' },
  channels: { direct: { conversion: 0.2, dailyContact: 0.2 } },
};

/** A ring of 600 agents with a chord from every tenth to the opposite one (30 distinct chords, each
 *  listed twice: the duplicates merge): 630 ties, tiers alternating. */
function ringCsv(): string {
  const lines = ['source,target,source_tier,target_tier'];
  const tier = (i: number) => 1 + (i % 2);
  for (let i = 0; i < 600; i++) lines.push(`a${i},a${(i + 1) % 600},${tier(i)},${tier((i + 1) % 600)}`);
  for (let i = 0; i < 600; i += 10) lines.push(`a${i},a${(i + 300) % 600},${tier(i)},${tier((i + 300) % 600)}`);
  return `${lines.join('\n')}\n`;
}

describe('tierwave run on an edge list', () => {
  it('runs on the imported ties and records the file and its SHA-256', async () => {
    const dir = scratchDir('edge-list-run');
    writeFileSync(join(dir, 'ring.json'), JSON.stringify(SCENARIO));
    writeFileSync(join(dir, 'ring.csv'), ringCsv());
    const out = join(dir, 'out');
    const result = await tierwave('run', join(dir, 'ring.json'), '--out', out, '--quiet');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.agents).toBe(600);
    expect(summary.ties).toBe(630);
    expect(summary.scenario.edge_list).toEqual({ file: join(dir, 'ring.csv'), sha256: createHash('sha256').update(readFileSync(join(dir, 'ring.csv'))).digest('hex') });
    expect(summary.final.customers).toBeGreaterThan(0);
  });

  it('refuses a broken edge list with its file and line, and writes nothing', async () => {
    const dir = scratchDir('edge-list-run-broken');
    writeFileSync(join(dir, 'ring.json'), JSON.stringify(SCENARIO));
    writeFileSync(join(dir, 'ring.csv'), 'source,target,source_tier,target_tier\na,b,1,2\nb,c,3,1\n');
    const out = join(dir, 'out');
    const result = await tierwave('run', join(dir, 'ring.json'), '--out', out, '--quiet');
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`tierwave: ${join(dir, 'ring.csv')}:3 source_tier: expected a tier number from 1 to 2, got "3"`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses seed customers the edge list does not have, naming the field, and writes nothing', async () => {
    const dir = scratchDir('edge-list-run-seeds');
    writeFileSync(join(dir, 'ring.json'), JSON.stringify({ ...SCENARIO, threshold: { friends: 2 }, seedCustomers: { agents: [0, 600] } }));
    writeFileSync(join(dir, 'ring.csv'), ringCsv());
    const out = join(dir, 'out');
    const result = await tierwave('run', join(dir, 'ring.json'), '--out', out, '--quiet');
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`tierwave: ${join(dir, 'ring.csv')}: seedCustomers.agents: expected agent numbers below the 600 agents of this edge list, got 600`);
    expect(existsSync(out)).toBe(false);
  });
});

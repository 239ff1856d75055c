// `tierwave run` on an imported network, as a user runs it: the edge list the scenario names decides
// the agents, the run uses its ties, summary.json records the file and its SHA-256, and a broken
// file is refused with its line.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir, start, tierwave } from './tierwave.ts';

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

  it('replays from its scenario.resolved.json byte for byte, from another working directory', async () => {
    const dir = scratchDir('edge-list-replay');
    writeFileSync(join(dir, 'ring.json'), JSON.stringify(SCENARIO));
    writeFileSync(join(dir, 'ring.csv'), ringCsv());
    const first = await tierwave('run', join(dir, 'ring.json'), '--out', join(dir, 'first'), '--quiet');
    expect(first.stderr).toBe('');
    const resolved = JSON.parse(readFileSync(join(dir, 'first', 'scenario.resolved.json'), 'utf8'));
    // Written relative to the run folder, with the hash a replay checks.
    expect(resolved.network.edgeList).toBe('../ring.csv');
    expect(resolved.network.edgeListSha256).toBe(createHash('sha256').update(readFileSync(join(dir, 'ring.csv'))).digest('hex'));
    const elsewhere = scratchDir('edge-list-replay-cwd');
    const replay = await start(['run', join(dir, 'first', 'scenario.resolved.json'), '--out', 'again', '--quiet'], elsewhere).finished;
    expect(replay.stderr).toBe('');
    expect(replay.code).toBe(0);
    expect(readFileSync(join(elsewhere, 'again', 'daily.csv'))).toEqual(readFileSync(join(dir, 'first', 'daily.csv')));
    const summary = JSON.parse(readFileSync(join(elsewhere, 'again', 'summary.json'), 'utf8'));
    expect(summary.scenario.edge_list.sha256).toBe(resolved.network.edgeListSha256);
  });

  it('refuses to replay when the edge list changed since the run', async () => {
    const dir = scratchDir('edge-list-changed');
    writeFileSync(join(dir, 'ring.json'), JSON.stringify(SCENARIO));
    writeFileSync(join(dir, 'ring.csv'), ringCsv());
    expect((await tierwave('run', join(dir, 'ring.json'), '--out', join(dir, 'first'), '--quiet')).code).toBe(0);
    const recorded = JSON.parse(readFileSync(join(dir, 'first', 'scenario.resolved.json'), 'utf8')).network.edgeListSha256;
    appendFileSync(join(dir, 'ring.csv'), 'a1,a7,2,2\n');
    const now = createHash('sha256').update(readFileSync(join(dir, 'ring.csv'))).digest('hex');
    const replay = await tierwave('run', join(dir, 'first', 'scenario.resolved.json'), '--out', join(dir, 'again'), '--quiet');
    expect(replay.code).toBe(1);
    expect(replay.stderr.trim()).toBe(
      `tierwave: ${join(dir, 'ring.csv')}: the edge list has changed: network.edgeListSha256 in ${join(dir, 'first', 'scenario.resolved.json')} expects SHA-256 ${recorded}, the file has ${now}`,
    );
    expect(existsSync(join(dir, 'again'))).toBe(false);
  });

  it('takes an absolute edge-list path as given, and a relative one from the file that wrote it', async () => {
    const dir = scratchDir('edge-list-paths');
    mkdirSync(join(dir, 'base'));
    mkdirSync(join(dir, 'ties'));
    mkdirSync(join(dir, 'child'));
    writeFileSync(join(dir, 'ties', 'ring.csv'), ringCsv());
    // The base names the file relative to itself; the child, elsewhere, only extends it.
    writeFileSync(join(dir, 'base', 'ring.json'), JSON.stringify({ ...SCENARIO, network: { kind: 'edge-list', edgeList: '../ties/ring.csv' } }));
    writeFileSync(join(dir, 'child', 'ring.json'), JSON.stringify({ extends: '../base/ring.json', name: 'child' }));
    const viaExtends = await tierwave('run', join(dir, 'child', 'ring.json'), '--out', join(dir, 'a'), '--quiet');
    expect(viaExtends.stderr).toBe('');
    const absolute = await tierwave('run', join(dir, 'child', 'ring.json'), '--set', `network.edgeList=${join(dir, 'ties', 'ring.csv')}`, '--out', join(dir, 'b'), '--quiet');
    expect(absolute.stderr).toBe('');
    expect(readFileSync(join(dir, 'b', 'daily.csv'))).toEqual(readFileSync(join(dir, 'a', 'daily.csv')));
    expect(JSON.parse(readFileSync(join(dir, 'b', 'summary.json'), 'utf8')).ties).toBe(630);
  });
});

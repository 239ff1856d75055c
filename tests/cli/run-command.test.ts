import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DAILY_METRICS } from '../../src/engine/metrics.ts';
import { ROOT, SMALL_WORLD, scratchDir, start, tierwave, type Finished } from './tierwave.ts';

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
/** summary.json without the wall-clock figures, which are the only thing allowed to differ. */
const timeless = (dir: string) => {
  const summary = JSON.parse(read(dir, 'summary.json')) as { runtime: Record<string, number> };
  return { ...summary, runtime: { workers: summary.runtime.workers } };
};

describe('tierwave run', () => {
  const scratch = scratchDir('run');
  const first = join(scratch, 'first');
  const second = join(scratch, 'second');
  let firstRun: Finished;

  beforeAll(async () => {
    // Different worker counts: the results must not depend on them.
    [firstRun] = await Promise.all([
      tierwave('run', SMALL_WORLD, '--out', first, '--workers', '2'),
      tierwave('run', SMALL_WORLD, '--out', second, '--workers', '1', '--quiet'),
    ]);
  });

  it('writes exactly daily.csv, summary.json and scenario.resolved.json, and a human summary on stdout', () => {
    expect(firstRun.code).toBe(0);
    expect(readdirSync(first).sort()).toEqual(['daily.csv', 'scenario.resolved.json', 'summary.json']);
    expect(readdirSync(scratch).sort()).toEqual(['first', 'second']);
    expect(firstRun.stdout).toMatch(/small-world, seed 11: 30 days, 2,000 agents/);
    expect(firstRun.stdout).toContain(`wrote ${first}`);
    // Not a terminal: no progress bar.
    expect(firstRun.stderr).toBe('');
  });

  it('gives identical daily.csv and summary.json (apart from runtime) when run twice', () => {
    expect(read(second, 'daily.csv')).toBe(read(first, 'daily.csv'));
    expect(read(second, 'scenario.resolved.json')).toBe(read(first, 'scenario.resolved.json'));
    const [a, b] = [timeless(first), timeless(second)];
    expect({ ...b, runtime: a.runtime }).toEqual(a);
    expect(read(second, 'summary.json').replace(/"runtime": \{[^}]*\}/, '')).toBe(read(first, 'summary.json').replace(/"runtime": \{[^}]*\}/, ''));
  });

  it('prints nothing on stdout with --quiet', async () => {
    const result = await tierwave('run', SMALL_WORLD, '--days', '3', '--out', join(scratch, 'quiet'), '--quiet');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('writes daily.csv with day, date, tier and every daily metric, T + 1 rows per day', () => {
    const rows = parse(read(first, 'daily.csv'), { columns: true }) as Record<string, string>[];
    const header = read(first, 'daily.csv').split('\n')[0].split(',');
    expect(header).toEqual(['day', 'date', 'tier', 'tier_name', ...DAILY_METRICS]);
    for (const required of ['agents', 'aware', 'customers', 'new_customers', 'purchases', 'gmv', 'shares', 'data_events']) expect(header).toContain(required);
    for (const channel of ['direct', 'group', 'feed', 'ad', 'offline', 'organic']) expect(header).toContain(`new_customers_${channel}`);
    expect(rows).toHaveLength(31 * 5);
    expect(rows.slice(0, 5).map((r) => [r.day, r.date, r.tier, r.tier_name])).toEqual([
      ['0', '2014-05-22', '1', 'tier1'],
      ['0', '2014-05-22', '2', 'tier2'],
      ['0', '2014-05-22', '3', 'tier3'],
      ['0', '2014-05-22', '4', 'tier4'],
      ['0', '2014-05-22', 'all', 'all'],
    ]);
    expect(rows.at(-1)).toMatchObject({ day: '30', date: '2014-06-21', tier: 'all' });
    // Unequal tiers: 10 %, 20 %, 30 %, 40 % of 2000 agents.
    expect(rows.slice(0, 5).map((r) => Number(r.agents))).toEqual([200, 400, 600, 800, 2000]);
    for (const row of rows) {
      expect(row.gmv).toMatch(/^\d+\.\d\d$/);
      expect(row.customers).toMatch(/^\d+$/);
    }
  });

  it('writes summary.json with the scenario fingerprint, final customers and cross-tier flow', () => {
    const summary = JSON.parse(read(first, 'summary.json'));
    expect(Object.keys(summary)).toEqual(['tool', 'scenario', 'seed', 'agents', 'days', 'represents', 'ties', 'final', 'headline', 'cross_tier_flow', 'network', 'markers', 'runtime']);
    expect(summary.tool.name).toBe('tierwave');
    expect(summary.scenario).toEqual({ name: 'small-world', file: SMALL_WORLD, sha256: createHash('sha256').update(read(first, 'scenario.resolved.json')).digest('hex') });
    expect([summary.seed, summary.agents, summary.days, summary.represents]).toEqual([11, 2000, 30, 1000]);
    const rows = parse(read(first, 'daily.csv'), { columns: true }) as Record<string, string>[];
    const lastDay = rows.slice(-5);
    expect(summary.final.customers).toBe(Number(lastDay[4].customers));
    expect(Object.values(summary.final.customers_by_tier)).toEqual(lastDay.slice(0, 4).map((r) => Number(r.customers)));
    expect(summary.final.customers_national).toBe(summary.final.customers * 1000);
    expect(summary.cross_tier_flow.tiers).toEqual(['tier1', 'tier2', 'tier3', 'tier4']);
    expect(summary.cross_tier_flow.matrix).toHaveLength(4);
    expect(summary.markers).toEqual([{ name: '618', day: 27, date: '2014-06-18', kind: 'festival' }]);
    expect(Object.keys(summary.runtime)).toEqual(['workers', 'wall_seconds', 'setup_seconds', 'simulation_seconds', 'word_of_mouth_kernel', 'peak_rss_bytes']);
    // 2,000 agents: too few for the compiled word-of-mouth step to pay, so the TypeScript loop ran
    // (the worker tests and the benchmark see the compiled one).
    expect(summary.runtime.word_of_mouth_kernel).toBe('typescript');
  });

  it('reproduces daily.csv byte for byte from scenario.resolved.json', async () => {
    const again = join(scratch, 'again');
    const result = await tierwave('run', join(first, 'scenario.resolved.json'), '--seed', '11', '--out', again, '--quiet');
    expect(result.code).toBe(0);
    expect(read(again, 'daily.csv')).toBe(read(first, 'daily.csv'));
    expect(read(again, 'scenario.resolved.json')).toBe(read(first, 'scenario.resolved.json'));
  });

  it('reproduces a run shortened with --days before the scenario\'s interventions from its scenario.resolved.json', async () => {
    const short = join(scratch, 'short');
    const first = await tierwave('run', 'scenarios/jd-tencent-2014.json', '--agents', '3000', '--days', '40', '--seed', '7', '--out', short, '--quiet');
    expect(first.code).toBe(0);
    const again = join(scratch, 'short-again');
    const second = await tierwave('run', join(short, 'scenario.resolved.json'), '--seed', '7', '--out', again, '--quiet');
    expect(second.code).toBe(0);
    expect(read(again, 'daily.csv')).toBe(read(short, 'daily.csv'));
  });

  it('applies --seed, --agents, --days and --set, and records them in scenario.resolved.json', async () => {
    const out = join(scratch, 'overridden');
    const result = await tierwave('run', SMALL_WORLD, '--seed', '5', '--agents', '1500', '--days', '12', '--set', 'tiers[3].offlinePerDay=0.01', '--set', 'payment.closedLoop=false', '--out', out, '--quiet');
    expect(result.code).toBe(0);
    const resolved = JSON.parse(read(out, 'scenario.resolved.json'));
    expect([resolved.seed, resolved.population.agents, resolved.days, resolved.tiers[3].offlinePerDay, resolved.payment.closedLoop]).toEqual([5, 1500, 12, 0.01, false]);
    expect(read(out, 'daily.csv').trim().split('\n')).toHaveLength(1 + 13 * 5);
  });

  it('names the default run folder runs/<scenario-name>-seed<N> in the current directory', async () => {
    const cwd = scratchDir('default-out');
    const scenario = join(ROOT, SMALL_WORLD);
    const seeded = await start(['run', scenario, '--days', '2', '--seed', '9'], cwd).finished;
    const unseeded = await start(['run', scenario, '--days', '2', '--quiet'], cwd).finished;
    expect([seeded.code, unseeded.code]).toEqual([0, 0]);
    expect(seeded.stdout).toContain('wrote runs/small-world-seed9 ');
    expect(readdirSync(join(cwd, 'runs')).sort()).toEqual(['small-world-seed11', 'small-world-seed9']);
  });

  it.each([
    ['an unknown field', ['--set', 'tiers[2].shar=0.3'], '--set tiers[2].shar=0.3 tiers[2].shar: unknown field, did you mean "share"?'],
    ['a value of the wrong type', ['--set', 'days="many"'], '--set days="many" days: expected an integer'],
    ['a --set without "="', ['--set', 'days'], '--set days: expected path=value'],
    ['agents out of range', ['--agents', '0'], '--set population.agents=0 population.agents: expected an integer in [1, 500000000], got 0'],
  ])('exits 1 naming the override for %s, and writes nothing', async (_, args, message) => {
    const out = join(scratch, 'refused');
    const result = await tierwave('run', SMALL_WORLD, ...args, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 with file:line:col and field for an invalid scenario file', async () => {
    const result = await tierwave('run', 'tests/scenario/fixtures/bad-base.json', '--out', join(scratch, 'refused'));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('tests/scenario/fixtures/bad-base.json:6:33 tiers[2].share: expected a number in [0, 1], got "0.17"\n');
  });

  it('exits 1 for a missing scenario file', async () => {
    const result = await tierwave('run', 'tests/cli/fixtures/no-such-world.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tests/cli/fixtures/no-such-world.json: cannot read the scenario file');
  });

  it('refuses a world that cannot fit in memory before building it, with the estimate', async () => {
    const started = performance.now();
    const result = await tierwave('run', SMALL_WORLD, '--agents', '500000000', '--out', join(scratch, 'huge'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^tierwave: this world needs about [\d.]+ GiB \(\d+ bytes per agent\) but at most [\d.]+ GiB is available/);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(existsSync(join(scratch, 'huge'))).toBe(false);
  });

  it('refuses to replace an --out folder that is not a run folder', async () => {
    const result = await tierwave('run', SMALL_WORLD, '--out', 'tests/cli');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tests/cli: exists and is not a tierwave run folder');
  });
});

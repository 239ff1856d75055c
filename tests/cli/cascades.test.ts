// `tierwave run --cascades`: cascades.csv, who told whom, checked against the run's other files and
// against the world's ties, and the same bytes on 1, 2 and 4 worker threads.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { createParts, dayParameters, type WorldParts } from '../../src/engine/index.ts';
import { dateOfDay } from '../../src/engine/calendar.ts';
import { scratchDir, tierwave, type Finished } from './tierwave.ts';

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const rowsOf = (dir: string, file: string) => parse(read(dir, file), { columns: true }) as Record<string, string>[];

// The default world with word of mouth along ties, big enough (10^4 agents) for the compiled step.
const ARGS = ['run', 'scenarios/jd-tencent-2014.json', '--agents', '12000', '--days', '200', '--set', 'channels.direct.dailyContact=0.02', '--seed', '4', '--cascades', '--quiet'];

function isTie(parts: WorldParts, a: number, b: number): boolean {
  const { offsets, neighbors } = parts.ties;
  for (let e = offsets[a]; e < offsets[a + 1]; e++) if (neighbors[e] === b) return true;
  return false;
}

function shareGroup(parts: WorldParts, a: number, b: number): boolean {
  const { groupOffsets, groupsOf, memberOffsets, members } = parts.groups;
  for (let g = groupOffsets[a]; g < groupOffsets[a + 1]; g++) {
    for (let m = memberOffsets[groupsOf[g]]; m < memberOffsets[groupsOf[g] + 1]; m++) if (members[m] === b) return true;
  }
  return false;
}

describe('tierwave run --cascades', () => {
  const scratch = scratchDir('cascades');
  const outs = [1, 2, 4].map((w) => join(scratch, `workers-${w}`));
  let runs: Finished[];
  let rows: Record<string, string>[];

  beforeAll(async () => {
    runs = await Promise.all(outs.map((out, k) => tierwave(...ARGS, '--workers', String([1, 2, 4][k]), '--out', out)));
    rows = rowsOf(outs[0], 'cascades.csv');
  }, 120_000);

  it('writes cascades.csv beside the other files, the same bytes on 1, 2 and 4 workers', () => {
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(outs[0]).sort()).toEqual(['cascades.csv', 'daily.csv', 'scenario.resolved.json', 'summary.json']);
    expect(JSON.parse(read(outs[2], 'summary.json')).runtime.word_of_mouth_kernel).toBe('webassembly');
    const first = read(outs[0], 'cascades.csv');
    expect(read(outs[1], 'cascades.csv')).toBe(first);
    expect(read(outs[2], 'cascades.csv')).toBe(first);
  });

  it('has one row per first purchase, by day then agent, each on its date', () => {
    expect(read(outs[0], 'cascades.csv').split('\n')[0]).toBe('agent,tier,day,date,channel,source,source_tier');
    const start = JSON.parse(read(outs[0], 'scenario.resolved.json')).start as string;
    for (let k = 1; k < rows.length; k++) {
      const [a, b] = [rows[k - 1], rows[k]];
      expect(Number(a.day) < Number(b.day) || (a.day === b.day && Number(a.agent) < Number(b.agent)), `rows ${k - 1} and ${k}`).toBe(true);
    }
    for (const row of rows) expect(row.date).toBe(dateOfDay(start, Number(row.day)));
  });

  it('counts each day, tier and channel as daily.csv does (initial customers are its day-0 organic ones)', () => {
    const daily = rowsOf(outs[0], 'daily.csv');
    const fromFile = new Map<string, number>();
    for (const row of rows) {
      const channel = row.channel === 'initial' ? 'organic' : row.channel;
      for (const key of [`${row.day}|${row.tier}|${channel}`, `${row.day}|all|${channel}`]) fromFile.set(key, (fromFile.get(key) ?? 0) + 1);
    }
    let total = 0;
    for (const day of daily) {
      for (const channel of ['direct', 'group', 'feed', 'ad', 'offline', 'organic']) {
        const count = Number(day[`new_customers_${channel}`]);
        expect(fromFile.get(`${day.day}|${day.tier}|${channel}`) ?? 0, `day ${day.day} tier ${day.tier} ${channel}`).toBe(count);
        if (day.tier === 'all') total += count;
      }
    }
    expect(rows.length).toBe(total);
    expect(rows.filter((r) => r.channel === 'initial').every((r) => r.day === '0' && r.source === '')).toBe(true);
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['initial', 'direct', 'group', 'feed', 'ad', 'offline', 'organic']));
  });

  it("gives the summary's cross-tier flow matrix when counted by the buyer's and the source's tier", () => {
    const flow = JSON.parse(read(outs[0], 'summary.json')).cross_tier_flow.matrix as number[][];
    const counted = flow.map((row) => row.map(() => 0));
    for (const row of rows) if (row.source !== '') counted[Number(row.tier) - 1][Number(row.source_tier) - 1]++;
    expect(counted).toEqual(flow);
    // Some adoptions crossed tiers, so the matrix is not only its diagonal.
    expect(counted.some((row, i) => row.some((n, j) => i !== j && n > 0))).toBe(true);
  });

  it('names as source a tie of the agent (a fellow group member for group posts) who bought on an earlier day', () => {
    const scenario = loadScenarioFile(join(outs[0], 'scenario.resolved.json')).scenario;
    const parts = createParts(scenario, scenario.seed, dayParameters(scenario));
    const day = new Map(rows.map((r) => [r.agent, Number(r.day)]));
    const sourced = rows.filter((r) => r.source !== '');
    expect(sourced.length).toBeGreaterThan(1000);
    for (const row of sourced) {
      const [agent, source] = [Number(row.agent), Number(row.source)];
      expect(['direct', 'group', 'feed']).toContain(row.channel);
      expect(row.channel === 'group' ? shareGroup(parts, agent, source) : isTie(parts, agent, source), `${agent} from ${source} by ${row.channel}`).toBe(true);
      expect(Number(row.source_tier)).toBe(parts.population.tier[source] + 1);
      expect(day.get(row.source)!, `source ${source} of ${agent}`).toBeLessThan(Number(row.day));
    }
  });
});

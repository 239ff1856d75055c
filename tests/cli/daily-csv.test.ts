import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { parseOverride } from '../../src/scenario/overrides.ts';
import { simulate } from '../../src/engine/simulation.ts';
import { dailyCsv } from '../../src/cli/daily-csv.ts';
import { SMALL_WORLD } from './tierwave.ts';

function world(...overrides: string[]) {
  return loadScenarioFile(SMALL_WORLD, ['days=4', ...overrides].map(parseOverride)).scenario;
}

describe('dailyCsv', () => {
  it('quotes tier names that contain commas or quotes, so the table still parses', () => {
    const scenario = world('tiers[0].name=big, "coastal" cities');
    const text = dailyCsv(scenario, simulate(scenario, { seed: 1 }).series);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows[0].tier_name).toBe('big, "coastal" cities');
    expect(text.split('\n')[1]).toMatch(/^0,2014-05-22,1,"big, ""coastal"" cities",200,/);
  });

  it('prints counts as integers and money with two decimals', () => {
    const scenario = world();
    const rows = parse(dailyCsv(scenario, simulate(scenario, { seed: 3 }).series), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(5 * 5);
    for (const row of rows) {
      expect([row.gmv, row.gmv_social].every((x) => /^\d+\.\d\d$/.test(x))).toBe(true);
      expect([row.agents, row.purchases, row.new_customers_organic].every((x) => /^\d+$/.test(x))).toBe(true);
    }
  });
});

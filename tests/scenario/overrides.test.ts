import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/issues.ts';
import { parseOverride } from '../../src/scenario/overrides.ts';
import { loadScenarioFile } from '../../src/scenario/node.ts';

const FOUR_TIERS = 'tests/scenario/fixtures/four-tiers.json';
const PROMOTERS = 'tests/scenario/fixtures/tier4-promoters.json';

function problems(...sets: string[]): string[] {
  try {
    loadScenarioFile(FOUR_TIERS, sets.map(parseOverride));
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('parseOverride', () => {
  it('reads the value as JSON when it parses, else as a string', () => {
    expect(parseOverride('tiers[3].offlinePerDay=0.002')).toMatchObject({ path: 'tiers[3].offlinePerDay', value: 0.002 });
    expect(parseOverride('payment.closedLoop=false').value).toBe(false);
    expect(parseOverride('targeting.mode=instant').value).toBe('instant');
    expect(parseOverride('name="a=b"').value).toBe('a=b');
  });

  it('rejects an override without "="', () => {
    expect(() => parseOverride('payment.closedLoop')).toThrow('--set payment.closedLoop: expected path=value, e.g. tiers[3].offlinePerDay=0.002');
  });
});

describe('overrides', () => {
  it('change fields after extends and before validation', () => {
    const sets = ['tiers[3].offlinePerDay=0.002', 'payment.closedLoop=true', 'population.agents=50000'].map(parseOverride);
    const { scenario } = loadScenarioFile(PROMOTERS, sets);
    expect(scenario.tiers[3].offlinePerDay).toBe(0.002);
    expect(scenario.payment).toEqual({ closedLoop: true, closedLoopFriction: 0.1, jumpFriction: 0.5 });
    expect(scenario.population).toEqual({ agents: 50000, represents: 1 });
  });

  it('apply in order, so a later --set wins', () => {
    const { scenario } = loadScenarioFile(FOUR_TIERS, ['days=10', 'days=20'].map(parseOverride));
    expect(scenario.days).toBe(20);
  });

  it('change the canonical JSON and its hash', () => {
    const plain = loadScenarioFile(FOUR_TIERS);
    const changed = loadScenarioFile(FOUR_TIERS, [parseOverride('seed=7')]);
    expect(changed.json).not.toBe(plain.json);
    expect(changed.sha256).not.toBe(plain.sha256);
  });

  it('report a value of the wrong type at the --set, in the same style as file errors', () => {
    expect(problems('population.agents=lots')).toEqual(['--set population.agents=lots population.agents: expected an integer in [1, 500000000], got "lots"']);
  });

  it('report an unknown path with the nearest field', () => {
    expect(problems('tiers[3].offlinePerDy=0.002')).toEqual(['--set tiers[3].offlinePerDy=0.002 tiers[3].offlinePerDy: unknown field, did you mean "offlinePerDay"?']);
    expect(problems('paymnt.closedLoop=false')).toEqual(['--set paymnt.closedLoop=false paymnt: unknown field, did you mean "payment"?']);
  });

  it('report an index past the last tier', () => {
    expect(problems('tiers[4].share=0.1')).toEqual(['--set tiers[4].share=0.1 tiers[4].share: tiers has 4 items, so it has no item [4]']);
  });

  it('give each issue file "--set", the override number as line and the column of the value', () => {
    try {
      loadScenarioFile(FOUR_TIERS, ['days=30', 'seed=-1'].map(parseOverride));
      expect.unreachable();
    } catch (error) {
      expect((error as ScenarioError).issues).toEqual([
        { file: '--set', line: 2, column: 6, where: '--set seed=-1', path: 'seed', message: 'expected an integer in [0, 4294967295], got -1' },
      ]);
    }
  });

  it('count in the rules that span fields, pointing at the --set that broke them', () => {
    expect(problems('tiers[0].share=0.5')).toEqual([
      'tests/scenario/fixtures/four-tiers.json:6:12 tiers: expected tier shares to sum to 1, got 1.45 (0.5 + 0.22 + 0.17 + 0.56)',
    ]);
    expect(problems('network.kind="edge-list"')).toEqual([
      '--set network.kind="edge-list" network.edgeList: missing, required when network.kind is "edge-list" (the CSV file of ties)',
    ]);
  });
});

describe('an override of extends', () => {
  it('is refused, because the files are merged before overrides apply', () => {
    expect(problems('extends=other.json')).toEqual(['--set extends=other.json extends: extends cannot be overridden: the files are merged before --set applies']);
  });
});

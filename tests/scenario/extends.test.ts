import { describe, expect, it } from 'vitest';
import { resolveRelative } from '../../src/scenario/extends.ts';
import { ScenarioError } from '../../src/scenario/issues.ts';
import { resolveScenario } from '../../src/scenario/load.ts';
import { loadScenarioFile } from '../../src/scenario/node.ts';

const DIR = 'tests/scenario/fixtures';

function problems(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('extends', () => {
  it('merges objects field by field, the extending file winning', () => {
    const { scenario } = loadScenarioFile(`${DIR}/tier4-promoters.json`);
    expect(scenario.name).toBe('tier4-promoters');
    expect(scenario.days).toBe(400);
    expect(scenario.payment).toEqual({ closedLoop: false, closedLoopFriction: 0.1, jumpFriction: 0.5 });
  });

  it('replaces arrays whole instead of merging them item by item', () => {
    const { scenario } = loadScenarioFile(`${DIR}/tier4-promoters.json`);
    expect(scenario.festivals.map((festival) => festival.name)).toEqual(['11.11']);
    expect(scenario.tiers.map((tier) => tier.share)).toEqual([0.05, 0.22, 0.17, 0.56]);
    expect(scenario.tiers[1].platforms).toEqual({ wechat: 0.95, qq: 0.3 });
  });

  it('follows a chain of extends, each path relative to the file that names it', () => {
    const { scenario } = loadScenarioFile(`${DIR}/nested/longer-run.json`);
    expect(scenario.name).toBe('longer-run');
    expect(scenario.days).toBe(760);
    expect(scenario.payment.closedLoop).toBe(false);
    expect(scenario.interventions[0].path).toBe('tiers[3].offlinePerDay');
  });

  it('points an error in an inherited field into the file that wrote it', () => {
    expect(problems(() => loadScenarioFile(`${DIR}/extends-bad-base.json`))).toEqual([
      `${DIR}/extends-bad-base.json:4:11 days: expected an integer in [1, 20000], got 0`,
      `${DIR}/bad-base.json:6:33 tiers[2].share: expected a number in [0, 1], got "0.17"`,
    ]);
  });

  it('reports a cycle of extends with the whole chain', () => {
    expect(problems(() => loadScenarioFile(`${DIR}/cycle-a.json`))).toEqual([
      `${DIR}/cycle-b.json:3:3 extends: "cycle-a.json" extends in a cycle: ${DIR}/cycle-a.json → ${DIR}/cycle-b.json → ${DIR}/cycle-a.json`,
    ]);
  });

  it('reports a missing extended file at the line of the extends key', () => {
    expect(problems(() => loadScenarioFile(`${DIR}/missing-base.json`))).toEqual([
      `${DIR}/missing-base.json:4:3 extends: cannot read the extended file "no-such-file.json" (looked for ${DIR}/no-such-file.json): no such file`,
    ]);
  });

  it('reports invalid JSON in an extended file in that file', () => {
    const files: Record<string, string> = { 'scenarios/base.json': '{\n  "name": "base",\n  "tiers": [}\n}' };
    expect(problems(() => resolveScenario('{"extends": "base.json"}', 'scenarios/x.json', (path) => files[path]))).toEqual([
      'scenarios/base.json:3:13: invalid JSON: expected a value, got "}"',
    ]);
  });

  it('reports an extends that is not a file path', () => {
    expect(problems(() => resolveScenario('{\n  "extends": 3\n}', 'scenarios/x.json', () => undefined))).toEqual([
      'scenarios/x.json:2:14 extends: expected the path of a scenario file, got 3',
    ]);
  });
});

describe('resolveRelative', () => {
  it('resolves against the folder of the including file, with .. and . steps', () => {
    expect(resolveRelative('scenarios/reference/a.json', 'base.json')).toBe('scenarios/reference/base.json');
    expect(resolveRelative('scenarios/reference/a.json', '../validation/./b.json')).toBe('scenarios/validation/b.json');
    expect(resolveRelative('a.json', '../b.json')).toBe('../b.json');
    expect(resolveRelative('/home/u/a.json', '/etc/b.json')).toBe('/etc/b.json');
  });
});

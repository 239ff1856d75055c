import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/issues.ts';
import { canonicalJson, resolveScenario } from '../../src/scenario/load.ts';

const FILE = 'scenarios/x.json';

/** The message lines of the ScenarioError a scenario text raises. */
function problems(text: string): string[] {
  try {
    resolveScenario(text, FILE, () => undefined);
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

/** Four tiers of unequal shares; `tier2` is a placeholder each test fills with its own mistake. */
const withTier2 = (tier2: string) => `{
  "name": "x",
  "tiers": [
    { "name": "tier1", "share": 0.05 },
    ${tier2},
    { "name": "tier3", "share": 0.17 },
    { "name": "tier4", "share": 0.56 }
  ]
}`;

describe('resolveScenario on a valid scenario', () => {
  it('fills every default into a minimal scenario', () => {
    const { scenario } = resolveScenario('{"name":"x","tiers":[{"name":"t1","share":1}]}', FILE, () => undefined);
    expect(scenario.days).toBe(760);
    expect(scenario.start).toBe('2014-05-22');
    expect(scenario.population).toEqual({ agents: 100_000, represents: 1 });
    expect(scenario.tiers[0].platforms).toEqual({ wechat: 0.9, qq: 0.5 });
    expect(scenario.network.groups.maxSize).toBe(500);
    expect(scenario.payment.closedLoop).toBe(true);
    expect(scenario.interventions).toEqual([]);
  });

  it('fills defaults inside a partly written object and keeps what was written', () => {
    const { scenario } = resolveScenario(withTier2('{ "name": "tier2", "share": 0.22, "platforms": { "qq": 0.3 } }'), FILE, () => undefined);
    expect(scenario.tiers[1].platforms).toEqual({ wechat: 0.9, qq: 0.3 });
    expect(scenario.tiers.map((tier) => tier.share)).toEqual([0.05, 0.22, 0.17, 0.56]);
  });

  it('accepts comments and trailing commas, as hand-written files have them', () => {
    const text = '{\n  // a comment\n  "name": "x",\n  "tiers": [{"name":"t1","share":1},],\n}';
    expect(resolveScenario(text, FILE, () => undefined).scenario.name).toBe('x');
  });

  it('gives canonical JSON: sorted keys, 2-space indent, no $schema or extends, whatever the key order written', () => {
    const a = resolveScenario('{"$schema":"../schema.json","name":"x","days":30,"tiers":[{"share":1,"name":"t1"}]}', FILE, () => undefined);
    const b = resolveScenario('{"tiers":[{"name":"t1","share":1}],"days":30,"name":"x"}', FILE, () => undefined);
    expect(a.json).toBe(b.json);
    expect(a.json).not.toContain('$schema');
    expect(a.json).not.toContain('extends');
    expect(a.json.startsWith('{\n  "attentionNeedsActivity": true,\n  "channels": {\n    "ad": {')).toBe(true);
    expect(a.json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(a.json)).toEqual(a.scenario);
    expect('$schema' in a.scenario).toBe(false);
  });

  it('hands out scenarios that share no objects, so changing one cannot change another', () => {
    const text = '{"name":"x","tiers":[{"name":"t1","share":1}]}';
    const first = resolveScenario(text, FILE, () => undefined).scenario;
    first.network.groups.maxSize = 7;
    expect(resolveScenario(text, FILE, () => undefined).scenario.network.groups.maxSize).toBe(500);
  });
});

describe('resolveScenario schema errors', () => {
  it('reports a string where a number is expected with file:line:column and field path', () => {
    expect(problems(withTier2('{ "name": "tier2", "share": "0.22" }'))).toEqual([
      'scenarios/x.json:5:33 tiers[1].share: expected a number in [0, 1], got "0.22"',
    ]);
  });

  it('reports a number outside its range with the range', () => {
    expect(problems(withTier2('{ "name": "tier2", "share": 0.22, "repeatPerDay": 1.5 }'))).toEqual([
      'scenarios/x.json:5:55 tiers[1].repeatPerDay: expected a number in [0, 1], got 1.5',
    ]);
  });

  it('reports a fraction where an integer is expected', () => {
    expect(problems('{\n  "name": "x",\n  "days": 12.5,\n  "tiers": [{ "name": "t1", "share": 1 }]\n}')).toEqual([
      'scenarios/x.json:3:11 days: expected an integer in [1, 20000], got 12.5',
    ]);
  });

  it('reports a value outside an enum with the allowed options', () => {
    expect(problems('{\n  "name": "x",\n  "tiers": [{ "name": "t1", "share": 1 }],\n  "network": { "kind": "random" }\n}')).toEqual([
      'scenarios/x.json:4:24 network.kind: expected one of "generated", "erdos-renyi", "regular", "small-world", "mixed" or "edge-list", got "random"',
    ]);
  });

  it('reports a string in the wrong format with the format in words', () => {
    expect(problems('{\n  "name": "x",\n  "start": "22/05/2014",\n  "tiers": [{ "name": "t1", "share": 1 }]\n}')).toEqual([
      'scenarios/x.json:3:12 start: expected a date written YYYY-MM-DD, got "22/05/2014"',
    ]);
  });

  it('reports a well-formed date that is not in the calendar', () => {
    expect(problems('{\n  "name": "x",\n  "start": "2014-02-30",\n  "tiers": [{ "name": "t1", "share": 1 }]\n}')).toEqual([
      'scenarios/x.json:3:12 start: expected a real calendar date, got "2014-02-30"',
    ]);
  });

  it('reports a number where true or false is expected', () => {
    expect(problems('{\n  "name": "x",\n  "tiers": [{ "name": "t1", "share": 1 }],\n  "payment": { "closedLoop": 1 }\n}')).toEqual([
      'scenarios/x.json:4:30 payment.closedLoop: expected true or false, got 1',
    ]);
  });

  it('reports a missing required field at the object it is missing from', () => {
    expect(problems(withTier2('{ "name": "tier2" }'))).toEqual(['scenarios/x.json:5:5 tiers[1].share: missing, expected a number in [0, 1]']);
  });

  it('reports too many tiers with the allowed count', () => {
    const text = '{\n  "name": "x",\n  "tiers": [{"name":"a","share":0.2},{"name":"b","share":0.2},{"name":"c","share":0.2},{"name":"d","share":0.2},{"name":"e","share":0.2}]\n}';
    expect(problems(text)).toEqual(['scenarios/x.json:3:12 tiers: expected a list of 1 to 4 items, got a list of 5 items']);
  });

  it('reports an unknown field at its key and suggests a close field, saying where it is already set', () => {
    // "sharing" is 3 edits from "sharee" (more than 2, and more than a third of 6): not offered.
    expect(problems(withTier2('{ "name": "tier2", "share": 0.22, "sharee": 0.1 }'))).toEqual([
      'scenarios/x.json:5:39 tiers[1].sharee: unknown field, did you mean "share"? it is already set on line 5',
    ]);
  });

  it('lists the valid fields when an unknown field resembles none of them', () => {
    const [line] = problems('{\n  "name": "x",\n  "tiers": [{ "name": "t1", "share": 1 }],\n  "payment": { "zzzzzz": 1 }\n}');
    expect(line).toBe('scenarios/x.json:4:16 payment.zzzzzz: unknown field, expected one of "closedLoop", "closedLoopFriction" or "jumpFriction"');
  });

  it('reports invalid JSON at the place it broke', () => {
    expect(problems('{\n  "name": "x",\n  "tiers": [\n    { "name": "t1" "share": 1 }\n  ]\n}')).toEqual([
      'scenarios/x.json:4:20: invalid JSON: expected ",", got "share"',
    ]);
  });

  it('reports a field written twice in one object', () => {
    expect(problems('{\n  "name": "x",\n  "tiers": [{ "name": "t1", "share": 1 }],\n  "name": "y"\n}')).toEqual([
      'scenarios/x.json:4:3 name: field given twice (first on line 2)',
    ]);
  });

  it('reports a file that is not an object', () => {
    expect(problems('[1, 2]')).toEqual(['scenarios/x.json:1:1: expected an object of scenario fields, got [1,2]']);
  });

  it('collects every problem, in file order, each with file, line, column and path', () => {
    const text = `{
  "name": "x",
  "days": 0,
  "tiers": [
    { "name": "tier1", "share": 0.05, "adReach": 0.1 },
    { "name": "tier2", "share": -0.22 },
    { "name": "tier3", "share": 0.17 },
    { "name": "tier4", "share": 0.56 }
  ]
}`;
    try {
      resolveScenario(text, FILE, () => undefined);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      const { issues } = error as ScenarioError;
      expect(issues.map(({ line, column, path }) => [line, column, path])).toEqual([
        [3, 11, 'days'],
        [4, 12, 'tiers'],
        [5, 39, 'tiers[0].adReach'],
        [6, 33, 'tiers[1].share'],
      ]);
      expect(issues[0]).toMatchObject({ file: FILE, message: 'expected an integer in [1, 20000], got 0' });
      expect(issues[1].message).toBe('expected tier shares to sum to 1, got 0.56 (0.05 + -0.22 + 0.17 + 0.56)');
      expect(issues[2].message).toBe('unknown field, did you mean "adReachPerDay"?');
    }
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }, 3] })).toBe('{\n  "a": [\n    {\n      "c": 2,\n      "d": 1\n    },\n    3\n  ],\n  "b": 1\n}\n');
  });
});

import { describe, expect, it } from 'vitest';
import { canChangeDuringRun } from '../../src/scenario/interventions.ts';
import { ScenarioError } from '../../src/scenario/issues.ts';
import { resolveScenario } from '../../src/scenario/load.ts';

const FILE = 'scenarios/x.json';

function problems(text: string): string[] {
  try {
    resolveScenario(text, FILE, () => undefined);
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

/** A valid 4-tier scenario of 100 days from 2014-05-22 (so runs to 2014-08-30), plus `more` fields. */
const scenario = (more: string) => `{
  "name": "x",
  "days": 100,
  "tiers": [
    { "name": "tier1", "share": 0.05 },
    { "name": "tier2", "share": 0.22 },
    { "name": "tier3", "share": 0.17 },
    { "name": "tier4", "share": 0.56 }
  ],
  ${more}
}`;

/** The same with one intervention on line 11. */
const intervention = (fields: string) => scenario(`"interventions": [\n    { ${fields} }\n  ]`);

describe('cross-field rules', () => {
  it('reports tier shares that do not sum to 1, at the tiers list', () => {
    const text = scenario('"seed": 2').replace('0.56', '0.5');
    expect(problems(text)).toEqual(['scenarios/x.json:4:12 tiers: expected tier shares to sum to 1, got 0.94 (0.05 + 0.22 + 0.17 + 0.5)']);
  });

  it('accepts shares that sum to 1 within 1e-6', () => {
    const text = scenario('"seed": 2').replace('0.56', '0.5600004');
    expect(resolveScenario(text, FILE, () => undefined).scenario.tiers[3].share).toBe(0.5600004);
  });

  it('reports a regular graph with an odd number of tie ends, at the degree', () => {
    expect(problems(scenario('"population": { "agents": 1001 },\n  "network": { "kind": "regular", "degree": 5 }'))).toEqual([
      'scenarios/x.json:11:45 network.degree: expected agents × degree to be even (each tie has two ends), got 1001 × 5',
    ]);
  });

  it('reports a small world with an odd degree or one as large as the population', () => {
    expect(problems(scenario('"network": { "kind": "small-world", "degree": 7 }'))).toEqual([
      'scenarios/x.json:10:49 network.degree: expected an even degree for a small world (degree/2 neighbours on each side of the ring), got 7',
    ]);
    expect(problems(scenario('"population": { "agents": 10 },\n  "network": { "kind": "small-world", "degree": 10 }'))).toEqual([
      'scenarios/x.json:11:49 network.degree: expected a degree below the 10 agents, got 10',
    ]);
  });

  it('reports mixing rows that symmetric tie counts cannot follow, with what can be had and the rule', () => {
    // Equal meanFriends, tier 4 holding 55 % of the agents: its 15 % of ties to other tiers are more
    // ends than tiers 1–3 send out altogether (15 % of 45 %), so its row cannot hold.
    const rows = '[[0.85, 0.05, 0.02, 0.08], [0.05, 0.85, 0.05, 0.05], [0.05, 0.05, 0.85, 0.05], [0.08, 0.035, 0.035, 0.85]]';
    const text = scenario(`"network": { "clustering": 0, "mixing": ${rows} }`)
      .replace('0.05 }', '0.05, "meanFriends": 10 }')
      .replace('"share": 0.22 }', '"share": 0.15, "meanFriends": 10 }')
      .replace('"share": 0.17 }', '"share": 0.25, "meanFriends": 10 }')
      .replace('"share": 0.56 }', '"share": 0.55, "meanFriends": 10 }');
    const found = problems(text);
    const tier4 = found.find((line) => line.includes('network.mixing[3]:'));
    expect(tier4).toMatch(
      /^scenarios\/x\.json:10:\d+ network\.mixing\[3\]: expected a row the tiers' sizes and meanFriends allow within 0\.02, got \[0\.08, 0\.035, 0\.035, 0\.85\] \(as shares of the row\): symmetric tie counts \(each tie is an end in two tiers\) that give every tier its meanFriends can have \[[\d., ]+\]\. Rows are preferences: the tie counts are the symmetric ones with exact tier degrees closest to them \(README, "Tier mixing"\); write that row, or change shares or meanFriends$/,
    );
    const possible = JSON.parse(tier4!.match(/can have (\[[\d., ]+\])/)![1]) as number[];
    expect(possible.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    // What can be had really is possible: tier 4 keeps at least the ends the others cannot take.
    const othersOut = 0.15 * (0.05 + 0.15 + 0.25);
    expect(possible[3]).toBeGreaterThanOrEqual(1 - othersOut / 0.55 - 0.001);
  });

  it('reports a mixing matrix without one row per tier', () => {
    expect(problems(scenario('"network": { "mixing": [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]] }'))).toEqual([
      'scenarios/x.json:10:26 network.mixing: expected 4 rows, one per tier, got 3',
    ]);
  });

  it('reports a mixing row without one weight per tier', () => {
    expect(problems(scenario('"network": { "mixing": [[1, 0, 0, 0], [0, 1, 0], [0, 0, 1, 0], [0, 0, 0, 1]] }'))).toEqual([
      'scenarios/x.json:10:41 network.mixing[1]: expected 4 weights, one per tier, got 3',
    ]);
  });

  it('reports an edge-list network without its edge list, at the kind', () => {
    expect(problems(scenario('"network": { "kind": "edge-list" }'))).toEqual([
      'scenarios/x.json:10:24 network.edgeList: missing, required when network.kind is "edge-list" (the CSV file of ties)',
    ]);
  });

  it('reports a festival day that is not in the calendar', () => {
    expect(problems(scenario('"festivals": [{ "name": "x", "monthDay": "02-30" }]'))).toEqual([
      'scenarios/x.json:10:44 festivals[0].monthDay: expected a real month and day written MM-DD, got "02-30"',
    ]);
  });

  it('reports a threshold with both an absolute and a fractional form, or neither', () => {
    expect(problems(scenario('"threshold": { "friends": 2, "fraction": 0.2 }'))).toEqual([
      'scenarios/x.json:10:16 threshold: expected exactly one of friends (absolute) or fraction (fractional), got both',
    ]);
    expect(problems(scenario('"threshold": {}'))).toEqual(['scenarios/x.json:10:16 threshold: expected exactly one of friends (absolute) or fraction (fractional), got neither']);
  });

  it('reports a threshold on a mixed population, at the kind', () => {
    expect(problems(scenario('"network": { "kind": "mixed" }, "threshold": { "friends": 2 }'))).toEqual([
      'scenarios/x.json:10:24 threshold: expected a network with friend ties: network.kind "mixed" has none to count',
    ]);
  });

  it('reports a fraction of 0 and a threshold of 0 friends', () => {
    expect(problems(scenario('"threshold": { "fraction": 0 }'))).toEqual(['scenarios/x.json:10:30 threshold.fraction: expected a number in (0, 1], got 0']);
    expect(problems(scenario('"threshold": { "friends": 0 }'))).toEqual(['scenarios/x.json:10:29 threshold.friends: expected an integer in [1, 65535], got 0']);
  });

  it('reports a seed customer beyond the population, at the id', () => {
    expect(problems(scenario('"population": { "agents": 50 }, "seedCustomers": { "agents": [3, 50], "highestDegree": 51 }'))).toEqual([
      'scenarios/x.json:10:68 seedCustomers.agents[1]: expected an agent number below population.agents (50), got 50',
      'scenarios/x.json:10:90 seedCustomers.highestDegree: expected at most population.agents (50), got 51',
    ]);
  });

  it('accepts 29 February as a festival day', () => {
    expect(resolveScenario(scenario('"festivals": [{ "name": "leap", "monthDay": "02-29" }]'), FILE, () => undefined).scenario.festivals).toHaveLength(1);
  });
});

describe('intervention rules', () => {
  it('accepts a ramp of a number field the kernel reads each day', () => {
    const text = intervention('"path": "tiers[3].offlinePerDay", "value": 0.002, "from": "2014-06-01", "to": "2014-07-01"');
    expect(resolveScenario(text, FILE, () => undefined).scenario.interventions[0].value).toBe(0.002);
  });

  it('reports a date before the start of the run', () => {
    expect(problems(intervention('"path": "payment.closedLoop", "value": false, "from": "2014-05-01"'))).toEqual([
      'scenarios/x.json:11:61 interventions[0].from: expected a date from 2014-05-22 (the start) to 2069-02-22 (the longest run), got "2014-05-01"',
    ]);
  });

  it('reports a date beyond the longest possible run (a mistyped year)', () => {
    expect(problems(intervention('"path": "channels.ad.conversion", "value": 0.02, "from": "2014-06-01", "to": "2105-01-01"'))).toEqual([
      'scenarios/x.json:11:84 interventions[0].to: expected a date from 2014-05-22 (the start) to 2069-02-22 (the longest run), got "2105-01-01"',
    ]);
  });

  it('accepts a ramp that the end of the run cuts off', () => {
    const text = intervention('"path": "channels.ad.conversion", "value": 0.02, "from": "2014-06-01", "to": "2015-01-01"');
    expect(resolveScenario(text, FILE, () => undefined).scenario.interventions[0].to).toBe('2015-01-01');
  });

  it('lets a run shortened with --set days end before its later interventions, which then never happen', () => {
    const text = intervention('"path": "channels.ad.conversion", "value": 0.02, "from": "2014-08-01"');
    const resolved = resolveScenario(text, FILE, () => undefined, [{ path: 'days', value: 30 }]);
    expect(resolved.scenario.days).toBe(30);
    expect(resolved.scenario.interventions).toHaveLength(1);
  });

  it('reports a ramp that ends before it starts', () => {
    expect(problems(intervention('"path": "channels.ad.conversion", "value": 0.02, "from": "2014-07-01", "to": "2014-06-01"'))).toEqual([
      'scenarios/x.json:11:84 interventions[0].to: expected a date after from (2014-07-01), got "2014-06-01"',
    ]);
  });

  it('reports a ramp of a value that is not a number', () => {
    expect(problems(intervention('"path": "payment.closedLoop", "value": false, "from": "2014-06-01", "to": "2014-07-01"'))).toEqual([
      'scenarios/x.json:11:81 interventions[0].to: only a number value can ramp; a boolean value changes in one step on "from", so remove "to"',
    ]);
  });

  it('reports a path that is not in the scenario and suggests the nearest field', () => {
    expect(problems(intervention('"path": "paymnt.closedLoop", "value": false, "from": "2014-06-01"'))).toEqual([
      'scenarios/x.json:11:15 interventions[0].path: no field "paymnt.closedLoop" in the scenario, did you mean "payment.closedLoop"?',
    ]);
  });

  it('reports a path to a tier the scenario does not have', () => {
    expect(problems(intervention('"path": "tiers[4].offlinePerDay", "value": 0.01, "from": "2014-06-01"'))).toEqual([
      'scenarios/x.json:11:15 interventions[0].path: no field "tiers[4].offlinePerDay": tiers has 4 items',
    ]);
  });

  it('reports a path that names a group of fields instead of one', () => {
    expect(problems(intervention('"path": "payment", "value": false, "from": "2014-06-01"'))).toEqual([
      'scenarios/x.json:11:15 interventions[0].path: expected the path of one field, got the group "payment" (its fields: closedLoop, closedLoopFriction, jumpFriction)',
    ]);
  });

  it('reports a setup-only field as one that cannot change during a run', () => {
    expect(problems(intervention('"path": "tiers[2].share", "value": 0.2, "from": "2014-06-01"'))).toEqual([
      'scenarios/x.json:11:15 interventions[0].path: tiers[2].share cannot change during a run: it is read once at setup',
    ]);
  });

  it('reports a field outside the dynamic prefixes as one that cannot change during a run', () => {
    expect(problems(intervention('"path": "population.agents", "value": 5, "from": "2014-06-01"'))).toEqual([
      'scenarios/x.json:11:15 interventions[0].path: population.agents cannot change during a run: it is read once at setup',
    ]);
  });

  it('reports a value of the wrong type for its field', () => {
    expect(problems(intervention('"path": "payment.closedLoop", "value": 1, "from": "2014-06-01"'))).toEqual([
      'scenarios/x.json:11:46 interventions[0].value: expected true or false to fit payment.closedLoop, got 1',
    ]);
  });

  it('reports a number outside the range of its field', () => {
    expect(problems(intervention('"path": "tiers[3].offlinePerDay", "value": 2, "from": "2014-06-01"'))).toEqual([
      'scenarios/x.json:11:50 interventions[0].value: expected a number in [0, 1] to fit tiers[3].offlinePerDay, got 2',
    ]);
  });

  it('reports a string that is not one of the options of an enum field', () => {
    expect(problems(intervention('"path": "targeting.mode", "value": "fast", "from": "2014-06-01"'))).toEqual([
      'scenarios/x.json:11:42 interventions[0].value: expected one of "historical" or "instant" to fit targeting.mode, got "fast"',
    ]);
  });

  it('reports a path that is not a path at all', () => {
    expect(problems(intervention('"path": "tiers[three]", "value": 1, "from": "2014-06-01"'))).toEqual([
      'scenarios/x.json:11:15 interventions[0].path: expected a field path like "tiers[3].offlinePerDay", got "tiers[three]"',
    ]);
  });
});

describe('canChangeDuringRun', () => {
  it('allows the per-day fields and refuses what is precomputed at setup', () => {
    expect(canChangeDuringRun('tiers[3].offlinePerDay')).toBe(true);
    expect(canChangeDuringRun('tiers[].shareMix.group')).toBe(true);
    expect(canChangeDuringRun('attentionNeedsActivity')).toBe(true);
    expect(canChangeDuringRun('sharing.onceOnly')).toBe(true);
    expect(canChangeDuringRun('tiers[0].sharing.median')).toBe(false);
    expect(canChangeDuringRun('channels.direct.recipients')).toBe(false);
    expect(canChangeDuringRun('network.kind')).toBe(false);
    expect(canChangeDuringRun('lapseAfterDays')).toBe(false);
  });
});

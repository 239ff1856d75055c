import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/experiments/experiment-file.ts';
import { experimentJsonSchema } from '../../src/experiments/schema.ts';
import { loadExperimentDesign } from '../../src/cli/experiments/load-files.ts';
import { ScenarioError } from '../../src/scenario/issues.ts';
import { parseOverride } from '../../src/scenario/overrides.ts';
import { FIXTURES } from './support/run-experiment.ts';

function problems(text: string): string[] {
  try {
    parseExperiment(text, 'x.json');
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split('\n');
    throw error;
  }
  return [];
}

function designProblems(file: string, overrides: string[] = []): string[] {
  try {
    loadExperimentDesign(file, { overrides: overrides.map(parseOverride) });
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split('\n');
    throw error;
  }
  return [];
}

describe('experiment files', () => {
  it('experiments/schema.json is generated from the zod schema and up to date', () => {
    expect(readFileSync('experiments/schema.json', 'utf8')).toBe(experimentJsonSchema());
  });

  it('an unknown field is reported at its line and column with the nearest field name', () => {
    expect(problems('{\n  "name": "x",\n  "baseline": { "scenario": "a.json" },\n  "replicate": 3\n}')).toEqual([
      'x.json:4:3 replicate: unknown field, did you mean "replicates"?',
    ]);
  });

  it('a wrong type, a repeated variant name and a Latin hypercube without samples are all reported at once', () => {
    const text = `{
  "name": "x",
  "baseline": { "name": "base", "scenario": "a.json" },
  "variants": [{ "name": "v" }, { "name": "base" }],
  "sweep": { "method": "latin-hypercube", "parameters": [{ "path": "days", "from": 30, "to": 60 }] },
  "replicates": "ten"
}`;
    expect(problems(text)).toEqual(['x.json:6:17 replicates: expected an integer in [1, 100000], got "ten"']);
    const valid = text.replace('"ten"', '10');
    expect(problems(valid)).toEqual([
      'x.json:4:43 variants[1].name: "base" is already the name of baseline.name; names label the output rows, so they must differ',
      'x.json:5:12 sweep.samples: missing, required when method is "latin-hypercube"',
    ]);
  });

  it('a sweep parameter needs values or a full range, and a grid range needs a count', () => {
    const text = `{ "name": "x", "baseline": { "scenario": "a.json" },
  "sweep": { "parameters": [
    { "path": "a", "from": 1 },
    { "path": "b", "from": 1, "to": 2 },
    { "path": "c" }
  ] } }`;
    expect(problems(text)).toEqual([
      'x.json:3:5 sweep.parameters[0]: missing `count`: how many values a grid takes from the range',
      'x.json:3:28 sweep.parameters[0].from: a range needs both `from` and `to`',
      'x.json:4:5 sweep.parameters[1]: missing `count`: how many values a grid takes from the range',
      'x.json:5:5 sweep.parameters[2]: missing `values` or a range `from`..`to`',
    ]);
  });

  it('a bad override in a variant is reported at the line of the experiment file that wrote it', () => {
    expect(designProblems(`${FIXTURES}/bad-override.json`)).toEqual([
      `${FIXTURES}/bad-override.json:7:62 tiers[3].offlinePerDay: expected a number in [0, 1], got 2 (in "too-many")`,
      `${FIXTURES}/bad-override.json:8:40 tiers[7].share: tiers has 4 items, so it has no item [7] (in "no-such-tier")`,
    ]);
  });

  it('a missing scenario file and an unknown report tier are reported where they are named', () => {
    expect(designProblems(`${FIXTURES}/missing-scenario.json`)).toEqual([
      `${FIXTURES}/missing-scenario.json:5:36 variants[0].scenario: cannot read the scenario file ${FIXTURES}/nowhere.json`,
    ]);
    expect(designProblems(`${FIXTURES}/unknown-tier.json`)).toEqual([
      `${FIXTURES}/unknown-tier.json:5:25 report.tiers[1]: no tier "tier 9" in ${FIXTURES}/four-tiers.json; expected one of "tier 1", "tier 2", "tier 3", "tier 4", a tier number or "all" (in "baseline")`,
    ]);
  });

  it('--set from the command line is validated like the file and named as typed', () => {
    expect(designProblems(`${FIXTURES}/experiment.json`, ['days=-3'])).toEqual(['--set days=-3 days: expected an integer in [1, 20000], got -3']);
  });

  it('variants share the seed of their replicate, and scenario paths resolve from the experiment file', () => {
    const { design } = loadExperimentDesign(`${FIXTURES}/experiment.json`, { overrides: [] });
    expect(design.variants).toEqual(['baseline', 'more-promoters', 'no-ads']);
    expect(design.configurations.map((c) => c.scenarioFile)).toEqual([`${FIXTURES}/four-tiers.json`, `${FIXTURES}/more-promoters.json`, `${FIXTURES}/four-tiers.json`]);
    expect(design.masterSeed).toBe(7);
    expect(design.seeds).toHaveLength(4);
    expect(design.configurations[2].scenario.tiers[0].adReachPerDay).toBe(0);
  });

  it('the experiment files shipped in experiments/ are valid against the bundled scenarios', () => {
    const files = readdirSync('experiments').filter((name) => name.endsWith('.json') && name !== 'schema.json');
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const name of files) expect(designProblems(`experiments/${name}`)).toEqual([]);
  });
});

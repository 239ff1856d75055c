// Careless and hostile scenario input: every rejection is a located error, nothing reaches
// Object.prototype, nothing recurses without a bound, and "did you mean" names only close fields.
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateCommand } from '../../src/cli/validate-command.ts';
import { ScenarioError } from '../../src/scenario/issues.ts';
import { resolveScenario } from '../../src/scenario/load.ts';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { parseOverride } from '../../src/scenario/overrides.ts';
import { isCloseTo } from '../../src/scenario/validate.ts';
import { parseExperiment } from '../../src/experiments/experiment-file.ts';
import { readAddress } from '../../src/view/simulator/permalink.ts';
import { ROOT, scratchDir } from '../cli/tierwave.ts';
import { capturingIo } from '../experiments/support/run-experiment.ts';

const FILE = 'scenarios/x.json';
const BASE = 'scenarios/base.json';
const BASE_TEXT = JSON.stringify({ name: 'base', tiers: [{ name: 'big city', share: 0.3 }, { name: 'county', share: 0.7 }] });
const read = (path: string) => (path === BASE ? BASE_TEXT : undefined);

/** The printed problems of a scenario text (with `extends` to BASE available) and overrides. */
function problems(text: string, overrides: readonly string[] = []): string[] {
  try {
    resolveScenario(text, FILE, read, overrides.map(parseOverride));
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

const ok = `{"extends": "base.json"}`;

afterEach(() => {
  // Nothing may have reached the prototype every object shares.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
});

describe('prototype keys', () => {
  it.each(['__proto__.polluted=1', 'constructor.prototype.polluted=1', 'tiers[0].__proto__.share=1', 'notes["__proto__"]=1'])('refuses --set %s, naming the --set', (set) => {
    const lines = problems(ok, [set]);
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`--set ${set} `)).toBe(true);
    expect(lines[0]).toMatch(/is not allowed as a field name \(it would reach the object prototype\)$/);
  });

  it('refuses a value holding a prototype key, naming the --set', () => {
    expect(problems(ok, ['tiers[0]={"__proto__":{"share":0.3},"name":"x"}'])).toEqual([
      '--set tiers[0]={"__proto__":{"share":0.3},"name":"x"} tiers[0]: the value has a field "__proto__", which is not allowed as a field name (it would reach the object prototype)',
    ]);
  });

  it('refuses "__proto__" as a key in a file at its line, and it cannot supply a tier’s share', () => {
    const text = '{\n  "name": "x",\n  "tiers": [\n    { "name": "t", "__proto__": { "share": 1 } }\n  ]\n}';
    expect(problems(text)).toEqual([
      'scenarios/x.json:4:5 tiers[0].share: missing, expected a number in [0, 1]',
      'scenarios/x.json:4:20 tiers[0].__proto__: "__proto__" is not allowed as a field name (it would reach the object prototype)',
    ]);
  });

  it('refuses prototype keys in an experiment file’s set', () => {
    const text = '{\n  "name": "e",\n  "baseline": { "scenario": "a.json" },\n  "set": { "__proto__.polluted": 1 }\n}';
    expect(() => parseExperiment(text, 'e.json')).not.toThrow();
    // A `set` key is a path: it is refused where every override is applied (parsePath).
    const parsed = parseExperiment(text, 'e.json');
    expect(() => resolveScenario(ok, FILE, read, [{ path: '__proto__.polluted', value: 1 }])).toThrow(ScenarioError);
    expect(parsed.experiment.set).toEqual({ '__proto__.polluted': 1 });
    const keyed = '{\n  "name": "e",\n  "baseline": { "scenario": "a.json", "__proto__": { "name": "b" } }\n}';
    expect(() => parseExperiment(keyed, 'e.json')).toThrow('e.json:3:39 baseline.__proto__: "__proto__" is not allowed as a field name');
  });

  it('refuses a permalink’s __proto__ override through the loader the page uses', () => {
    const address = readAddress('?scenario=x&set=__proto__.polluted=1');
    expect(problems(ok, address.overrides)).toEqual([
      '--set __proto__.polluted=1 __proto__.polluted: invalid path: "__proto__" is not allowed as a field name (it would reach the object prototype)',
    ]);
  });

  it('refuses --set __proto__ on the command line with one error naming the --set', () => {
    const io = capturingIo();
    expect(() => loadScenarioFile(join(ROOT, 'scenarios/jd-tencent-2014.json'), [parseOverride('__proto__.polluted=1')])).toThrow(
      /^--set __proto__\.polluted=1 __proto__\.polluted: invalid path/,
    );
    expect(io.err()).toBe('');
  });
});

describe('nesting', () => {
  const deep = (levels: number) => `{"extends": "base.json", "network": {"mixing": ${'{"mixing": '.repeat(levels)}1${'}'.repeat(levels)}}}`;

  it('reports 2,000 levels of "mixing" (a 4 KB file less than 25 KB) as a located error', () => {
    const text = deep(2000);
    const lines = problems(text);
    expect(lines).toHaveLength(1);
    // The 33rd `{` opens level 33; it is the value of the 31st "mixing" under network.
    const offset = text.split('{').slice(0, 33).join('{').length;
    expect(lines[0]).toBe(`scenarios/x.json:1:${offset + 1} network${'.mixing'.repeat(31)}: nested more than 32 levels deep; no field is nested so deep`);
  });

  it('reports deep nesting in a --set value, naming the --set', () => {
    const value = `${'['.repeat(100000)}${']'.repeat(100000)}`;
    const lines = problems(ok, [`notes=${value}`]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^--set notes=\[\[\[.*notes: the value nests more than 31 levels deep/);
  });

  it('validate checks the next file after a 2,000-deep one', () => {
    const dir = scratchDir('deep');
    const [a, b] = [join(dir, 'a.json'), join(dir, 'b.json')];
    writeFileSync(a, `{"name": "a", "tiers": [{"name": "t", "share": 1}], "network": {"mixing": ${'{"mixing": '.repeat(2000)}1${'}'.repeat(2000)}}}`);
    writeFileSync(b, JSON.stringify({ name: 'b', tiers: [{ name: 't', share: 1 }] }));
    const io = capturingIo();
    expect(validateCommand([a, b], io)).toBe(false);
    expect(io.err()).toMatch(new RegExp(`^${a}:1:\\d+ network(\\.mixing)+: nested more than 32 levels deep`));
    expect(io.out()).toBe(`ok ${b}\n`);
  });
});

describe('values', () => {
  it('reports 1e309 as a number out of range, not null', () => {
    expect(problems('{"extends": "base.json",\n "seed": 1e309}')).toEqual(['scenarios/x.json:2:10 seed: expected an integer in [0, 4294967295], got a number out of range (beyond ±1.8e308)']);
  });

  it('shows a 10 MB unknown key by its start, quickly', () => {
    const key = 'k'.repeat(10_000_000);
    const started = performance.now();
    const lines = problems(`{"extends": "base.json", "${key}": 1}`);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(lines).toHaveLength(1);
    expect(lines[0].length).toBeLessThan(2500);
    expect(lines[0]).toMatch(/^scenarios\/x\.json:1:26 k{500}… \(9999500 more characters\): unknown field, expected one of /);
  });

  it('refuses a basket median that would not fit the fen it is counted in', () => {
    expect(problems(ok, ['tiers[0].basketYuan={"median":1e8,"sigma":0}'])).toEqual([
      '--set tiers[0].basketYuan={"median":1e8,"sigma":0} tiers[0].basketYuan.median: expected a number in [0, 1000000], got 100000000',
    ]);
  });

  it('refuses a run that would go past 9999-12-31, and keeps intervention bounds within it', () => {
    expect(problems('{"extends": "base.json", "start": "9999-12-25", "days": 7}')).toEqual([
      'scenarios/x.json:1:57 days: a run of 7 days from 9999-12-25 would end after 9999-12-31, the last date that can be written; expected at most 6',
    ]);
    expect(problems('{"extends": "base.json", "start": "10000-01-01"}')[0]).toMatch(/start: expected a date written YYYY-MM-DD, got "10000-01-01"/);
  });

  it('accepts a byte-order mark at the start of pasted text', () => {
    expect(resolveScenario(`\uFEFF${ok}`, FILE, read).scenario.name).toBe('base');
  });
});

describe('did you mean', () => {
  it('offers a field already set, with its line', () => {
    const text = '{\n  "extends": "base.json",\n  "population": { "agents": 1000 },\n  "populaton": { "agents": 2000 }\n}';
    expect(problems(text)).toEqual(['scenarios/x.json:4:3 populaton: unknown field, did you mean "population"? it is already set on line 3']);
  });

  it.each(['comment', 'version', 'zzzzzz'])('offers nothing for %s, which is near no field', (key) => {
    const [line] = problems(`{"extends": "base.json", "${key}": 1}`);
    expect(line).toMatch(new RegExp(`${key}: unknown field, expected one of "\\$schema", "extends", "name"`));
  });

  it('offers nothing for --set nonexistent.path=1', () => {
    expect(problems(ok, ['nonexistent.path=1'])[0]).toMatch(/^--set nonexistent\.path=1 nonexistent: unknown field, expected one of /);
  });

  it('is close within 2 edits or a third of the key, or as a start of 4 letters or more', () => {
    // Oracles from the definitions: edits counted by hand.
    expect(isCloseTo('shar', 'share')).toBe(true); // 1 edit
    expect(isCloseTo('popluation', 'population')).toBe(true); // 2 edits
    expect(isCloseTo('offlinePerDy', 'offlinePerDay')).toBe(true); // 1 edit
    expect(isCloseTo('adReach', 'adReachPerDay')).toBe(true); // a start of 7 letters
    expect(isCloseTo('sharee', 'sharing')).toBe(false); // 3 edits, more than 2 and 6/3
    expect(isCloseTo('comment', 'payment')).toBe(false); // 3 edits, more than 2 and 7/3
    expect(isCloseTo('version', 'description')).toBe(false); // 5 edits
    expect(isCloseTo('interventionz', 'interventions')).toBe(true);
    expect(isCloseTo('interventionsxyz', 'interventions')).toBe(true); // 3 edits ≤ 16/3, and a start
    expect(isCloseTo('abcdefghijklmnopqr', 'abcdefghijklmnxxxx')).toBe(true); // 4 edits ≤ 18/3 = 6
  });
});

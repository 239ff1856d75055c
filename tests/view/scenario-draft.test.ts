// The editor's draft in Node: what a download writes (the opened file's own fields plus the edits,
// in the schema's order), how edits inside an inherited list follow the loader's whole-list rule,
// and that its verdict is the loader's own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFieldSchema, defaultAt } from '../../src/view/editor/field-schema.ts';
import { ScenarioDraft } from '../../src/view/editor/scenario-draft.ts';
import { resolveScenario } from '../../src/scenario/load.ts';
import { formatIssue, ScenarioError } from '../../src/scenario/issues.ts';

const schema = loadFieldSchema();
const readFile = (path: string) => readFileSync(path, 'utf8');
const open = (file: string) => ScenarioDraft.open(readFile(file), file, schema.root, readFile);
const parsed = (draft: ScenarioDraft) => JSON.parse(draft.text()) as Record<string, unknown>;

describe('ScenarioDraft', () => {
  it('writes the opened file unchanged but for key order, which follows the schema', () => {
    const draft = open('scenarios/no-rural-promoters.json');
    expect(parsed(draft)).toEqual(JSON.parse(readFile('scenarios/no-rural-promoters.json')));
    const schemaOrder = Object.keys(schema.root.properties!);
    const keys = Object.keys(parsed(draft));
    expect(keys).toEqual(schemaOrder.filter((k) => keys.includes(k)));
  });

  it('copies an inherited list into the file before editing an item of it, as the loader replaces lists whole', () => {
    const draft = open('scenarios/no-rural-promoters.json');
    const inheritedTiers = (JSON.parse(readFile('scenarios/jd-tencent-2014.json')) as { tiers: Record<string, unknown>[] }).tiers;
    expect(draft.ownValue(['tiers'])).toBeUndefined();
    draft.set(['tiers', 3, 'offlinePerDay'], 0.002, defaultAt(schema.root, ['tiers', 3, 'offlinePerDay']));
    const tiers = parsed(draft).tiers as Record<string, unknown>[];
    expect(tiers.length).toBe(inheritedTiers.length);
    expect(tiers[3]).toEqual({ ...inheritedTiers[3], offlinePerDay: 0.002 });
    expect(tiers.slice(0, 3)).toEqual(inheritedTiers.slice(0, 3));
    const { scenario } = resolveScenario(draft.text(), draft.file, readFile);
    expect(scenario.tiers[3].offlinePerDay).toBe(0.002);
  });

  it('writes no field whose new value is what it had anyway, and drops a cleared one', () => {
    const draft = open('scenarios/jd-tencent-2014.json');
    const before = draft.text();
    // The file leaves reinforcement.cap to its default, 10: setting it to 10 has nothing to write.
    const fallback = defaultAt(schema.root, ['reinforcement', 'cap']);
    expect(fallback).toBe(10);
    draft.set(['reinforcement', 'cap'], 10, fallback);
    expect(draft.text()).toBe(before);
    draft.set(['reinforcement', 'cap'], 12, fallback);
    expect((parsed(draft).reinforcement as Record<string, unknown>).cap).toBe(12);
    draft.set(['reinforcement', 'cap'], undefined, fallback);
    expect(draft.text()).toBe(before);
  });

  it('gives the loader’s verdict on the text it would download, issue for issue', () => {
    const draft = open('scenarios/jd-tencent-2014.json');
    draft.set(['tiers', 0, 'share'], 'a lot', undefined);
    draft.set(['days'], 0, 760);
    const verdict = draft.validate();
    let expected: string[] = [];
    try {
      resolveScenario(draft.text(), draft.file, readFile);
    } catch (error) {
      expected = (error as ScenarioError).issues.map(formatIssue);
    }
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(verdict.resolved).toBeUndefined();
    expect(verdict.issues.map(formatIssue)).toEqual(expected);
  });

  it('refuses to open text that is not a JSON object, with the loader’s located message', () => {
    expect(() => ScenarioDraft.open('{ "name": ', 'broken.json', schema.root, readFile)).toThrow(/^broken\.json:1:\d+: invalid JSON/);
  });
});

// A scenario's title: one text, or English and Chinese for the pages ({"en", "zh"}, as levers' labels).
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/issues.ts';
import { resolveScenario } from '../../src/scenario/load.ts';

const FILE = 'scenarios/x.json';
const withTitle = (title: string) => `{\n  "name": "x",\n  "title": ${title},\n  "tiers": [{ "name": "t1", "share": 0.3 }, { "name": "t2", "share": 0.7 }]\n}`;
const resolve = (text: string) => resolveScenario(text, FILE, () => undefined).scenario;

describe('a scenario title', () => {
  it('may be one text', () => {
    expect(resolve(withTitle('"A village"')).title).toBe('A village');
  });

  it('may be the same title in English and Chinese', () => {
    expect(resolve(withTitle('{ "en": "A village", "zh": "一个村庄" }')).title).toEqual({ en: 'A village', zh: '一个村庄' });
  });

  it('in two languages needs both, and says where one is missing', () => {
    let caught: unknown;
    try {
      resolve(withTitle('{ "en": "A village" }'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    const issues = (caught as ScenarioError).issues;
    expect(issues.map((i) => [i.where, i.path, i.message])).toEqual([[`${FILE}:3:12`, 'title.zh', 'missing, expected a string']]);
  });
});

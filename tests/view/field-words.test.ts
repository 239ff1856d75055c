// The editor's field documentation in Chinese: every description and unit of the scenario JSON
// Schema has real Chinese in words/schema-zh.json (and nothing there is kept for a text the schema
// no longer has), and every "allowed" phrase the command line writes for a field reads in Chinese.
import { describe, expect, it } from 'vitest';
import { listFields } from '../../src/scenario/fields.ts';
import { scenarioJsonSchema } from '../../src/scenario/reference.ts';
import { scenarioObjectSchema } from '../../src/scenario/schema.ts';
import { expectedZh } from '../../src/view/editor/field-words.ts';
import schemaZh from '../../src/view/shared/words/schema-zh.json';
import { schemaTexts } from './schema-texts.ts';

const CJK = /\p{Script=Han}/u;
const { descriptions, units } = schemaTexts();

describe('the schema’s texts in Chinese', () => {
  it('scenarios/schema.json is the schema the code makes (so the texts below are current)', () => {
    const fromCode = new Set<string>();
    JSON.stringify(JSON.parse(scenarioJsonSchema()), (key, value: unknown) => (key === 'description' && typeof value === 'string' && fromCode.add(value), value));
    expect([...fromCode].sort()).toEqual([...descriptions].sort());
  });

  for (const [kind, english, chinese] of [['description', descriptions, schemaZh.descriptions], ['unit', units, schemaZh.units]] as const) {
    it(`every ${kind} has a non-empty Chinese text with Han characters`, () => {
      const missing = [...english].filter((text) => !Object.hasOwn(chinese, text) || !CJK.test((chinese as Record<string, string>)[text].trim()));
      expect(missing).toEqual([]);
      expect(english.size).toBeGreaterThan(kind === 'description' ? 100 : 10);
    });

    it(`no Chinese ${kind} is stale (keyed by a text the schema no longer has)`, () => {
      expect(Object.keys(chinese).filter((text) => !english.has(text))).toEqual([]);
    });
  }

  it('every “allowed” phrase of listFields has a Chinese reading, none left in English', () => {
    const phrases = [...new Set(listFields(scenarioObjectSchema).map((entry) => entry.expected))];
    expect(phrases.length).toBeGreaterThan(20);
    const unread = phrases.filter((phrase) => {
      const zh = expectedZh(phrase);
      return zh === undefined || !CJK.test(zh);
    });
    expect(unread).toEqual([]);
  });

  it('reads the phrase shapes as meant', () => {
    expect(expectedZh('a number in [0, 1]')).toBe('[0, 1] 之间的数');
    expect(expectedZh('a number in (0, 1]')).toBe('(0, 1] 之间的数');
    expect(expectedZh('an integer ≥ 1')).toBe('≥ 1 的整数');
    expect(expectedZh('a number > 0')).toBe('> 0 的数');
    expect(expectedZh('a list of 1 to 4 items')).toBe('1 到 4 项的列表');
    expect(expectedZh('a list of at least 1 item')).toBe('至少 1 项的列表');
    expect(expectedZh('one of "historical" or "instant"')).toBe('"historical"、"instant" 之一');
    expect(expectedZh('a number, a boolean or a string')).toBe('数、布尔值或字符串');
    expect(expectedZh('an object whose values are each a string')).toBe('值均为字符串的对象');
    expect(expectedZh('a teapot')).toBeUndefined();
    expect(expectedZh('a number or a teapot')).toBeUndefined();
  });
});

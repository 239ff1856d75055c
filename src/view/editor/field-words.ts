// The field documentation in the page's language. The schema's descriptions and units are English
// (src/scenario/schema.ts, the command line's and the README's words); their Chinese lives in
// words/schema-zh.json, keyed by the exact English text. The "allowed" phrase is the command line's
// (describeExpected in src/scenario/fields.ts) and is read back here by the few shapes it is built
// from. A text with no Chinese (a field added since) stays English; tests/view/field-words.test.ts
// fails when any text of the bundled schema has none.
import { language } from '../shared/language.ts';
import schemaZh from '../shared/words/schema-zh.json';

const DESCRIPTIONS: Readonly<Record<string, string>> = schemaZh.descriptions;
const UNITS: Readonly<Record<string, string>> = schemaZh.units;

/** Chinese for a schema description, or undefined when it has none. */
export const descriptionZh = (text: string): string | undefined => (Object.hasOwn(DESCRIPTIONS, text) ? DESCRIPTIONS[text] : undefined);
/** Chinese for a schema unit, or undefined when it has none. */
export const unitZh = (text: string): string | undefined => (Object.hasOwn(UNITS, text) ? UNITS[text] : undefined);

/** Whole phrases the command line writes as they are. */
const PHRASES: Readonly<Record<string, string>> = {
  'a string': '字符串',
  'a non-empty string': '非空字符串',
  'a number': '数',
  'an integer': '整数',
  'a boolean': '布尔值',
  'true or false': 'true 或 false',
  'an object': '对象',
  'a list': '列表',
  'a date written YYYY-MM-DD': '写作 YYYY-MM-DD 的日期',
  'a month and day written MM-DD': '写作 MM-DD 的月日',
  'a SHA-256 written as 64 lowercase hex digits': '写作 64 位小写十六进制数字的 SHA-256',
  'a string of letters, digits, dot, dash or underscore': '由字母、数字、点、短横线或下划线组成的字符串',
  'a string of lower-case letters, digits and dashes': '由小写字母、数字和短横线组成的字符串',
};

const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:e[+-]?\d+)?`;
const NOUN: Readonly<Record<string, string>> = { 'a number': '数', 'an integer': '整数' };
const RANGE = new RegExp(`^(a number|an integer) in ([[(]${NUMBER}, ${NUMBER}[\\])])$`);
const BOUND = new RegExp(`^(a number|an integer) (≥|>|≤|<) (${NUMBER})$`);

/** Chinese for an "allowed" phrase of the command line, or undefined when it is not one of its shapes. */
export function expectedZh(phrase: string): string | undefined {
  if (Object.hasOwn(PHRASES, phrase)) return PHRASES[phrase];
  let m: RegExpExecArray | null;
  if ((m = RANGE.exec(phrase))) return `${m[2]} 之间的${NOUN[m[1]]}`;
  if ((m = BOUND.exec(phrase))) return `${m[2]} ${m[3]} 的${NOUN[m[1]]}`;
  if ((m = /^a list of (\d+) to (\d+) items$/.exec(phrase))) return `${m[1]} 到 ${m[2]} 项的列表`;
  if ((m = /^a list of at least (\d+) items?$/.exec(phrase))) return `至少 ${m[1]} 项的列表`;
  if ((m = /^a list of at most (\d+) items$/.exec(phrase))) return `至多 ${m[1]} 项的列表`;
  if ((m = /^one of ((?:"(?:[^"\\]|\\.)*"(?:, | or )?)+)$/.exec(phrase))) return `${m[1].match(/"(?:[^"\\]|\\.)*"/g)!.join('、')} 之一`;
  if ((m = /^an object whose values are each (.+)$/.exec(phrase))) {
    const value = expectedZh(m[1]);
    return value === undefined ? undefined : `值均为${value}的对象`;
  }
  // A union, "a, b or c": each alternative on its own.
  const parts = phrase.split(/, | or /);
  if (parts.length < 2) return undefined;
  const words = parts.map(expectedZh);
  if (words.some((w) => w === undefined)) return undefined;
  return `${words.slice(0, -1).join('、')}或${words[words.length - 1]}`;
}

const inPage = (english: string, zh: (text: string) => string | undefined): string => (language() === 'zh' ? (zh(english) ?? english) : english);

/** A field's description, unit and allowed values as the page shows them now (English when a text has no Chinese). */
export const fieldDescription = (text: string): string => inPage(text, descriptionZh);
export const fieldUnit = (text: string): string => inPage(text, unitZh);
export const fieldExpected = (phrase: string): string => inPage(phrase, expectedZh);

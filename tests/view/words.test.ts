// The string catalogue (src/view/shared/words): Chinese has exactly the English keys, each in real
// Chinese with the same placeholders, and every key the pages' HTML names exists.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../src/view/shared/words/en.json';
import zh from '../../src/view/shared/words/zh.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** i18next's plural suffixes: English has _one and _other, Chinese only _other. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/**
 * Chinese strings with no Chinese character, and why. Each is a name, a symbol or a file name that
 * Chinese readers see as written, or the other language's name on the language switch.
 */
const NO_CJK: Record<string, string> = {
  'language.switch': 'the switch names the language it switches to, in that language: "English"',
  'experiments.finding.side': 'word order only ("多 3.5"): its words are experiments.finding.fewer, less and more',
};

const EN = flatten(en as Tree);
const ZH = flatten(zh as Tree);

describe('the string catalogue', () => {
  it('has the same keys in Chinese as in English (plural forms aside)', () => {
    expect([...new Set([...ZH.keys()].map(base))].sort()).toEqual([...new Set([...EN.keys()].map(base))].sort());
    // Chinese has one plural form: every English plural key needs its _other in Chinese.
    for (const key of EN.keys()) if (PLURAL.test(key)) expect(ZH.has(`${base(key)}_other`), key).toBe(true);
  });

  it('writes every Chinese string in Chinese, not empty and not the English one, unless the allow-list says why', () => {
    for (const [key, text] of ZH) {
      expect(text.trim(), key).not.toBe('');
      const english = EN.get(key) ?? EN.get(`${base(key)}_other`);
      if (key in NO_CJK) continue;
      expect(text, key).not.toBe(english);
      expect(CJK.test(text), `${key}: "${text}" has no Chinese character`).toBe(true);
    }
    for (const key of Object.keys(NO_CJK)) expect(ZH.has(key), `allow-list names a missing key ${key}`).toBe(true);
  });

  it('names the same placeholders in both languages', () => {
    for (const [key, text] of ZH) {
      const english = EN.get(key) ?? EN.get(`${base(key)}_other`)!;
      expect(placeholders(text), key).toEqual(placeholders(english));
    }
  });

  it('has every key the pages name in their HTML', () => {
    for (const file of ['index.html', 'compare.html', 'sensitivity.html', 'experiments.html', 'editor.html']) {
      const html = readFileSync(file, 'utf8');
      for (const match of html.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)) expect(EN.has(match[1]), `${file}: ${match[1]}`).toBe(true);
    }
  });
});

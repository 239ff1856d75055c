// editor.html in Chinese, in Chromium: with `lang=zh` and every group open, no description or unit
// of the scenario schema is left in English anywhere a reader sees it, the "allowed" values read in
// Chinese, and the header's switch brings the English back in place.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, servePages, type Served } from '../support/browser.ts';
import zh from '../../src/view/shared/words/zh.json';
import { schemaTexts } from './schema-texts.ts';

const { descriptions, units } = schemaTexts();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole words only, so a description is not found inside an identifier or a longer word. */
const DESCRIPTIONS = [...descriptions].map((text) => ({ text, pattern: new RegExp(`(^|[^A-Za-z_./-])${escapeRegExp(text)}($|[^A-Za-z_./-])`) }));

let server: Served;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([servePages(['editor.html']), launchChromium()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens every group of the form (details), and returns the visible text nodes and the unit labels. */
async function openedTexts(page: Page): Promise<{ texts: string[]; units: string[]; help: string[] }> {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const visible = (element: Element) => element.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // Field names are identifiers (in <code>, and a group's name in its summary): a group named `groups` is not the unit.
      if (!parent || parent.closest('code, .group-name, script, style, textarea') || !visible(parent)) continue;
      if (node.textContent!.trim()) texts.push(node.textContent!.trim());
    }
    const all = (selector: string) => [...document.querySelectorAll(selector)].filter(visible).map((e) => e.textContent!.trim());
    return { texts, units: all('#fields .unit'), help: all('#fields .help') };
  });
}

const englishIn = (texts: readonly string[]) => texts.flatMap((text) => DESCRIPTIONS.filter(({ pattern }) => pattern.test(text)).map(({ text: d }) => `"${d}" in "${text.slice(0, 80)}"`));

describe('editor.html in Chinese', () => {
  it('with every group open, shows no schema description or unit in English, and the allowed values in Chinese', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.url}editor.html?lang=zh&scenario=jd-tencent-2014`);
    await page.locator('[data-testid="field:tiers[3].offlinePerDay"]').waitFor({ state: 'attached' });
    const seen = await openedTexts(page);
    expect(seen.help.length).toBeGreaterThan(100);
    expect(seen.units.length).toBeGreaterThan(20);
    expect(englishIn(seen.texts)).toEqual([]);
    expect(seen.units.filter((unit) => units.has(unit))).toEqual([]);
    expect(seen.texts.filter((text) => units.has(text))).toEqual([]);
    // The allowed values: after the catalogue's label, Chinese (a phrase left English would start "a …", "an …", "one of").
    const allowed = seen.help.flatMap((help) => help.split(' · ').filter((fact) => fact.startsWith(`${zh.editor.allowed}: `)));
    expect(allowed.length).toBeGreaterThan(100);
    expect(allowed.filter((fact) => /: (an? |one of |true or false)/.test(fact))).toEqual([]);

    // The switch: the same form in English, in place, and back.
    await page.getByTestId('language').click();
    const english = await openedTexts(page);
    expect(englishIn(english.texts).length).toBeGreaterThan(100);
    expect(english.units.every((unit) => units.has(unit))).toBe(true);
    await page.getByTestId('language').click();
    expect(englishIn((await openedTexts(page)).texts)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

// The pages' language: every string the pages show comes from one catalogue, words/en.json and
// words/zh.json, read through i18next; numbers, dates and large counts are formatted by Intl for
// the language (in Chinese, large counts as 万 and 亿).
//
// The catalogue, for whoever adds a string:
// - Add the key to words/en.json (the source of truth: `t()` keys are checked against it at
//   compile time) and the same key to words/zh.json, in real Chinese. Group keys by page or
//   component: `compare.run`, `simulator.speed.slow`. tests/view/words.test.ts fails when zh
//   misses a key, has an extra one, leaves one empty or English, or names other placeholders.
// - Interpolation: "Chapter {{n}} of {{of}}" and `t('lesson.chapter', { n: 2, of: 6 })`. Values
//   are inserted as they are (no HTML escaping: the pages set textContent); format numbers with
//   the helpers below before passing them.
// - Plurals: i18next's suffixes with `count`: en "runs_one": "{{count}} run", "runs_other":
//   "{{count}} runs"; Chinese has one form, so zh has only "runs_other". `t('x.runs', { count })`.
//   So no other key may end in _zero, _one, _two, _few, _many or _other (write camelCase).
// - Static HTML: `<span data-i18n="key">`, or `data-i18n-title`, `data-i18n-aria-label`,
//   `data-i18n-placeholder`, `data-i18n-alt`, `data-i18n-content` (<meta>) for attributes,
//   `data-i18n-html` for a string that holds markup of our own (<kbd>, <code>), and
//   `data-i18n-args='{"file":"runs.csv"}'` for the values of a `data-i18n` text;
//   `translatePage()` fills them and redoes it on a switch.
// - Code that draws text subscribes with `onLanguageChange(render)` and reads `t()` when it renders.
//
// The language is the page's, like <html lang>: one i18next instance for the page, set from the
// address (`lang=zh|en`), else from the browser's language (zh… gives Chinese, anything else English).
import { createInstance } from 'i18next';
import en from './words/en.json';
import zh from './words/zh.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

export type Language = 'en' | 'zh';
export const LANGUAGES: readonly Language[] = ['en', 'zh'];

/** The language an address asks for, else the browser's. */
export function languageOf(search: string, browserLanguage: string): Language {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'zh' || asked === 'en') return asked;
  return browserDefault(browserLanguage);
}

const browserDefault = (browserLanguage: string): Language => (browserLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en');
const hasWindow = typeof location !== 'undefined' && typeof navigator !== 'undefined';

const words = createInstance();
void words.init({
  lng: hasWindow ? languageOf(location.search, navigator.language) : 'en',
  fallbackLng: 'en',
  supportedLngs: LANGUAGES as Language[],
  resources: { en: { translation: en }, zh: { translation: zh } },
  // Our own catalogue, written into textContent: nothing to escape, and no network to load from.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

// The static page first, before any other listener: code that set a marked element's text since
// (the status line, say) redraws it after, instead of being overwritten with the HTML's words.
if (typeof document !== 'undefined') words.on('languageChanged', () => translatePage());

/** A string of the catalogue: `t('lesson.chapter', { n: 2, of: 6 })`. */
export const t = words.t.bind(words) as typeof words.t;

export function language(): Language {
  return words.language === 'zh' ? 'zh' : 'en';
}

/** The BCP 47 tag Intl and <html lang> use. */
export const localeOf = (lang: Language) => (lang === 'zh' ? 'zh-CN' : 'en-US');
export const locale = () => localeOf(language());

/** Calls `listener` after every switch; returns the unsubscribe. */
export function onLanguageChange(listener: (lang: Language) => void): () => void {
  const handler = () => listener(language());
  words.on('languageChanged', handler);
  return () => words.off('languageChanged', handler);
}

/** Switches the page's language: texts re-render, <html lang> and the address bar follow. */
export function setLanguage(lang: Language): void {
  if (lang === language()) return;
  void words.changeLanguage(lang);
  if (hasWindow) history.replaceState(history.state, '', `${location.pathname}${withLanguage(location.search)}${location.hash}`);
}

/**
 * The `lang` a permalink carries: always for Chinese, and for English only when this browser would
 * otherwise open the link in Chinese; null when the link needs none.
 */
export function addressLanguage(): Language | null {
  const lang = language();
  if (lang === 'zh') return 'zh';
  return hasWindow && browserDefault(navigator.language) === 'zh' ? 'en' : null;
}

/** A query string ("?a=1" or "") with the page's `lang` set, replaced or removed. */
export function withLanguage(search: string): string {
  const kept = search.replace(/^\?/, '').split('&').filter((part) => part.length > 0 && !part.startsWith('lang='));
  const lang = addressLanguage();
  if (lang) kept.push(`lang=${lang}`);
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

/** A key written in HTML, which the compiler does not see (tests/view/words.test.ts checks them). */
const byKey = (key: string, args?: string): string => words.t(key, { defaultValue: key, ...(args ? (JSON.parse(args) as object) : {}) });
const ATTRIBUTES = ['title', 'aria-label', 'placeholder', 'alt', 'content'] as const;

/** Fills the static page's marked texts and attributes (see the top of this file) and <html lang>. */
export function translatePage(root: ParentNode = document): void {
  document.documentElement.lang = localeOf(language());
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = byKey(node.dataset.i18n!, node.dataset.i18nArgs);
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n-html]')) node.innerHTML = byKey(node.dataset.i18nHtml!);
  for (const name of ATTRIBUTES) {
    for (const node of root.querySelectorAll<HTMLElement>(`[data-i18n-${name}]`)) node.setAttribute(name, byKey(node.getAttribute(`data-i18n-${name}`)!));
  }
}

/** The header's button that shows the page in the other language. */
export function languageSwitch(testid = 'language'): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'language-switch';
  button.dataset.testid = testid;
  const label = () => {
    button.textContent = t('language.switch');
    button.title = t('language.switchLabel');
    button.lang = localeOf(language() === 'en' ? 'zh' : 'en');
  };
  label();
  onLanguageChange(label);
  button.addEventListener('click', () => setLanguage(language() === 'en' ? 'zh' : 'en'));
  return button;
}

// Formatting. Intl objects are cheap to look up but not to build: one per language and kind.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(kind: string, options: Intl.NumberFormatOptions, lang = language()): Intl.NumberFormat {
  const key = `${lang}:${kind}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(localeOf(lang), options)));
  return format;
}

/** A whole count with the language's grouping: 806,000,000 / 806,000,000. */
export const formatCount = (n: number, lang?: Language) => numberFormat('count', { maximumFractionDigits: 0 }, lang).format(n);

/** A number with at most `digits` decimals. */
export const formatNumber = (n: number, digits = 2, lang?: Language) => numberFormat(`number${digits}`, { maximumFractionDigits: digits }, lang).format(n);

/** A large count in words: "806 million" in English, "8.1亿" in Chinese. */
export const formatLargeCount = (n: number, lang?: Language) =>
  numberFormat('large', { notation: 'compact', compactDisplay: (lang ?? language()) === 'en' ? 'long' : 'short', maximumFractionDigits: 1 }, lang).format(n);

/** A count on an axis, short: "12K" / "1.2万". */
export const formatCompact = (n: number, lang?: Language) => numberFormat('compact', { notation: 'compact', maximumFractionDigits: 1 }, lang).format(n);

/** A share (0.25) as a percentage: "25%" / "25%". */
export const formatPercent = (fraction: number, digits = 1, lang?: Language) => numberFormat(`percent${digits}`, { style: 'percent', maximumFractionDigits: digits }, lang).format(fraction);

/** Yuan, large sums compact: "CN¥8.1B" / "¥81亿". */
export const formatYuan = (yuan: number, lang?: Language) =>
  numberFormat('yuan', { style: 'currency', currency: 'CNY', notation: Math.abs(yuan) >= 1e5 ? 'compact' : 'standard', maximumFractionDigits: 1 }, lang).format(yuan);

const dateFormats = new Map<Language, Intl.DateTimeFormat>();
/** A calendar date ("2014-05-27" or a Date at UTC midnight): "May 27, 2014" / "2014年5月27日". */
export function formatDate(date: string | Date, lang = language()): string {
  let format = dateFormats.get(lang);
  if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(localeOf(lang), { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })));
  return format.format(typeof date === 'string' ? new Date(`${date}T00:00:00Z`) : date);
}

/** A tier by its index from 0: "tier 1" / "一线" (Intl's Han decimal digits give 一 to 九). */
export function tierName(index: number, lang = language()): string {
  const n = lang === 'zh' ? new Intl.NumberFormat('zh-CN-u-nu-hanidec').format(index + 1) : String(index + 1);
  return t('tier.name', { n, lng: lang });
}

/** A tier's label from a scenario: names of the form "tier N" speak the page's language, others stay as written. */
export function tierLabel(name: string, lang = language()): string {
  const match = /^tier (\d)$/i.exec(name.trim());
  return match ? tierName(Number(match[1]) - 1, lang) : name;
}

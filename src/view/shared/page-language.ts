// The language a page speaks: `?lang=zh` or `?lang=en` in its address, else the browser's first
// choice when it is Chinese, else English. The page's <html lang> follows, so screen readers and
// Intl formats agree with the words shown.
export type PageLanguage = 'en' | 'zh';

export function pageLanguage(search = location.search, preferred = navigator.language): PageLanguage {
  const asked = new URLSearchParams(search).get('lang');
  const language: PageLanguage = asked === 'zh' || asked === 'en' ? asked : preferred.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  return language;
}

/** Intl's name for the language (numbers and durations are formatted by Intl, never by hand). */
export const intlLocale = (language: PageLanguage) => (language === 'zh' ? 'zh-CN' : 'en-GB');

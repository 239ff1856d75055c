// A finding (findings.ts) as a sentence in the page's language. The English sentence is the
// command line's word for word (tests/view/finding-words.test.ts checks every case against
// findingSentence); the Chinese one says the same with the same numbers.
import { metricWords, type Finding } from '../../experiments/findings.ts';
import { formatDate, formatNumber, language, localeOf, t, tierLabel, type Language } from '../shared/language.ts';
import { metricName } from '../shared/metric-name.ts';

/** As the CLI writes a change: one decimal, or two significant digits below 0.1 (so it never reads 0.0). */
function percentText(x: number, lang: Language): string {
  const a = Math.abs(x);
  const options: Intl.NumberFormatOptions = a === 0 || a >= 0.1 ? { minimumFractionDigits: 1, maximumFractionDigits: 1 } : { maximumSignificantDigits: 2 };
  return new Intl.NumberFormat(localeOf(lang), { ...options, useGrouping: false }).format(a);
}

type FindingKey = `experiments.finding.${'whoAll' | 'whoTier' | 'at' | 'fewer' | 'less' | 'more' | 'side' | 'tooFew' | 'same' | 'noneInBaseline' | 'clear' | 'unclear'}`;

export function findingText(f: Omit<Finding, 'sentence'>, lang: Language = language(), level = 0.9): string {
  const words = (key: FindingKey, values: Record<string, unknown> = {}): string => t(key, { ...values, lng: lang });
  const { counted } = metricWords(f.metric);
  const less = words(counted ? 'experiments.finding.fewer' : 'experiments.finding.less');
  const more = words('experiments.finding.more');
  const amount = (x: number) => formatNumber(Math.abs(x), 1, lang);
  const common = {
    variant: f.variant,
    at: f.parameters ? words('experiments.finding.at', { parameters: f.parameters }) : '',
    who: f.tier === 'all' ? words('experiments.finding.whoAll') : words('experiments.finding.whoTier', { tier: tierLabel(f.tier, lang) }),
    noun: metricName(f.metric, lang),
    baseline: f.baseline,
    date: lang === 'en' ? f.date : formatDate(f.date, lang),
    level: Math.round(level * 100),
  };
  if (f.n < 2 || !Number.isFinite(f.low)) return words('experiments.finding.tooFew', { ...common, amount: amount(f.difference), word: f.difference < 0 ? less : more, count: f.n });
  if (f.difference === 0 && f.low === 0 && f.high === 0) return words('experiments.finding.same', common);
  if (!Number.isFinite(f.changePercent)) {
    const side = (x: number) => words('experiments.finding.side', { amount: amount(x), word: x < 0 ? less : more });
    return words('experiments.finding.noneInBaseline', { ...common, amount: amount(f.difference), word: f.difference < 0 ? less : more, low: side(f.low), high: side(f.high) });
  }
  const word = f.changePercent < 0 ? less : more;
  const change = percentText(f.changePercent, lang);
  if (f.highPercent < 0 || f.lowPercent > 0) {
    const [a, b] = f.highPercent < 0 ? [f.highPercent, f.lowPercent] : [f.lowPercent, f.highPercent];
    return words('experiments.finding.clear', { ...common, change, word, a: percentText(a, lang), b: percentText(b, lang) });
  }
  return words('experiments.finding.unclear', { ...common, change, word, less, more, low: percentText(f.lowPercent, lang), high: percentText(f.highPercent, lang) });
}


// The results table: per variant and sweep point, on the chosen metric, tier and date, the mean of
// the finished runs with its 90 % interval, the change against the baseline (paired by seed, as
// diff.csv) and the sentence the command line prints for it (findings.ts).
import type { RunRow } from '../../experiments/report.ts';
import { diffRows, meanHalfWidth, statsRows } from '../../experiments/stats.ts';
import { findings } from '../../experiments/findings.ts';
import { intlLocale, type PageLanguage } from '../shared/page-language.ts';

const WORDS = {
  en: { variant: 'variant', point: 'sweep point', n: 'runs', mean: 'mean', interval: '90 % interval of the mean', change: 'change against the baseline', finding: 'finding', to: 'to', baseline: 'baseline' },
  zh: { variant: '变体', point: '扫描点', n: '运行次数', mean: '均值', interval: '均值的 90% 区间', change: '相对基线的变化', finding: '结论', to: '至', baseline: '基线' },
} as const;

export interface ResultsChoice {
  readonly metric: string;
  readonly tier: string;
  readonly date: string;
}

export function renderResultsTable(table: HTMLTableElement, rows: readonly RunRow[], baseline: string, choice: ResultsChoice, language: PageLanguage): void {
  const words = WORDS[language];
  const locale = intlLocale(language);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const chosen = (r: { metric: string; tier: string; date: string }) => r.metric === choice.metric && r.tier === choice.tier && r.date === choice.date;
  const stats = statsRows(rows).filter(chosen);
  const found = new Map(findings(diffRows(rows, baseline).filter(chosen)).map((f) => [JSON.stringify([f.variant, f.parameters]), f]));
  const swept = stats.some((s) => s.parameters !== '');
  // A sweep of the baseline alone has nothing to compare with: no change, no finding.
  const compared = found.size > 0;
  table.replaceChildren();
  if (stats.length === 0) return;
  const head = table.createTHead().insertRow();
  for (const column of [words.variant, ...(swept ? [words.point] : []), words.n, words.mean, words.interval, ...(compared ? [words.change, words.finding] : [])]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column;
    head.append(th);
  }
  const body = table.createTBody();
  for (const s of stats) {
    const tr = body.insertRow();
    const half = meanHalfWidth(s.sd, s.n);
    const finding = found.get(JSON.stringify([s.variant, s.parameters]));
    const cells = [
      s.variant === baseline ? `${s.variant} (${words.baseline})` : s.variant,
      ...(swept ? [s.parameters] : []),
      String(s.n),
      number.format(s.mean),
      Number.isFinite(half) ? `${number.format(s.mean - half)} ${words.to} ${number.format(s.mean + half)}` : '—',
      ...(compared ? [finding && Number.isFinite(finding.changePercent) ? percent.format(finding.changePercent / 100) : '—', finding?.sentence ?? ''] : []),
    ];
    for (const text of cells) tr.insertCell().textContent = text;
    tr.dataset.variant = s.variant;
  }
}

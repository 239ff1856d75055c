// The results table: per variant and sweep point, on the chosen metric, tier and date, the mean of
// the finished runs with its 90 % interval, the change against the baseline (paired by seed, as
// diff.csv) and the sentence the command line prints for it (findings.ts).
import type { RunRow } from '../../experiments/report.ts';
import { diffRows, meanHalfWidth, statsRows } from '../../experiments/stats.ts';
import { findings } from '../../experiments/findings.ts';
import { locale, t } from '../shared/language.ts';
import { findingText } from './finding-words.ts';

export interface ResultsChoice {
  readonly metric: string;
  readonly tier: string;
  readonly date: string;
}

export function renderResultsTable(table: HTMLTableElement, rows: readonly RunRow[], baseline: string, choice: ResultsChoice): void {
  const number = new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const chosen = (r: { metric: string; tier: string; date: string }) => r.metric === choice.metric && r.tier === choice.tier && r.date === choice.date;
  const stats = statsRows(rows).filter(chosen);
  const found = new Map(findings(diffRows(rows, baseline).filter(chosen)).map((f) => [JSON.stringify([f.variant, f.parameters]), f]));
  const swept = stats.some((s) => s.parameters !== '');
  // A sweep of the baseline alone has nothing to compare with: no change, no finding.
  const compared = found.size > 0;
  table.replaceChildren();
  if (stats.length === 0) return;
  const head = table.createTHead().insertRow();
  const columns = [t('experiments.table.variant'), ...(swept ? [t('experiments.table.point')] : []), t('experiments.table.runs'), t('experiments.table.mean'), t('experiments.table.interval')];
  if (compared) columns.push(t('experiments.table.change'), t('experiments.table.finding'));
  for (const column of columns) {
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
      s.variant === baseline ? t('experiments.table.baseline', { name: s.variant }) : s.variant,
      ...(swept ? [s.parameters] : []),
      String(s.n),
      number.format(s.mean),
      Number.isFinite(half) ? t('experiments.table.range', { lo: number.format(s.mean - half), hi: number.format(s.mean + half) }) : '—',
      ...(compared ? [finding && Number.isFinite(finding.changePercent) ? percent.format(finding.changePercent / 100) : '—', finding ? findingText(finding) : ''] : []),
    ];
    for (const text of cells) tr.insertCell().textContent = text;
    tr.dataset.variant = s.variant;
  }
}

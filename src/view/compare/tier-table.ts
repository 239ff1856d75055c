// The table under the charts: per tier, the baseline's and each variant's mean on the chosen day,
// the paired difference with its 90 % interval and the % change — the numbers `tierwave compare` prints.
import type { DailyMetric } from '../../engine/metrics.ts';
import { tierLabels } from '../../experiments/report.ts';
import type { ComparisonResults } from './results.ts';
import { formatDate, formatNumber, formatPercent, t, tierLabel } from '../shared/language.ts';
import { metricName } from '../shared/metric-name.ts';

const number = (x: number) => (Number.isFinite(x) ? formatNumber(x, 1) : '–');
const signed = (x: number) => (x > 0 ? `+${number(x)}` : number(x));

export function renderTierTable(table: HTMLTableElement, results: ComparisonResults, metric: DailyMetric, at: { day: number; date: string }): void {
  const { configurations } = results.design;
  const head = document.createElement('tr');
  const base = configurations[0].variant;
  const cells = [t('compare.table.tier'), t('compare.table.mean', { variant: base }), ...configurations.slice(1).flatMap((c) => [t('compare.table.mean', { variant: c.variant }), `${c.variant} − ${base}`, t('compare.table.interval'), t('compare.table.change')])];
  for (const text of cells) head.append(Object.assign(document.createElement('th'), { textContent: text }));
  const caption = Object.assign(document.createElement('caption'), { textContent: t('compare.table.caption', { metric: metricName(metric), date: formatDate(at.date), day: at.day }) });
  const rows = tierLabels(configurations[0].scenario).map((tier) => {
    const row = document.createElement('tr');
    row.dataset.tier = tier;
    const baseline = results.pointAt(0, tier, metric, at.day, false)?.mean ?? NaN;
    const texts = [tier === 'all' ? t('tier.allShort') : tierLabel(tier), number(baseline)];
    for (let i = 1; i < configurations.length; i++) {
      const variant = results.pointAt(i, tier, metric, at.day, false)?.mean ?? NaN;
      const d = results.pointAt(i, tier, metric, at.day, true);
      const change = d && baseline !== 0 && Number.isFinite(baseline) ? `${d.mean > 0 ? '+' : ''}${formatPercent(d.mean / baseline)}` : '–';
      texts.push(number(variant), signed(d?.mean ?? NaN), d && Number.isFinite(d.lo) ? `[${signed(d.lo)}, ${signed(d.hi)}]` : '–', change);
    }
    for (const text of texts) row.append(Object.assign(document.createElement('td'), { textContent: text }));
    return row;
  });
  table.replaceChildren(caption, head, ...rows);
}

// The table under the charts: per tier, the baseline's and each variant's mean on the chosen day,
// the paired difference with its 90 % interval and the % change — the numbers `tierwave compare` prints.
import type { DailyMetric } from '../../engine/metrics.ts';
import { tierLabels } from '../../experiments/report.ts';
import type { ComparisonResults } from './results.ts';

const number = (x: number) => (Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: 1 }) : '–');
const signed = (x: number) => (x > 0 ? `+${number(x)}` : number(x));

export function renderTierTable(table: HTMLTableElement, results: ComparisonResults, metric: DailyMetric, at: { day: number; date: string }): void {
  const { configurations } = results.design;
  const head = document.createElement('tr');
  const base = configurations[0].variant;
  const cells = ['tier', `${base} mean`, ...configurations.slice(1).flatMap((c) => [`${c.variant} mean`, `${c.variant} − ${base}`, '90 % interval', 'change'])];
  for (const text of cells) head.append(Object.assign(document.createElement('th'), { textContent: text }));
  const caption = Object.assign(document.createElement('caption'), { textContent: `${metric} on ${at.date} (day ${at.day})` });
  const rows = tierLabels(configurations[0].scenario).map((tier) => {
    const row = document.createElement('tr');
    row.dataset.tier = tier;
    const baseline = results.pointAt(0, tier, metric, at.day, false)?.mean ?? NaN;
    const texts = [tier, number(baseline)];
    for (let i = 1; i < configurations.length; i++) {
      const variant = results.pointAt(i, tier, metric, at.day, false)?.mean ?? NaN;
      const d = results.pointAt(i, tier, metric, at.day, true);
      const change = d && baseline !== 0 && Number.isFinite(baseline) ? `${d.mean > 0 ? '+' : ''}${((100 * d.mean) / baseline).toFixed(1)} %` : '–';
      texts.push(number(variant), signed(d?.mean ?? NaN), d && Number.isFinite(d.lo) ? `[${signed(d.lo)}, ${signed(d.hi)}]` : '–', change);
    }
    for (const text of texts) row.append(Object.assign(document.createElement('td'), { textContent: text }));
    return row;
  });
  table.replaceChildren(caption, head, ...rows);
}

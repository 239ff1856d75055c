// The table under the charts: per tier, each variant minus the baseline on the chosen day, with the
// 90 % interval of the paired difference — the same numbers `tierwave compare` prints.
import type { DailyMetric } from '../../engine/metrics.ts';
import { tierLabels } from '../../experiments/report.ts';
import type { ComparisonResults } from './results.ts';

const number = (x: number) => (Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: 1 }) : '–');
const signed = (x: number) => (x > 0 ? `+${number(x)}` : number(x));

export function renderTierTable(table: HTMLTableElement, results: ComparisonResults, metric: DailyMetric, at: { day: number; date: string }): void {
  const { configurations } = results.design;
  const head = document.createElement('tr');
  const cells = ['tier', configurations[0].variant, ...configurations.slice(1).flatMap((c) => [`${c.variant} − ${configurations[0].variant}`, '90 % interval'])];
  for (const text of cells) head.append(Object.assign(document.createElement('th'), { textContent: text }));
  const caption = Object.assign(document.createElement('caption'), { textContent: `${metric} on ${at.date} (day ${at.day})` });
  const rows = tierLabels(configurations[0].scenario).map((tier) => {
    const row = document.createElement('tr');
    row.dataset.tier = tier;
    const base = results.pointAt(0, tier, metric, at.day, false);
    const texts = [tier, number(base?.mean ?? NaN)];
    for (let i = 1; i < configurations.length; i++) {
      const d = results.pointAt(i, tier, metric, at.day, true);
      texts.push(signed(d?.mean ?? NaN), d && Number.isFinite(d.lo) ? `[${signed(d.lo)}, ${signed(d.hi)}]` : '–');
    }
    for (const text of texts) row.append(Object.assign(document.createElement('td'), { textContent: text }));
    return row;
  });
  table.replaceChildren(caption, head, ...rows);
}

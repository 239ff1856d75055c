// The few lines a person reads after a run: size, customers by tier, the headline figures beside
// the article's, where the files went and how long it took. Scripts read summary.json instead.
import type { HeadlineFigure } from '../engine/headline.ts';
import type { RunSummary } from './summary.ts';

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });

/** Headline figures that are fractions print as percentages; national counts print compactly. */
const HEADLINE_LABELS: Record<string, { label: string; percent: boolean }> = {
  social_share_of_new_buyers_2015_11_11: { label: 'new buyers via friends on 2015-11-11', percent: true },
  social_gmv_growth_q1_2016: { label: 'social GMV growth, Q1 2016 over Q1 2015', percent: true },
  customer_share_tiers_3_4: { label: 'customers living in tiers 3-4', percent: true },
  interactions_national: { label: 'data events, first two years (national)', percent: false },
  peak_day_data_events_national: { label: 'data events on the peak day (national)', percent: false },
};

function figure(value: number | null, percent: boolean): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return percent ? `${(value * 100).toFixed(1)}%` : compact.format(value);
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => `  ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}`.trimEnd());
}

export function runReport(summary: RunSummary, out: string, files: readonly string[]): string {
  const { final, runtime } = summary;
  const lines = [
    `${summary.scenario.name}, seed ${summary.seed}: ${integer.format(summary.days)} days, ${integer.format(summary.agents)} agents ` +
      `(1 agent = ${integer.format(summary.represents)} people), ${integer.format(summary.ties)} ties`,
    '',
    'customers at the end',
  ];
  const byTier = Object.entries(final.customers_by_tier);
  lines.push(
    ...table([
      ...byTier.map(([tier, n]) => [tier, integer.format(n), final.customers > 0 ? `${((n / final.customers) * 100).toFixed(1)}%` : '–']),
      ['all', integer.format(final.customers), `${compact.format(final.customers_national)} people`],
    ]),
  );
  lines.push('', 'headline figures');
  const headlineRows = [['', 'run', 'article']];
  for (const [key, { label, percent }] of Object.entries(HEADLINE_LABELS)) {
    const f = (summary.headline as unknown as Record<string, HeadlineFigure | undefined>)[key];
    if (f) headlineRows.push([label, figure(f.value, percent), figure(f.article, percent)]);
  }
  if (summary.headline.peak_day_date) headlineRows.push(['peak day', summary.headline.peak_day_date, '']);
  lines.push(...table(headlineRows));
  lines.push(
    '',
    `wrote ${out} (${files.join(', ')})`,
    `${runtime.wall_seconds.toFixed(1)} s wall (setup ${runtime.setup_seconds.toFixed(1)} s, simulation ${runtime.simulation_seconds.toFixed(1)} s, ${runtime.workers} workers)`,
  );
  return `${lines.join('\n')}\n`;
}

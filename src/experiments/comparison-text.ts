// The table `compare` prints: per tier, each variant minus the baseline on the date that matters
// (2015-11-11, Singles' Day, when it is in the run; else the last reported day), with the 90 %
// interval of the paired mean difference.
import { DAILY_METRICS } from '../engine/metrics.ts';
import { findings } from './findings.ts';
import type { DiffRow } from './stats.ts';

export const KEY_DATE = '2015-11-11';

const number = (x: number, digits = 1) => (Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');
const signed = (x: number) => (x > 0 ? `+${number(x)}` : number(x));

function pad(cells: string[][]): string {
  const widths = cells[0].map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  return cells.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd()).join('\n');
}

/** The day the comparison is read on: the key date when every variant reports it, else the last day they share. */
export function comparisonDay(diff: readonly DiffRow[], metric: string): { day: number; date: string } | undefined {
  const rows = diff.filter((d) => d.metric === metric && d.parameters === (diff[0]?.parameters ?? ''));
  const key = rows.find((d) => d.date === KEY_DATE);
  if (key) return { day: key.day, date: key.date };
  const last = rows.reduce<DiffRow | undefined>((best, d) => (!best || d.day > best.day ? d : best), undefined);
  return last && { day: last.day, date: last.date };
}

export interface ComparisonTextOptions {
  /** Metrics to show, each with its own table (default: every daily metric in the rows, in order). */
  readonly metrics?: readonly string[];
  readonly replicates: number;
  readonly unit?: string;
}

/** Per metric and variant: the table of means, differences, intervals and % change, then one sentence per tier. */
export function comparisonText(diff: readonly DiffRow[], options: ComparisonTextOptions): string {
  const metrics = options.metrics ?? [...new Set(diff.map((d) => d.metric))].filter((m) => (DAILY_METRICS as readonly string[]).includes(m));
  const out: string[] = [];
  for (const metric of metrics) {
    const at = comparisonDay(diff, metric);
    if (!at) {
      out.push(`no paired ${metric} rows to compare`, '');
      continue;
    }
    const rows = diff.filter((d) => d.metric === metric && d.day === at.day);
    const note = at.date === KEY_DATE ? '' : ` (${KEY_DATE} is outside the run: last reported day)`;
    const variants = [...new Set(rows.map((d) => d.variant))];
    for (const variant of variants) {
      const mine = rows.filter((d) => d.variant === variant);
      const parameters = mine[0].parameters ? ` at ${mine[0].parameters}` : '';
      out.push(`${metric} on ${at.date}${note}, ${variant} − ${mine[0].baseline}${parameters}, paired over ${mine[0].n} of ${options.replicates} replicates:`);
      const cells = [['tier', 'baseline', 'variant', 'difference', '90 % interval', 'change']];
      for (const d of mine) {
        const change = d.baseline_mean !== 0 ? `${d.mean_diff >= 0 ? '+' : ''}${((100 * d.mean_diff) / d.baseline_mean).toFixed(1)} %` : '–';
        cells.push([d.tier, number(d.baseline_mean), number(d.variant_mean), signed(d.mean_diff), `[${signed(d.ci90_lo)}, ${signed(d.ci90_hi)}]`, change]);
      }
      out.push(pad(cells));
      const all = mine.find((d) => d.tier === 'all');
      const paired = all && all.ci90_hi - all.ci90_lo;
      const unpaired = all && all.unpaired_ci90_hi - all.unpaired_ci90_lo;
      if (paired && unpaired && paired > 0 && Number.isFinite(unpaired)) {
        out.push(`shared seeds make the "all" interval ${(unpaired / paired).toFixed(1)}× narrower than comparing unpaired runs would`);
      }
      out.push('', ...findings(mine).map((f) => f.sentence), '');
    }
  }
  if (options.unit) out.push(options.unit);
  return `${out.join('\n').trimEnd()}\n`;
}

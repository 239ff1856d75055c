// What a comparison found, per metric and tier, in numbers and in one plain sentence a strategist
// can quote: "In no-rural-promoters, tier 4 has 7.7 % fewer customers than in jd-tencent-2014 on
// 2015-11-11; 90 % interval 7.0–8.3 % fewer." Browser-safe: the command line and the page say the
// same thing in the same words.
import type { DiffRow } from './stats.ts';

export interface Finding {
  readonly variant: string;
  readonly baseline: string;
  readonly parameters: string;
  readonly metric: string;
  readonly tier: string;
  readonly date: string;
  readonly n: number;
  readonly baselineMean: number;
  readonly variantMean: number;
  readonly difference: number;
  readonly low: number;
  readonly high: number;
  /** Change relative to the baseline mean, in %, and its interval (NaN when the baseline mean is 0). */
  readonly changePercent: number;
  readonly lowPercent: number;
  readonly highPercent: number;
  readonly sentence: string;
}

/** Words for a metric in a sentence, and whether it is counted (fewer/more) or measured (less/more). */
const METRIC_WORDS: Record<string, { noun: string; counted: boolean }> = {
  agents: { noun: 'agents', counted: true },
  aware: { noun: 'people aware of the shop', counted: true },
  customers: { noun: 'customers', counted: true },
  lapsed: { noun: 'lapsed customers', counted: true },
  new_aware: { noun: 'newly aware people', counted: true },
  new_customers: { noun: 'new customers', counted: true },
  purchases: { noun: 'purchases', counted: true },
  gmv: { noun: 'GMV', counted: false },
  gmv_social: { noun: 'social GMV', counted: false },
  shares: { noun: 'shares', counted: true },
  exposures: { noun: 'exposures', counted: true },
  data_events: { noun: 'data events', counted: true },
};

export function metricWords(metric: string): { noun: string; counted: boolean } {
  return METRIC_WORDS[metric] ?? (metric.startsWith('new_customers_') ? { noun: `new customers through ${metric.slice(14)}`, counted: true } : { noun: metric.replace(/_/g, ' '), counted: false });
}

/** One decimal, or two significant digits below 0.1 % (so a small change does not read as 0.0 %). */
const percent = (x: number) => {
  const a = Math.abs(x);
  return a === 0 || a >= 0.1 ? a.toFixed(1) : String(Number(a.toPrecision(2)));
};
const amount = (x: number) => Math.abs(x).toLocaleString('en-US', { maximumFractionDigits: 1 });

/** The sentence for one finding (the parts before `sentence` is filled in). */
export function findingSentence(f: Omit<Finding, 'sentence'>, level = 0.9): string {
  const { noun, counted } = metricWords(f.metric);
  const [less, more] = counted ? ['fewer', 'more'] : ['less', 'more'];
  const where = f.tier === 'all' ? 'all tiers together have' : `${f.tier} has`;
  const at = f.parameters ? ` (at ${f.parameters})` : '';
  const subject = `In ${f.variant}${at}, ${where}`;
  const interval = `${Math.round(level * 100)} % interval`;
  if (f.n < 2 || !Number.isFinite(f.low)) return `${subject} ${amount(f.difference)} ${f.difference < 0 ? less : more} ${noun} than in ${f.baseline} on ${f.date}, from ${f.n} replicate${f.n === 1 ? '' : 's'}: too few for an interval.`;
  if (f.difference === 0 && f.low === 0 && f.high === 0) return `${subject} as many ${noun} as in ${f.baseline} on ${f.date} in every replicate.`;
  if (!Number.isFinite(f.changePercent)) {
    const side = (x: number) => `${amount(x)} ${x < 0 ? less : more}`;
    return `${subject} ${side(f.difference)} ${noun} than in ${f.baseline} on ${f.date} (which has none); ${interval} ${side(f.low)} to ${side(f.high)}.`;
  }
  const word = f.changePercent < 0 ? less : more;
  const head = `${subject} ${percent(f.changePercent)} % ${word} ${noun} than in ${f.baseline} on ${f.date}`;
  if (f.highPercent < 0 || f.lowPercent > 0) {
    const [a, b] = f.highPercent < 0 ? [f.highPercent, f.lowPercent] : [f.lowPercent, f.highPercent];
    return `${head}; ${interval} ${percent(a)}–${percent(b)} % ${word}.`;
  }
  return `${head}; ${interval} ${percent(f.lowPercent)} % ${less} to ${percent(f.highPercent)} % ${more}, so no clear difference.`;
}

/** One finding per row of diff.csv. */
export function findings(diff: readonly DiffRow[], level = 0.9): Finding[] {
  return diff.map((d) => {
    const relative = (x: number) => (d.baseline_mean !== 0 ? (100 * x) / d.baseline_mean : NaN);
    const finding = {
      variant: d.variant,
      baseline: d.baseline,
      parameters: d.parameters,
      metric: d.metric,
      tier: d.tier,
      date: d.date,
      n: d.n,
      baselineMean: d.baseline_mean,
      variantMean: d.variant_mean,
      difference: d.mean_diff,
      low: d.ci90_lo,
      high: d.ci90_hi,
      changePercent: relative(d.mean_diff),
      lowPercent: relative(d.ci90_lo),
      highPercent: relative(d.ci90_hi),
    };
    return { ...finding, sentence: findingSentence(finding, level) };
  });
}

// The comparison's address: baseline, variants, what-if overrides, world size and what is read off
// the charts. Opening it sets the page up the same way; with `run=1` it starts at once. The runs
// are deterministic, so the same address gives the same bands.
import { wholeNumber } from '../shared/address.ts';
import { seedProblem } from '../../scenario/seed.ts';

export interface Comparison {
  readonly baseline: string;
  /** Bundled scenario ids compared with the baseline. */
  readonly variants: readonly string[];
  /** `path=value` overrides making one more variant: the baseline with these changes. */
  readonly whatIf: readonly string[];
  readonly agents: number;
  /** null: each scenario's own length. */
  readonly days: number | null;
  /** null: the baseline's own seed. */
  readonly seed: number | null;
  readonly replicates: number;
  readonly metric: string;
  readonly tier: string;
  readonly date: string;
  /** The interval half-width asked for, in the metric's units; null: none. */
  readonly halfWidth: number | null;
}

export const DEFAULT_AGENTS = 20000;

/** A seed that breaks the seed rule is not used; the design then takes the baseline's own. */
const seedOrNull = (text: string | null): number | null => (text !== null && seedProblem(text) === undefined ? Number(text.trim()) : null);
const positive = (text: string | null): number | null => (text !== null && Number(text) > 0 ? Number(text) : null);

export function readComparison(search: string, fallbackBaseline: string): Comparison & { run: boolean; seedProblem: string | null } {
  const params = new URLSearchParams(search);
  const seedText = params.get('seed');
  const problem = seedText === null ? undefined : seedProblem(seedText);
  return {
    seedProblem: problem ? `seed: ${problem}; the baseline's own seed is used` : null,
    baseline: params.get('baseline') ?? fallbackBaseline,
    variants: params.getAll('variant').filter((v) => v.length > 0),
    whatIf: params.getAll('set').filter((s) => s.includes('=')),
    agents: wholeNumber(params.get('agents')) ?? DEFAULT_AGENTS,
    days: wholeNumber(params.get('days')),
    seed: seedOrNull(params.get('seed')),
    replicates: wholeNumber(params.get('replicates')) ?? 20,
    metric: params.get('metric') ?? 'customers',
    tier: params.get('tier') ?? 'all',
    date: params.get('date') ?? '2015-11-11',
    halfWidth: positive(params.get('halfwidth')),
    run: params.get('run') === '1',
  };
}

export function comparisonSearch(c: Comparison): string {
  const params = new URLSearchParams();
  params.set('baseline', c.baseline);
  for (const v of c.variants) params.append('variant', v);
  for (const s of c.whatIf) params.append('set', s);
  params.set('agents', String(c.agents));
  if (c.days !== null) params.set('days', String(c.days));
  if (c.seed !== null) params.set('seed', String(c.seed));
  params.set('replicates', String(c.replicates));
  params.set('metric', c.metric);
  params.set('tier', c.tier);
  params.set('date', c.date);
  if (c.halfWidth !== null) params.set('halfwidth', String(c.halfWidth));
  return `?${params.toString()}`;
}

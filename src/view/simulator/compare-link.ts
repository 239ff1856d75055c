// "Compare what-ifs" opens the compare page on the world on screen: the baseline is the scenario
// without the levers pulled here, the variant the same scenario with them (the compare page reads
// `--lever id=value` as the command line does), at the same size and length, from the same seed,
// read on the simulator's current date.
import { dateOfDay } from '../../engine/calendar.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { comparisonSearch } from '../compare/permalink.ts';
import { t } from '../shared/language.ts';
import { LOADED_FILE_PREFIX } from './permalink.ts';

const REPLICATES = 20;

export interface OnScreen {
  /** The bundled scenario id, or "file:<name>" for a file the compare page does not have. */
  readonly source: string;
  readonly scenario: Scenario;
  readonly seed: number | null;
  readonly overrides: readonly string[];
  readonly levers: readonly string[];
  readonly day: number;
}

/** Overrides the compare page takes as its own settings (agents, days). */
const SHARED = new Set(['population.agents', 'days']);

export function compareHref(on: OnScreen): string {
  if (on.source.startsWith(LOADED_FILE_PREFIX)) return './compare.html';
  const { scenario } = on;
  // The world's size and length go across as the compare page's own settings; other overrides
  // would there change the variant only, so they are not carried (the levers are what differs).
  const days = on.overrides.some((o) => o.startsWith('days=')) ? scenario.days : null;
  const search = comparisonSearch({
    baseline: on.source,
    variants: [],
    whatIf: on.levers.map((l) => `--lever ${l}`),
    agents: scenario.population.agents,
    days,
    seed: on.seed,
    replicates: REPLICATES,
    metric: 'customers',
    tier: 'all',
    date: dateOn(on),
    halfWidth: null,
  });
  return `./compare.html${search}`;
}

const dateOn = (on: OnScreen) => dateOfDay(on.scenario.start, Math.min(Math.max(0, on.day), on.scenario.days));

/** What the link will compare, said on it (its title). */
export function compareTitle(on: OnScreen): string {
  if (on.source.startsWith(LOADED_FILE_PREFIX)) return t('simulator.compareWith.file');
  const said = on.levers.length === 0 ? t('simulator.compareWith.none', { date: dateOn(on) }) : t('simulator.compareWith.levers', { levers: on.levers.join(', '), replicates: REPLICATES, seed: on.seed ?? on.scenario.seed, date: dateOn(on) });
  const dropped = on.overrides.filter((o) => !SHARED.has(o.slice(0, o.indexOf('='))));
  return dropped.length === 0 ? said : `${said}. ${t('simulator.compareWith.dropped', { overrides: dropped.join(', ') })}`;
}

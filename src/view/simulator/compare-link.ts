// "Compare what-ifs" opens the compare page on the world on screen: the baseline is the scenario
// without the levers pulled here, the variant the same scenario with them (the compare page reads
// `--lever id=value` as the command line does), at the same size and length, from the same seed,
// read on the simulator's current date.
import { dateOfDay } from '../../engine/calendar.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { comparisonSearch } from '../compare/permalink.ts';
import type { PageLanguage } from './lever-panel.ts';
import { LOADED_FILE_PREFIX } from './permalink.ts';

const REPLICATES = 20;

const WORDS = {
  en: {
    file: 'Compare what-ifs: the compare page offers the bundled scenarios (this one is a file from disk)',
    none: (date: string) => `Compare what-ifs: pull a lever first, or pick variants there; read on ${date}`,
    levers: (levers: string, seed: number | null, date: string) =>
      `Compare ${levers} with the scenario without them over ${REPLICATES} paired replicates, their seeds derived from ${seed === null ? 'the scenario’s seed' : `seed ${seed}`} (this run is one world; those are others), read on ${date}`,
  },
  zh: {
    file: '比较假设情景：比较页只提供内置情景（当前情景是本地文件）',
    none: (date: string) => `比较假设情景：先拉动一个杠杆，或在比较页选择变体；读取日期 ${date}`,
    levers: (levers: string, seed: number | null, date: string) =>
      `在 ${REPLICATES} 个配对重复中比较 ${levers} 与不拉动它们的情景，重复的种子由${seed === null ? '情景的种子' : `种子 ${seed}`}推导（当前这次运行是另一个世界），读取日期 ${date}`,
  },
} as const;

export interface OnScreen {
  /** The bundled scenario id, or "file:<name>" for a file the compare page does not have. */
  readonly source: string;
  readonly scenario: Scenario;
  readonly seed: number | null;
  readonly overrides: readonly string[];
  readonly levers: readonly string[];
  readonly day: number;
}

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
export function compareTitle(language: PageLanguage, on: OnScreen): string {
  const words = WORDS[language];
  if (on.source.startsWith(LOADED_FILE_PREFIX)) return words.file;
  return on.levers.length === 0 ? words.none(dateOn(on)) : words.levers(on.levers.join(', '), on.seed, dateOn(on));
}

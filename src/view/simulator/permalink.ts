// The page's address is the run's address: scenario, seed, overrides, levers pulled and day (and
// the lesson and chapter when a lesson is open) and the page's language. Opening it rebuilds
// the same world (the engine is deterministic) and replays to the same day, so the same numbers show.
import { encodeAddressPart, wholeNumber } from '../shared/address.ts';
import { seedProblem } from '../../scenario/seed.ts';
import type { Language } from '../shared/language.ts';
import { SCENARIO_TEXT_PARAM } from '../shared/scenario-text.ts';

export interface ViewAddress {
  /** A bundled scenario id ("jd-tencent-2014"), or "file:<name>" for a file loaded from disk. */
  readonly scenario: string | null;
  /** A whole scenario file carried in the address (see shared/scenario-text.ts); it wins over `scenario`. */
  readonly scenarioText?: string | null;
  /** null: the scenario's own seed. */
  readonly seed: number | null;
  /** Why the address's seed was not used (it breaks the seed rule), or null. */
  readonly seedProblem?: string | null;
  /** `path=value` overrides in order, as typed. */
  readonly overrides: readonly string[];
  /** Levers pulled, `id=value` as `--lever` takes them (`lever=rural-promoters=0`), in order. */
  readonly levers: readonly string[];
  /** The day to replay to; null: day 0. */
  readonly day: number | null;
  /** A bundled lesson's id and its chapter (counted from 1 in the address, from 0 here). */
  readonly lesson?: string | null;
  readonly chapter?: number | null;
  /** The page's language when the link must carry it (see addressLanguage in shared/language.ts). */
  readonly lang?: Language | null;
}

export const LOADED_FILE_PREFIX = 'file:';

export function readAddress(search: string): ViewAddress {
  const params = new URLSearchParams(search);
  const seedText = params.get('seed');
  const problem = seedText === null ? undefined : seedProblem(seedText);
  return {
    scenario: params.get('scenario'),
    scenarioText: params.get(SCENARIO_TEXT_PARAM),
    seed: problem ? null : wholeNumber(seedText),
    seedProblem: problem ? `seed: ${problem}; the scenario's own seed is used` : null,
    overrides: params.getAll('set').filter((s) => s.length > 0),
    levers: params.getAll('lever').filter((s) => s.length > 0),
    day: wholeNumber(params.get('day')),
    lesson: params.get('lesson'),
    chapter: Math.max(0, (wholeNumber(params.get('chapter')) ?? 1) - 1),
    lang: params.get('lang') === 'zh' || params.get('lang') === 'en' ? (params.get('lang') as Language) : null,
  };
}

export function formatAddress(address: ViewAddress): string {
  const parts: string[] = [];
  // base64url needs no escaping.
  if (address.scenarioText) parts.push(`${SCENARIO_TEXT_PARAM}=${address.scenarioText}`);
  else if (address.scenario) parts.push(`scenario=${encodeAddressPart(address.scenario)}`);
  if (address.seed !== null) parts.push(`seed=${address.seed}`);
  for (const o of address.overrides) parts.push(`set=${encodeAddressPart(o)}`);
  for (const l of address.levers) parts.push(`lever=${encodeAddressPart(l)}`);
  if (address.day !== null) parts.push(`day=${address.day}`);
  if (address.lesson) parts.push(`lesson=${encodeAddressPart(address.lesson)}`, `chapter=${(address.chapter ?? 0) + 1}`);
  if (address.lang) parts.push(`lang=${address.lang}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

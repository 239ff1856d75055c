// Whether the worlds of a design can honestly be compared. Differences are read by date, so two
// worlds on different calendars, of different sizes or with different tiers would be subtracted
// as if they were alike: such a design is refused with what differs, unless the person asks for an
// alignment, which is then said beside every result. One rule for the command line and the page.
import { dateOfDay, dayOfDate } from '../engine/calendar.ts';
import type { Configuration, Design } from './design.ts';
import { tierLabels } from './report.ts';

/** What may be aligned: calendars (compare only dates inside every run) and tier sets (only shared tiers). */
export const ALIGNMENTS = ['dates', 'tiers'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];

export interface Mismatch {
  readonly kind: 'calendar' | 'size' | 'tiers';
  readonly variant: string;
  /** The sweep point ("" outside sweeps). */
  readonly parameters: string;
  /** What differs, in words: `starts 2015-09-01 and runs 120 days (to 2015-12-30), jd-tencent-2014 …`. */
  readonly text: string;
}

export interface ComparisonCheck {
  /** Why the design cannot be compared as asked (undefined: it can). */
  readonly refusal?: string;
  /** How the comparison was aligned, to print beside the results and record in the manifest. */
  readonly alignment: readonly string[];
}

const count = (n: number) => n.toLocaleString('en-US');
const calendarText = (c: Configuration) => `starts ${c.scenario.start} and runs ${count(c.scenario.days)} days (to ${dateOfDay(c.scenario.start, c.scenario.days)})`;
const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** Every way a variant's world differs from the baseline's at the same sweep point. */
export function configurationMismatches(design: Pick<Design, 'baseline' | 'configurations'>): Mismatch[] {
  const baselines = new Map<number, Configuration>();
  for (const c of design.configurations) if (c.variant === design.baseline && !baselines.has(c.point)) baselines.set(c.point, c);
  const found: Mismatch[] = [];
  for (const c of design.configurations) {
    const base = baselines.get(c.point);
    if (!base || c === base) continue;
    const at = { variant: c.variant, parameters: c.parameters };
    const [a, b] = [c.scenario, base.scenario];
    if (a.start !== b.start || a.days !== b.days) {
      found.push({ kind: 'calendar', ...at, text: `${c.variant} ${calendarText(c)}; ${design.baseline} ${calendarText(base)}` });
    }
    if (a.population.agents !== b.population.agents) {
      found.push({ kind: 'size', ...at, text: `${c.variant} has ${count(a.population.agents)} agents; ${design.baseline} ${count(b.population.agents)}` });
    }
    const [ta, tb] = [tierLabels(a), tierLabels(b)];
    if (ta.join('\n') !== tb.join('\n')) {
      found.push({ kind: 'tiers', ...at, text: `${c.variant} has tiers ${quoted(ta.slice(0, -1))}; ${design.baseline} ${quoted(tb.slice(0, -1))}` });
    }
  }
  return found;
}

/** The dates every run of the design covers, as the first and last ISO date (undefined: none). */
export function sharedCalendar(configurations: readonly Configuration[]): { from: string; to: string } | undefined {
  const from = configurations.map((c) => c.scenario.start).reduce((x, y) => (x > y ? x : y));
  const to = configurations.map((c) => dateOfDay(c.scenario.start, c.scenario.days)).reduce((x, y) => (x < y ? x : y));
  return from <= to ? { from, to } : undefined;
}

const HOW: Record<Mismatch['kind'], string> = {
  calendar: 'to compare only the dates inside every run, add --align dates',
  size: 'give every run the same size with --agents N',
  tiers: 'to compare only the tiers they share (and "all"), add --align tiers',
};

/**
 * Checks a design against the alignments asked for. Sizes are never aligned: a count in a world of
 * 300 agents is not a count in a world of 100,000. Report dates outside some run's calendar are
 * refused unless dates are aligned (then they are left out, and the alignment says so).
 */
export function checkComparison(
  design: Pick<Design, 'baseline' | 'configurations' | 'report'>,
  align: readonly Alignment[] = [],
  /** How to mend each kind of difference, in the words of where it is shown (default: the command line's). */
  hints: Readonly<Record<Mismatch['kind'], string>> = HOW,
): ComparisonCheck {
  const mismatches = configurationMismatches(design);
  const unaligned = mismatches.filter((m) => m.kind === 'size' || (m.kind === 'calendar' && !align.includes('dates')) || (m.kind === 'tiers' && !align.includes('tiers')));
  const alignment: string[] = [];
  const calendars = mismatches.some((m) => m.kind === 'calendar');
  const shared = sharedCalendar(design.configurations);
  // A date some runs of one sweep point cover and others do not would be compared with nothing
  // (points of a sweep over `days` may differ: they are not compared with each other).
  const points = [...new Set(design.configurations.map((c) => c.point))].map((p) => design.configurations.filter((c) => c.point === p));
  const partial = design.report.dates.filter((date) =>
    points.some((group) => {
      const inside = group.map((c) => {
        const day = dayOfDate(c.scenario.start, date);
        return day >= 0 && day <= c.scenario.days;
      });
      return inside.includes(true) && inside.includes(false);
    }),
  );
  if (unaligned.length > 0 || (calendars && !shared)) {
    const kinds = [...new Set(unaligned.map((m) => m.kind))];
    const lines = ['these scenarios cannot be compared date by date as they are:', ...unaligned.map((m) => `  ${m.text}${m.parameters ? ` (at ${m.parameters})` : ''}`)];
    if (calendars && !shared && align.includes('dates')) lines.push('  their calendars share no date, so even aligned by date there is nothing to compare');
    else lines.push(kinds.map((k) => hints[k]).join('; '));
    return { refusal: lines.join('\n'), alignment };
  }
  if (partial.length > 0 && !align.includes('dates')) {
    const lines = [`report date${partial.length === 1 ? '' : 's'} ${partial.join(', ')} outside some runs' calendars:`];
    for (const c of design.configurations) {
      const outside = partial.filter((date) => {
        const day = dayOfDate(c.scenario.start, date);
        return !(day >= 0 && day <= c.scenario.days);
      });
      if (outside.length > 0) lines.push(`  ${c.variant}${c.parameters ? ` at ${c.parameters}` : ''} ${calendarText(c)}`);
    }
    lines.push(hints.calendar);
    return { refusal: lines.join('\n'), alignment };
  }
  if (calendars && shared) {
    const dropped = partial.length > 0 ? `; left out: ${partial.join(', ')}` : '';
    alignment.push(`aligned by date: compared only from ${shared.from} to ${shared.to}, the dates inside every run's calendar (calendars differ${dropped})`);
  }
  if (mismatches.some((m) => m.kind === 'tiers')) {
    const labels = design.configurations.map((c) => tierLabels(c.scenario));
    const common = labels[0].filter((label) => labels.every((l) => l.includes(label)));
    alignment.push(`aligned by tier: compared only on ${quoted(common)}, the tiers every scenario has (tier sets differ)`);
  }
  return { alignment };
}

/** Reads `--align dates,tiers`; throws an Error naming the choices otherwise. */
export function parseAlignments(text: string): Alignment[] {
  const words = text.split(',').map((w) => w.trim()).filter((w) => w !== '');
  for (const word of words) {
    if (!(ALIGNMENTS as readonly string[]).includes(word)) throw new Error(`expected ${ALIGNMENTS.join(' and/or ')} (comma-separated), got "${word}"`);
  }
  return words as Alignment[];
}

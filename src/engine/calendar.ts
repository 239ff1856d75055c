// Days carry real dates. This file turns the scenario's start date, festivals and interventions
// into per-day parameter tables, computed once at setup, so the daily kernel reads plain arrays
// and never interprets the scenario.
import type { Scenario } from '../scenario/types.ts';
import { getPath, setPath } from '../scenario/path.ts';

const DAY_MS = 86_400_000;

export function dayOfDate(start: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS);
}

export function dateOfDay(start: string, day: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + day * DAY_MS).toISOString().slice(0, 10);
}

export interface Marker {
  readonly name: string;
  readonly day: number;
  readonly date: string;
  readonly kind: 'festival' | 'intervention';
}

/** Festival multipliers by day: 1 outside festivals, a linear pre-heat ramp, the peak on the day. */
export interface FestivalTable {
  readonly activity: Float64Array;
  readonly conversion: Float64Array;
  readonly repeat: Float64Array;
  readonly sharing: Float64Array;
  readonly adReach: Float64Array;
  readonly markers: Marker[];
}

export function festivalTable(scenario: Scenario): FestivalTable {
  const n = scenario.days + 1;
  const table = {
    activity: new Float64Array(n).fill(1),
    conversion: new Float64Array(n).fill(1),
    repeat: new Float64Array(n).fill(1),
    sharing: new Float64Array(n).fill(1),
    adReach: new Float64Array(n).fill(1),
    markers: [] as Marker[],
  };
  const firstYear = Number(scenario.start.slice(0, 4));
  const lastYear = Number(dateOfDay(scenario.start, scenario.days).slice(0, 4));
  for (const festival of scenario.festivals) {
    for (let year = firstYear; year <= lastYear; year++) {
      const date = `${year}-${festival.monthDay}`;
      const peak = dayOfDate(scenario.start, date);
      for (let back = festival.preheatDays; back >= 0; back--) {
        const d = peak - back;
        if (d < 0 || d >= n) continue;
        const weight = 1 - back / (festival.preheatDays + 1);
        for (const key of ['activity', 'conversion', 'repeat', 'sharing', 'adReach'] as const) {
          table[key][d] *= 1 + (festival.multipliers[key] - 1) * weight;
        }
      }
      if (peak >= 0 && peak < n) table.markers.push({ name: festival.name, day: peak, date, kind: 'festival' });
    }
  }
  table.markers.sort((a, b) => a.day - b.day);
  return table;
}

/**
 * Visits the scenario as it stands on each day, with interventions applied: a step at `from`, or a
 * linear ramp from the value the field had the day before `from` to the new value at `to`. The
 * visitor gets one working copy, changed in place from day to day (no copy per day: setup of a
 * page must stay short), so it must read what it needs before returning.
 */
export function forEachDay(scenario: Scenario, visit: (day: number, scenario: Scenario) => void): void {
  const n = scenario.days + 1;
  if (scenario.interventions.length === 0) {
    for (let d = 0; d < n; d++) visit(d, scenario);
    return;
  }
  const steps = scenario.interventions
    .map((iv, order) => ({ iv, order, from: dayOfDate(scenario.start, iv.from), to: iv.to ? dayOfDate(scenario.start, iv.to) : undefined }))
    .sort((a, b) => a.from - b.from || a.order - b.order);
  const current = structuredClone(scenario);
  const rampStart = new Map<number, number>();
  for (let d = 0; d < n; d++) {
    for (const step of steps) {
      if (d < step.from) continue;
      const { iv } = step;
      if (step.to === undefined || typeof iv.value !== 'number') {
        if (d === step.from) setPath(current, iv.path, iv.value);
        continue;
      }
      if (d > step.to) continue;
      if (!rampStart.has(step.order)) rampStart.set(step.order, Number(getPath(current, iv.path)));
      const old = rampStart.get(step.order)!;
      const f = step.to === step.from ? 1 : (d - step.from) / (step.to - step.from);
      setPath(current, iv.path, old + (iv.value - old) * Math.min(1, f));
    }
    visit(d, current);
  }
}

export function interventionMarkers(scenario: Scenario): Marker[] {
  // A run shortened on the command line may end before some interventions: they never happen.
  return scenario.interventions.filter((iv) => dayOfDate(scenario.start, iv.from) <= scenario.days).map((iv) => ({
    name: iv.name ?? `${iv.path} → ${String(iv.value)}`,
    day: dayOfDate(scenario.start, iv.from),
    date: iv.from,
    kind: 'intervention' as const,
  }));
}

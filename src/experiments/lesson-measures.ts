// The figures a lesson's reveal sets beside the class's prediction, computed from a run's daily
// series and its cross-tier flow (flow[i][j]: adoptions in tier i by a friend in tier j). Pure:
// the page computes them from the workers' series, a test from an in-thread run of the same world.
import { dayOfDate } from '../engine/calendar.ts';
import { seriesValue, type DailyMetric, type DailySeries } from '../engine/metrics.ts';
import { SOCIAL_CHANNELS } from '../scenario/channels.ts';
import type { LessonMeasure } from './lesson-schema.ts';

export interface MeasuredRun {
  readonly start: string;
  readonly series: DailySeries;
  readonly flow: readonly (readonly number[])[];
  /** The last day played: "the end of the run" for measures of the whole run. */
  readonly lastDay: number;
}

/** Whether a measure is a per cent (shown with "%") or a count. */
export const isPercent = (measure: LessonMeasure) => measure.kind !== 'customers';

const percent = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : 0);

export function measureRun(measure: LessonMeasure, run: MeasuredRun): number {
  const { series } = run;
  const value = (day: number, tier: number | undefined, metric: DailyMetric) => seriesValue(series, day, tier ?? series.tiers, metric);
  switch (measure.kind) {
    case 'customers':
      return value(dayOfDate(run.start, measure.date), measure.tier, 'customers');
    case 'customer-share': {
      const day = dayOfDate(run.start, measure.date);
      return percent(value(day, measure.tier, 'customers'), value(day, measure.tier, 'agents'));
    }
    case 'social-share': {
      let social = 0;
      let all = 0;
      for (let day = dayOfDate(run.start, measure.from); day <= dayOfDate(run.start, measure.to); day++) {
        all += value(day, measure.tier, 'new_customers');
        for (const channel of SOCIAL_CHANNELS) social += value(day, measure.tier, `new_customers_${channel}`);
      }
      return percent(social, all);
    }
    case 'told-by-tier':
      return percent(run.flow[measure.tier][measure.sourceTier], value(run.lastDay, measure.tier, 'customers'));
  }
}

/** The index of the choice whose range [from, to) holds the value, or -1. */
export function choiceHolding(options: readonly { from: number; to: number }[], value: number): number {
  return options.findIndex((o) => value >= o.from && value < o.to);
}

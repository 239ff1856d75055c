// The headline figures, each beside the article's value where it has one (DIGEST F2, F3, F5, F8).
import type { Scenario } from '../scenario/types.ts';
import { SOCIAL_CHANNELS } from '../scenario/channels.ts';
import { dayOfDate } from './calendar.ts';
import { seriesValue, type DailySeries } from './metrics.ts';

/** Real people one agent stands for. */
export function representedPeople(scenario: Scenario): number {
  const { agents, represents, people } = scenario.population;
  return people === undefined ? represents : people / agents;
}

export interface HeadlineFigure {
  /** null when the run does not cover the dates the figure needs. */
  readonly value: number | null;
  readonly article: number | null;
  readonly meaning: string;
}

/** The numeric headline figures, by name (experiments can record them and fit to them). */
export const HEADLINE_FIGURES = [
  'social_share_of_new_buyers_2015_11_11',
  'social_gmv_growth_q1_2016',
  'customer_share_tiers_3_4',
  'interactions_national',
  'peak_day_data_events_national',
] as const;

export type HeadlineKey = (typeof HEADLINE_FIGURES)[number];

export type Headline = Record<HeadlineKey, HeadlineFigure> & { peak_day_date: string | null };

export function headline(scenario: Scenario, series: DailySeries): Headline {
  const all = series.tiers;
  const day = (date: string) => dayOfDate(scenario.start, date);
  const inRun = (d: number) => d >= 0 && d <= series.days;
  const sum = (from: string, to: string, metric: 'gmv_social' | 'data_events') => {
    let total = 0;
    for (let d = Math.max(0, day(from)); d <= Math.min(series.days, day(to)); d++) total += seriesValue(series, d, all, metric);
    return total;
  };

  const singles = day('2015-11-11');
  let socialShare: number | null = null;
  if (inRun(singles)) {
    const n = seriesValue(series, singles, all, 'new_customers');
    const social = SOCIAL_CHANNELS.reduce((s, c) => s + seriesValue(series, singles, all, `new_customers_${c}`), 0);
    socialShare = n > 0 ? social / n : null;
  }

  let growth: number | null = null;
  if (day('2015-01-01') >= 0 && inRun(day('2016-03-31'))) {
    const before = sum('2015-01-01', '2015-03-31', 'gmv_social');
    growth = before > 0 ? sum('2016-01-01', '2016-03-31', 'gmv_social') / before - 1 : null;
  }

  const last = series.days;
  const customers = seriesValue(series, last, all, 'customers');
  const low = series.tiers === 4 ? seriesValue(series, last, 2, 'customers') + seriesValue(series, last, 3, 'customers') : NaN;

  const twoYears = Math.min(series.days, 730);
  let interactions = 0;
  // Day 0 is the starting state (the initial customers), not a simulated day.
  for (let d = 1; d <= twoYears; d++) interactions += seriesValue(series, d, all, 'data_events');
  let peak = 0;
  let peakDay = -1;
  for (let d = 1; d <= series.days; d++) {
    const x = seriesValue(series, d, all, 'data_events');
    if (x > peak) [peak, peakDay] = [x, d];
  }
  const people = representedPeople(scenario);
  const peakDate = peakDay < 0 ? null : new Date(Date.parse(`${scenario.start}T00:00:00Z`) + peakDay * 86_400_000).toISOString().slice(0, 10);
  return {
    social_share_of_new_buyers_2015_11_11: {
      value: socialShare,
      article: 0.52,
      meaning: 'share of new buyers on 2015-11-11 who came through a friend (direct, group or feed)',
    },
    social_gmv_growth_q1_2016: {
      value: growth,
      article: 1.74,
      meaning: 'GMV of customers first won through friends, Q1 2016 over Q1 2015, minus 1',
    },
    customer_share_tiers_3_4: {
      value: series.tiers === 4 && customers > 0 ? low / customers : null,
      article: null,
      meaning: 'share of customers living in tiers 3 and 4 at the end of the run',
    },
    interactions_national: {
      value: interactions * people,
      article: 806e6,
      meaning: 'data events (exposures read, purchases, shares) over the first two years, at national scale',
    },
    peak_day_data_events_national: {
      value: peak * people,
      article: null,
      meaning: 'data events on the busiest day, at national scale (F8: hundreds of millions on 618 and 11.11)',
    },
    peak_day_date: peakDate,
  };
}

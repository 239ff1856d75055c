// daily.csv: the run's daily series as a table a spreadsheet or pandas reads directly. One row per
// day per tier (tiers numbered 1..T as in the article), then the day's `all` row. Numbers are
// printed the same way on every machine, so two runs can be compared byte for byte.
import type { Scenario } from '../scenario/schema.ts';
import { csvField } from '../experiments/csv.ts';
import { dateOfDay } from '../engine/calendar.ts';
import { DAILY_METRICS, seriesValue, type DailyMetric, type DailySeries } from '../engine/metrics.ts';

export const DAILY_COLUMNS = ['day', 'date', 'tier', 'tier_name', ...DAILY_METRICS] as const;

/** Money is in yuan with fen precision; everything else is a count. */
function formatMetric(metric: DailyMetric, value: number): string {
  if (metric === 'gmv' || metric === 'gmv_social') return value.toFixed(2);
  // Counts are sums of integers. A fraction would be an engine bug: print it visibly, not rounded away.
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}


export function dailyCsv(scenario: Scenario, series: DailySeries): string {
  const T = series.tiers;
  const lines = [DAILY_COLUMNS.join(',')];
  for (let day = 0; day <= series.days; day++) {
    const date = dateOfDay(scenario.start, day);
    for (let tier = 0; tier <= T; tier++) {
      const label = tier === T ? 'all' : String(tier + 1);
      const name = tier === T ? 'all' : scenario.tiers[tier].name;
      const cells = [String(day), date, label, csvField(name)];
      for (const metric of DAILY_METRICS) cells.push(formatMetric(metric, seriesValue(series, day, tier, metric)));
      lines.push(cells.join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

// Daily metrics: read after each day, never change state (Mesa's data collection habit).
import { CHANNELS } from '../scenario/channels.ts';

/** Stocks (counted at the end of the day) and flows (during the day), per tier and for all tiers. */
export const DAILY_METRICS = [
  'agents',
  'aware',
  'customers',
  'lapsed',
  'new_aware',
  'new_customers',
  'purchases',
  'gmv',
  'gmv_social',
  'shares',
  'exposures',
  'data_events',
  ...CHANNELS.map((c) => `new_customers_${c}` as const),
] as const;
export type DailyMetric = (typeof DAILY_METRICS)[number];
export const METRIC_COUNT = DAILY_METRICS.length;
export const metricIndex = Object.fromEntries(DAILY_METRICS.map((m, i) => [m, i])) as Record<DailyMetric, number>;

/**
 * Metrics for days 0..days, one row per (day, tier) plus an `all` row per day.
 * values[((day * (tiers + 1)) + tier) * METRIC_COUNT + metric]; tier index `tiers` is `all`.
 */
export interface DailySeries {
  readonly days: number;
  readonly tiers: number;
  readonly values: Float64Array;
}

export function seriesLength(days: number, tiers: number): number {
  return (days + 1) * (tiers + 1) * METRIC_COUNT;
}

export function seriesValue(series: DailySeries, day: number, tier: number, metric: DailyMetric): number {
  return series.values[(day * (series.tiers + 1) + tier) * METRIC_COUNT + metricIndex[metric]];
}

/**
 * Turns each day's per-worker counters into the daily series: flows are summed over workers (exact:
 * they are integers, GMV in fen), stocks carried forward, the `all` row summed over tiers. It also
 * derives the whole-world figures the next day needs, identically on every worker.
 */
export class Ledger {
  readonly series: DailySeries;
  private readonly row = new Float64Array(METRIC_COUNT);
  private readonly dataEventsByDay: Float64Array;
  private historicalSignal = 0;

  /** `values` may be given (e.g. on shared memory, so the page reads the series as it grows). */
  constructor(
    days: number,
    private readonly tierSizes: readonly number[],
    values?: Float64Array,
  ) {
    this.series = { days, tiers: tierSizes.length, values: values ?? new Float64Array(seriesLength(days, tierSizes.length)) };
    this.dataEventsByDay = new Float64Array(days + 1);
  }

  record(day: number, counters: readonly Float64Array[]): void {
    const T = this.series.tiers;
    const v = this.series.values;
    const all = (day * (T + 1) + T) * METRIC_COUNT;
    for (let t = 0; t < T; t++) {
      const row = this.row.fill(0);
      for (const c of counters) for (let m = 0; m < METRIC_COUNT; m++) row[m] += c[t * METRIC_COUNT + m];
      const at = (day * (T + 1) + t) * METRIC_COUNT;
      const before = day === 0 ? -1 : ((day - 1) * (T + 1) + t) * METRIC_COUNT;
      for (let m = 0; m < METRIC_COUNT; m++) v[at + m] = row[m];
      v[at + metricIndex.gmv] = row[metricIndex.gmv] / 100;
      v[at + metricIndex.gmv_social] = row[metricIndex.gmv_social] / 100;
      v[at + metricIndex.agents] = this.tierSizes[t];
      const prev = (m: DailyMetric) => (before < 0 ? 0 : v[before + metricIndex[m]]);
      v[at + metricIndex.aware] = prev('aware') + row[metricIndex.new_aware];
      v[at + metricIndex.customers] = prev('customers') + row[metricIndex.new_customers];
      v[at + metricIndex.lapsed] = prev('lapsed') + row[metricIndex.lapsed];
      for (let m = 0; m < METRIC_COUNT; m++) v[all + m] = (t === 0 ? 0 : v[all + m]) + v[at + m];
    }
    this.dataEventsByDay[day] = v[all + metricIndex.data_events];
  }

  /** Customers buying now (not lapsed) at the end of `day`, for mixed-population word of mouth. */
  activeCustomers(day: number): number {
    return seriesValue(this.series, day, this.series.tiers, 'customers') - seriesValue(this.series, day, this.series.tiers, 'lapsed');
  }

  /**
   * Ad conversion multiplier for the next day (MODEL §8): 1 + gain · D / (D + half), where D is data
   * events per agent per day as the platform sees them — yesterday's (instant) or the mean of the
   * last refresh window, updated only every `refreshDays` (historical).
   */
  adTargeting(day: number, instant: boolean, refreshDays: number, gain: number, half: number, agents: number): number {
    let signal: number;
    if (instant) signal = this.dataEventsByDay[day] / agents;
    else {
      if (day % refreshDays === 0 && day > 0) {
        let sum = 0;
        for (let d = day - refreshDays + 1; d <= day; d++) sum += this.dataEventsByDay[Math.max(0, d)];
        this.historicalSignal = sum / refreshDays / agents;
      }
      signal = this.historicalSignal;
    }
    return half <= 0 ? 1 + gain : 1 + (gain * signal) / (signal + half);
  }
}

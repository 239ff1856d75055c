// What a run reports: a few metrics, for some tiers, on some days — the rows of runs.csv. Reading
// only what was asked keeps runs.csv small enough to hold thousands of runs, and the same function
// serves the CLI and the page so their CSV files agree.
import type { Scenario } from '../scenario/schema.ts';
import { dateOfDay, dayOfDate } from '../engine/calendar.ts';
import { seriesValue, type DailyMetric, type DailySeries } from '../engine/metrics.ts';
import { headline, type HeadlineKey } from '../engine/headline.ts';

/** The columns of runs.csv, in order (long format: one value per row). */
export const RUN_COLUMNS = ['run_id', 'variant', 'replicate', 'seed', 'parameters', 'day', 'date', 'tier', 'metric', 'value'] as const;

export interface RunRow {
  readonly run_id: number;
  readonly variant: string;
  readonly replicate: number;
  readonly seed: number;
  /** The sweep point as `path=value;path=value`, "" outside sweeps. */
  readonly parameters: string;
  readonly day: number;
  readonly date: string;
  /** A tier name (or `1:name` when names repeat), or "all". */
  readonly tier: string;
  readonly metric: string;
  readonly value: number;
}

export interface ReportSpec {
  readonly metrics: readonly DailyMetric[];
  /** Tier names, 1-based tier numbers as text, or "all"; undefined = every tier and "all". */
  readonly tiers?: readonly string[];
  /** Dates reported when they fall inside the run; others are skipped. */
  readonly dates: readonly string[];
  /** Also report the last day. */
  readonly final: boolean;
  /** Also report every k-th day from day 0 (0 = off). */
  readonly every: number;
  /** Headline figures to record, one row each on the last day, tier "all" (absent: none). */
  readonly headline?: readonly HeadlineKey[];
}

/** 2015-11-11 is the date strategists ask about; the others show the path there. */
export const DEFAULT_REPORT: ReportSpec = {
  metrics: ['customers'],
  dates: ['2014-11-11', '2015-06-18', '2015-11-11', '2016-06-18'],
  final: true,
  every: 0,
};

/** The run this row set belongs to. */
export interface RunLabel {
  readonly id: number;
  readonly variant: string;
  readonly replicate: number;
  readonly seed: number;
  readonly parameters: string;
}

/** Tier labels as used in rows: names, numbered when two tiers share a name, then "all". */
export function tierLabels(scenario: Scenario): string[] {
  const names = scenario.tiers.map((t) => t.name);
  const unique = new Set(names).size === names.length && !names.includes('all');
  return [...(unique ? names : names.map((name, i) => `${i + 1}:${name}`)), 'all'];
}

/** Series indices of the reported tiers (index `tiers.length` is "all"); undefined entries are unknown names. */
export function reportTierIndices(scenario: Scenario, report: ReportSpec): (number | undefined)[] {
  const labels = tierLabels(scenario);
  if (!report.tiers) return labels.map((_, i) => i);
  return report.tiers.map((wanted) => {
    const byLabel = labels.indexOf(wanted);
    if (byLabel >= 0) return byLabel;
    const byName = scenario.tiers.findIndex((t) => t.name === wanted);
    if (byName >= 0) return byName;
    const number = /^[1-9]\d*$/.test(wanted) ? Number(wanted) : 0;
    return number >= 1 && number <= scenario.tiers.length ? number - 1 : undefined;
  });
}

/** The days a run reports, ascending and without repeats. */
export function reportDays(scenario: Scenario, report: ReportSpec): number[] {
  const days = new Set<number>();
  for (const date of report.dates) {
    const day = dayOfDate(scenario.start, date);
    if (day >= 0 && day <= scenario.days) days.add(day);
  }
  if (report.every > 0) for (let day = 0; day <= scenario.days; day += report.every) days.add(day);
  if (report.final) days.add(scenario.days);
  return [...days].sort((a, b) => a - b);
}

/** The rows of one finished run, in day, tier, metric order. */
export function runRows(label: RunLabel, scenario: Scenario, series: DailySeries, report: ReportSpec): RunRow[] {
  const labels = tierLabels(scenario);
  // A tier asked for twice ("4" and "tier 4", or by a target too) is reported once.
  const tiers = [...new Set(reportTierIndices(scenario, report).filter((t): t is number => t !== undefined))];
  const rows: RunRow[] = [];
  for (const day of reportDays(scenario, report)) {
    const date = dateOfDay(scenario.start, day);
    for (const tier of tiers) {
      for (const metric of report.metrics) {
        const value = seriesValue(series, day, tier, metric);
        rows.push({ run_id: label.id, variant: label.variant, replicate: label.replicate, seed: label.seed, parameters: label.parameters, day, date, tier: labels[tier], metric, value });
      }
    }
  }
  if (report.headline && report.headline.length > 0) {
    const figures = headline(scenario, series);
    const date = dateOfDay(scenario.start, scenario.days);
    for (const key of report.headline) {
      // A figure the run does not cover (its dates are outside it) is left out, not written as 0.
      const value = figures[key].value;
      if (value !== null && Number.isFinite(value)) {
        rows.push({ run_id: label.id, variant: label.variant, replicate: label.replicate, seed: label.seed, parameters: label.parameters, day: scenario.days, date, tier: 'all', metric: key, value });
      }
    }
  }
  return rows;
}

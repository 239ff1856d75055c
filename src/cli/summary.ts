// summary.json: what ran and what came out, in a fixed key order so two runs of the same scenario
// and seed differ only in `runtime` (wall-clock figures).
import type { OverrideWarning } from '../scenario/intervened.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ScenarioRun } from '../runtime/run.ts';
import { representedPeople } from '../engine/headline.ts';
import { seriesValue } from '../engine/metrics.ts';
import type { Tool } from './tool.ts';
import { networkSummary } from './network-summary.ts';

export interface RunIdentity {
  readonly tool: Tool;
  /** The scenario file as given on the command line. */
  readonly file: string;
  /** SHA-256 of scenario.resolved.json. */
  readonly sha256: string;
  readonly scenario: Scenario;
  readonly seed: number;
  /** The edge list an imported network was read from, and its SHA-256. */
  readonly edgeList?: { readonly file: string; readonly sha256: string };
  /** Overrides on fields an intervention also changes. */
  readonly warnings?: readonly OverrideWarning[];
}

export interface RunClock {
  /** From the start of the command to the moment the outputs are written. */
  readonly wallSeconds: number;
}

/**
 * Tier labels for keyed objects. Tier names are free text and need not be unique; when two
 * collide, every key gets its tier number so none overwrites another.
 */
export function tierKeys(scenario: Scenario): string[] {
  const names = scenario.tiers.map((t) => t.name);
  const unique = new Set(names).size === names.length;
  return unique ? names : names.map((name, i) => `${i + 1}:${name}`);
}

/** Seconds rounded to milliseconds: finer digits are noise. */
const seconds = (x: number) => Math.round(x * 1000) / 1000;

export function runSummary(identity: RunIdentity, run: ScenarioRun, clock: RunClock) {
  const { scenario } = identity;
  const { series } = run;
  const last = series.days;
  const people = representedPeople(scenario);
  const keys = tierKeys(scenario);
  const customers = seriesValue(series, last, series.tiers, 'customers');
  return {
    tool: { name: identity.tool.name, version: identity.tool.version },
    scenario: { name: scenario.name, file: identity.file, sha256: identity.sha256, ...(identity.edgeList ? { edge_list: identity.edgeList } : {}) },
    ...(identity.warnings && identity.warnings.length > 0 ? { warnings: identity.warnings } : {}),
    seed: identity.seed,
    agents: scenario.population.agents,
    days: scenario.days,
    represents: people,
    ties: run.ties,
    final: {
      customers,
      customers_by_tier: Object.fromEntries(keys.map((key, t) => [key, seriesValue(series, last, t, 'customers')])),
      customers_national: customers * people,
    },
    headline: run.headline,
    cross_tier_flow: { tiers: keys, matrix: run.flow },
    ...(run.network ? { network: networkSummary(run.network, keys) } : {}),
    markers: run.markers,
    runtime: {
      workers: run.workers,
      wall_seconds: seconds(clock.wallSeconds),
      setup_seconds: seconds(run.timings.setupSeconds),
      simulation_seconds: seconds(run.timings.simulationSeconds),
      word_of_mouth_kernel: run.timings.wordOfMouth,
      // Largest resident set of this process so far, worker threads included.
      peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
    },
  };
}

export type RunSummary = ReturnType<typeof runSummary>;

export function summaryJson(summary: RunSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

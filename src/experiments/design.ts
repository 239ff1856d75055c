// From what the person asked for (an experiment file, or `compare a.json b.json`) to the exact
// worlds to run: each variant at each sweep point, resolved and validated as a scenario with its
// overrides. Errors in an override point back at the experiment file line that wrote it.
// Browser-safe: scenario files arrive through `loadScenario`.
import type { ImportedTies } from '../scenario/types.ts';
import { ScenarioError, formatIssue, type ScenarioIssue, type SourcePosition } from '../scenario/issues.ts';
import type { Override } from '../scenario/overrides.ts';
import type { OverrideWarning } from '../scenario/intervened.ts';
import type { Scenario } from '../scenario/schema.ts';
import { reportTierIndices, tierLabels, type ReportSpec } from './report.ts';
import { defaultSd, isHeadlineFigure, type Target } from './fit.ts';
import type { DailyMetric } from '../engine/metrics.ts';
import { dateOfDay, dayOfDate } from '../engine/calendar.ts';
import { replicateSeeds } from './seeds.ts';
import type { OutputInput, Sweep, TargetInput } from './schema.ts';
import { sensitivitySpec, type Output, type SensitivitySpec } from './sensitivity/experiment.ts';
import { sweepPoints, type SweepPoint } from './sweep.ts';

/** An override and, when it came from an experiment file, where its path and value were written. */
export interface LocatedOverride {
  readonly override: Override;
  readonly at?: { readonly key: SourcePosition; readonly value: SourcePosition };
}

export interface VariantInput {
  readonly name: string;
  readonly scenarioFile: string;
  readonly overrides: readonly LocatedOverride[];
}

export interface DesignInput {
  readonly name: string;
  /** The baseline first. */
  readonly variants: readonly VariantInput[];
  /** Applied to every run before the variant's own overrides (the file's `set`, then --set, --agents, --days). */
  readonly shared: readonly LocatedOverride[];
  readonly sweep?: Sweep;
  /** Where each swept parameter's path and values were written. */
  readonly sweepAt?: (parameter: number) => { key: SourcePosition; value: SourcePosition } | undefined;
  readonly replicates: number;
  /** Default: the baseline scenario's own seed. */
  readonly seed?: number;
  readonly report: ReportSpec;
  /** Where `report.tiers[i]` was written. */
  readonly reportTierAt?: (index: number) => SourcePosition;
  /** Observed figures to score the runs against (fit.csv); each is also added to the report. */
  readonly targets?: readonly TargetInput[];
  /** Where `targets[i].field` was written. */
  readonly targetAt?: (index: number, field: 'tier' | 'date') => SourcePosition;
  /** What a sensitivity analysis explains (morris and sobol sweeps); each is added to the report. */
  readonly outputs?: readonly OutputInput[];
  /** Where `outputs[i].field` was written. */
  readonly outputAt?: (index: number, field: 'tier' | 'date') => SourcePosition;
}

export interface LoadedScenario {
  readonly scenario: Scenario;
  readonly sha256: string;
  /** The network a `network.kind: "edge-list"` scenario imports (the scenario is sized to it). */
  readonly network?: NetworkFile;
  /** Overrides on fields an intervention also changes. */
  readonly warnings?: readonly OverrideWarning[];
}

/** Ties read from an edge-list file, ready for the workers, with the file's name and SHA-256. */
export interface NetworkFile {
  readonly file: string;
  readonly sha256: string;
  readonly ties: ImportedTies;
}

export type LoadScenario = (file: string, overrides: readonly Override[]) => LoadedScenario;

/** One world to run, replicate after replicate. */
export interface Configuration {
  readonly index: number;
  readonly variant: string;
  /** Sweep point index (0 without a sweep). */
  readonly point: number;
  readonly parameters: string;
  readonly scenarioFile: string;
  /** Every override applied, in order, as `path=value` text. */
  readonly overrides: readonly string[];
  readonly scenario: Scenario;
  readonly sha256: string;
  readonly network?: NetworkFile;
  /** Overrides on fields an intervention also changes (said on stderr and in the manifest). */
  readonly warnings: readonly OverrideWarning[];
}

export interface Design {
  readonly name: string;
  readonly baseline: string;
  readonly variants: readonly string[];
  readonly masterSeed: number;
  readonly replicates: number;
  readonly seeds: readonly number[];
  /** What each run records: the report asked for, plus every target's metric, tier and date. */
  readonly report: ReportSpec;
  readonly points: readonly SweepPoint[];
  /** Variant by variant, sweep point by sweep point. */
  readonly configurations: readonly Configuration[];
  /** Observed figures the runs are scored against, tiers as runs.csv labels them (empty: no fit.csv). */
  readonly targets: readonly Target[];
  /** A morris or sobol sweep: its design and outputs, tiers as runs.csv labels them (sensitivity.csv). */
  readonly sensitivity?: SensitivitySpec;
  /** How differing worlds were aligned for comparison (comparable.ts), said beside every result. */
  readonly alignment?: readonly string[];
}

/** The report with every target's or output's metric, tier (as labelled) and date added (unchanged when there are none). */
function reportWithTargets(report: ReportSpec, targets: readonly Output[]): ReportSpec {
  if (targets.length === 0) return report;
  const union = <T>(list: readonly T[], more: readonly T[]) => [...list, ...more.filter((x, i) => !list.includes(x) && more.indexOf(x) === i)];
  const daily = targets.filter((t) => !isHeadlineFigure(t.metric));
  const figures = targets.map((t) => t.metric).filter(isHeadlineFigure);
  return {
    ...report,
    metrics: union(report.metrics, daily.map((t) => t.metric as DailyMetric)),
    dates: union(report.dates, daily.map((t) => t.date)),
    tiers: report.tiers ? union(report.tiers, daily.map((t) => t.tier)) : undefined,
    ...(figures.length > 0 ? { headline: union(report.headline ?? [], figures) } : {}),
  };
}

const overrideText = ({ override }: LocatedOverride) => `${override.lever ? '--lever ' : ''}${override.text ?? `${override.path}=${JSON.stringify(override.value)}`}`;

/**
 * Scenario issues from an override list moved to where each override was written: the loader
 * numbers `--set` issues by override (line = position in the list, column 1 = the path).
 */
function relocate(issue: ScenarioIssue, overrides: readonly LocatedOverride[]): ScenarioIssue {
  if (issue.file !== '--set') return issue;
  const at = overrides[issue.line - 1]?.at;
  if (!at) return issue;
  const position = issue.column === 1 ? at.key : at.value;
  return { ...issue, file: position.file, line: position.line, column: position.column, where: position.where };
}

/** Collects issues, merging repeats of one problem found in several variants into one line. */
class IssueList {
  private readonly found = new Map<string, { issue: ScenarioIssue; variants: string[] }>();

  add(issue: ScenarioIssue, variant?: string): void {
    const key = formatIssue(issue);
    const entry = this.found.get(key) ?? { issue, variants: [] };
    this.found.set(key, entry);
    if (variant && !entry.variants.includes(variant)) entry.variants.push(variant);
  }

  throwIfAny(): void {
    if (this.found.size === 0) return;
    const issues = [...this.found.values()].map(({ issue, variants }) =>
      variants.length === 0 ? issue : { ...issue, message: `${issue.message} (in ${variants.map((v) => `"${v}"`).join(', ')})` },
    );
    throw new ScenarioError(issues);
  }
}

function loadInto(issues: IssueList, load: LoadScenario, variant: VariantInput, overrides: readonly LocatedOverride[]): LoadedScenario | undefined {
  try {
    return load(variant.scenarioFile, overrides.map((o) => o.override));
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    for (const issue of error.issues) {
      const moved = relocate(issue, overrides);
      // An override written in the experiment file may be fine in one variant's scenario and not in
      // another's, so say which; a --set from the command line applies to all alike.
      issues.add(moved, moved !== issue ? variant.name : undefined);
    }
    return undefined;
  }
}

/** Resolves every configuration; throws a ScenarioError listing every problem found. */
export function resolveDesign(input: DesignInput, load: LoadScenario): Design {
  const issues = new IssueList();
  const [baseline] = input.variants;
  const unswept = (variant: VariantInput) => [...input.shared, ...variant.overrides];
  // The master seed defaults to the baseline's own seed, so it must be known before the sweep
  // (whose Latin hypercube is seeded by it).
  const base = loadInto(issues, load, baseline, unswept(baseline));
  issues.throwIfAny();
  const masterSeed = input.seed ?? base!.scenario.seed;
  const points = input.sweep ? sweepPoints(input.sweep, masterSeed) : [{ values: [], text: '' }];
  const configurations: Configuration[] = [];
  // Targets and outputs name a metric, tier and date alike, and are checked alike.
  const figures = [
    ...(input.targets ?? []).map((figure, i) => ({ figure, field: 'targets', position: (f: 'tier' | 'date') => input.targetAt?.(i, f), i })),
    ...(input.outputs ?? []).map((figure, i) => ({ figure, field: 'outputs', position: (f: 'tier' | 'date') => input.outputAt?.(i, f), i })),
  ];
  /** Each figure's tier as runs.csv labels it (the same in every configuration). */
  const targetLabels: (string | undefined)[] = [];
  for (const variant of input.variants) {
    points.forEach((point, p) => {
      const swept: LocatedOverride[] = point.values.map(({ path, value }, k) => ({
        override: { path, value, text: `${path}=${JSON.stringify(value)}` },
        at: input.sweepAt?.(k),
      }));
      const overrides = [...unswept(variant), ...swept];
      const loaded = loadInto(issues, load, variant, overrides);
      if (!loaded) return;
      figures.forEach(({ figure: target, field: list, position: at, i }, f) => {
        const position = (field: 'tier' | 'date') => at(field) ?? { file: list, line: 1, column: 1, where: list };
        const [tier] = reportTierIndices(loaded.scenario, { ...input.report, tiers: [target.tier] });
        if (tier === undefined) {
          const names = loaded.scenario.tiers.map((t) => `"${t.name}"`).join(', ');
          issues.add({ ...position('tier'), path: `${list}[${i}].tier`, message: `no tier "${target.tier}" in ${variant.scenarioFile}; expected one of ${names}, a tier number or "all"` }, variant.name);
        } else {
          const label = tierLabels(loaded.scenario)[tier];
          const first = targetLabels[f];
          if (first === undefined) targetLabels[f] = label;
          else if (first !== label) issues.add({ ...position('tier'), path: `${list}[${i}].tier`, message: `tier "${target.tier}" is "${label}" in ${variant.scenarioFile} but "${first}" in the baseline; give every variant the same tier names` }, variant.name);
        }
        if (isHeadlineFigure(target.metric)) {
          // A whole-run figure: recorded once, for all tiers, on the last day.
          if (tier !== undefined && tierLabels(loaded.scenario)[tier] !== 'all') issues.add({ ...position('tier'), path: `${list}[${i}].tier`, message: `${target.metric} is a figure of all tiers; expected "all", got "${target.tier}"` }, variant.name);
          return;
        }
        if (target.date === undefined) return;
        const day = dayOfDate(loaded.scenario.start, target.date);
        if (!(day >= 0 && day <= loaded.scenario.days)) {
          const last = dateOfDay(loaded.scenario.start, loaded.scenario.days);
          issues.add({ ...position('date'), path: `${list}[${i}].date`, message: `${target.date} is outside the run of ${variant.scenarioFile} (${loaded.scenario.start} to ${last})` }, variant.name);
        }
      });
      const wanted = reportTierIndices(loaded.scenario, input.report);
      wanted.forEach((tier, i) => {
        if (tier !== undefined) return;
        const position = input.reportTierAt?.(i) ?? { file: '--tier', line: 1, column: 1, where: '--tier' };
        const names = loaded.scenario.tiers.map((t) => `"${t.name}"`).join(', ');
        issues.add({ ...position, path: `report.tiers[${i}]`, message: `no tier "${input.report.tiers![i]}" in ${variant.scenarioFile}; expected one of ${names}, a tier number or "all"` }, variant.name);
      });
      configurations.push({
        index: configurations.length,
        variant: variant.name,
        point: p,
        parameters: point.text,
        scenarioFile: variant.scenarioFile,
        overrides: overrides.map(overrideText),
        scenario: loaded.scenario,
        sha256: loaded.sha256,
        ...(loaded.network ? { network: loaded.network } : {}),
        warnings: loaded.warnings ?? [],
      });
    });
  }
  issues.throwIfAny();
  const targets: Target[] = (input.targets ?? []).map((t, i) => ({ metric: t.metric, tier: targetLabels[i]!, date: t.date ?? '', value: t.value, sd: t.sd ?? defaultSd(t.value, t.metric) }));
  const offset = targets.length;
  const outputs: Output[] = (input.outputs ?? []).map((o, i) => ({ metric: o.metric, tier: targetLabels[offset + i]!, date: o.date ?? '' }));
  const sensitivity = input.sweep ? sensitivitySpec(input.sweep, masterSeed, outputs) : undefined;
  return {
    name: input.name,
    baseline: baseline.name,
    variants: input.variants.map((v) => v.name),
    masterSeed,
    replicates: input.replicates,
    seeds: replicateSeeds(masterSeed, input.replicates),
    report: reportWithTargets(input.report, [...targets, ...outputs]),
    points,
    configurations,
    targets,
    ...(sensitivity ? { sensitivity } : {}),
  };
}

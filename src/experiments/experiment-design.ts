// An experiment file's document as the input of resolveDesign: its variants, overrides, sweep,
// targets and outputs, each pointing back at where it was written. Where scenario files live is
// the caller's (the CLI reads them relative to the experiment file on disk, the page from the
// bundled scenarios), so both build the same design from the same file. Browser-safe.
import { sourceAt, type SourceMap } from '../scenario/document.ts';
import type { Override } from '../scenario/overrides.ts';
import type { PathSegment } from '../scenario/path.ts';
import type { DesignInput, LocatedOverride, VariantInput } from './design.ts';
import type { ExperimentDocument } from './experiment-file.ts';
import type { Sweep } from './schema.ts';

/** What the command line (or the page's controls) adds to every run of an experiment. */
export interface CommandLineDesign {
  /** --set, then --agents and --days, as overrides. */
  readonly overrides: readonly Override[];
  readonly seed?: number;
  readonly replicates?: number;
  /** Replaces the file's sweep (`tierwave fit`: each wave narrows the ranges). */
  readonly sweep?: (sweep: Sweep | undefined) => Sweep | undefined;
}

/** A `set` (and `levers`) object as overrides, each with where its key and value were written. */
function located(sources: SourceMap, at: PathSegment[], set: Record<string, unknown> | undefined, leversAt?: PathSegment[], levers?: Record<string, unknown>): LocatedOverride[] {
  const pulled = Object.entries(levers ?? {}).map(([id, value]) => ({
    override: { path: id, value, text: `${id}=${JSON.stringify(value)}`, lever: true },
    at: { key: sourceAt(sources, [...leversAt!, id], 'key'), value: sourceAt(sources, [...leversAt!, id]) },
  }));
  const fields = Object.entries(set ?? {}).map(([path, value]) => ({
    override: { path, value, text: `${path}=${JSON.stringify(value)}` },
    at: { key: sourceAt(sources, [...at, path], 'key'), value: sourceAt(sources, [...at, path]) },
  }));
  return [...fields, ...pulled];
}

/** The field that named (or implied) variant i's scenario file: errors reading it point there. */
export function scenarioField(document: ExperimentDocument, i: number): PathSegment[] {
  const { variants } = document.experiment;
  return i === 0 ? ['baseline', 'scenario'] : ['variants', i - 1, variants[i - 1].scenario ? 'scenario' : 'name'];
}

/** `scenarioFile` turns a scenario path as written in the file into the path the loader reads. */
export function experimentDesignInput(document: ExperimentDocument, scenarioFile: (written: string) => string, commandLine: CommandLineDesign): DesignInput {
  const { experiment, sources } = document;
  const baselineFile = scenarioFile(experiment.baseline.scenario);
  const variants: VariantInput[] = [
    { name: experiment.baseline.name, scenarioFile: baselineFile, overrides: located(sources, ['baseline', 'set'], experiment.baseline.set, ['baseline', 'levers'], experiment.baseline.levers) },
    ...experiment.variants.map((variant, i) => ({
      name: variant.name,
      scenarioFile: variant.scenario ? scenarioFile(variant.scenario) : baselineFile,
      overrides: located(sources, ['variants', i, 'set'], variant.set, ['variants', i, 'levers'], variant.levers),
    })),
  ];
  return {
    name: experiment.name,
    variants,
    shared: [...located(sources, ['set'], experiment.set, ['levers'], experiment.levers), ...commandLine.overrides.map((override) => ({ override }))],
    sweep: commandLine.sweep ? commandLine.sweep(experiment.sweep) : experiment.sweep,
    sweepAt: (k) => {
      const parameter = experiment.sweep!.parameters[k];
      const valueField = parameter.values ? 'values' : 'from';
      return { key: sourceAt(sources, ['sweep', 'parameters', k, 'path']), value: sourceAt(sources, ['sweep', 'parameters', k, valueField]) };
    },
    replicates: commandLine.replicates ?? experiment.replicates,
    seed: commandLine.seed ?? experiment.seed,
    report: experiment.report,
    reportTierAt: (i) => sourceAt(sources, ['report', 'tiers', i]),
    targets: experiment.targets,
    targetAt: (i, field) => sourceAt(sources, ['targets', i, field]),
    outputs: experiment.outputs,
    outputAt: (i, field) => sourceAt(sources, ['outputs', i, field]),
  };
}

// Reads an experiment file: JSON with comments, checked against the schema and the rules that
// span fields, every problem reported at once as `file:line:column field: message` — the same
// document and issue helpers as scenario files, so both read alike. Browser-safe.
import { z } from 'zod';
import { parseDocument, sourceAt, type SourceMap } from '../scenario/document.ts';
import { ScenarioError, issueAt, type ScenarioIssue } from '../scenario/issues.ts';
import { formatPath, parsePath, type PathSegment } from '../scenario/path.ts';
import { schemaIssues } from '../scenario/validate.ts';
import { experimentSchema, type Experiment } from './schema.ts';
import { isHeadlineFigure } from './fit.ts';

// The marker validate.ts gives zod for issues whose schema set no message of its own, so the
// schema's own words ("a real calendar date") can be told apart from zod's generic English.
const NO_CUSTOM_MESSAGE = '\u0000';

export interface ExperimentDocument {
  readonly experiment: Experiment;
  readonly file: string;
  /** Where each field was written, for pointing later errors (scenario overrides) at it. */
  readonly sources: SourceMap;
}

function crossFieldIssues(experiment: Experiment, sources: SourceMap): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report = (path: PathSegment[], message: string) => issues.push(issueAt(sourceAt(sources, path), formatPath(path), message));
  const seen = new Map<string, string>([[experiment.baseline.name, 'baseline.name']]);
  experiment.variants.forEach((variant, i) => {
    const earlier = seen.get(variant.name);
    if (earlier) report(['variants', i, 'name'], `"${variant.name}" is already the name of ${earlier}; names label the output rows, so they must differ`);
    seen.set(variant.name, formatPath(['variants', i, 'name']));
  });
  experiment.targets.forEach((target, i) => {
    const figure = isHeadlineFigure(target.metric);
    if (figure && target.date !== undefined) report(['targets', i, 'date'], `${target.metric} is a figure of the whole run: give no date`);
    if (!figure && target.date === undefined) report(['targets', i], `missing \`date\`: the day the daily metric ${target.metric} was observed`);
  });
  experiment.outputs.forEach((output, i) => {
    const figure = isHeadlineFigure(output.metric);
    if (figure && output.date !== undefined) report(['outputs', i, 'date'], `${output.metric} is a figure of the whole run: give no date`);
    if (!figure && output.date === undefined) report(['outputs', i], `missing \`date\`: the day to read the daily metric ${output.metric} on`);
  });
  const sweep = experiment.sweep;
  const sensitivity = sweep?.method === 'morris' || sweep?.method === 'sobol';
  if (experiment.outputs.length > 0 && !sensitivity) report(['outputs'], 'only for a "morris" or "sobol" sweep (a sensitivity analysis)');
  if (!sweep) return issues;
  if (sensitivity && experiment.outputs.length === 0) report(['sweep', 'method'], `a "${sweep.method}" sweep needs \`outputs\`: the metrics (tier, date) or headline figures whose sensitivity to measure`);
  if (sensitivity && experiment.variants.length > 0) report(['variants', 0], `a "${sweep.method}" sweep varies the baseline only; give each what-if its own experiment file`);
  if ((sweep.method === 'latin-hypercube' || sweep.method === 'sobol') && sweep.samples === undefined) report(['sweep', 'samples'], `missing, required when method is "${sweep.method}"`);
  if ((sweep.method === 'grid' || sweep.method === 'morris') && sweep.samples !== undefined) report(['sweep', 'samples'], 'only for methods "latin-hypercube" and "sobol"');
  if (sweep.method === 'morris' && sweep.trajectories === undefined) report(['sweep', 'trajectories'], 'missing, required when method is "morris"');
  if (sweep.method !== 'morris' && sweep.trajectories !== undefined) report(['sweep', 'trajectories'], 'only for method "morris"');
  if (sweep.method !== 'morris' && sweep.levels !== undefined) report(['sweep', 'levels'], 'only for method "morris"');
  if (!sensitivity && sweep.level !== undefined) report(['sweep', 'level'], 'only for methods "morris" and "sobol" (the intervals of their indices)');
  if (!sensitivity && sweep.resamples !== undefined) report(['sweep', 'resamples'], 'only for methods "morris" and "sobol" (the intervals of their indices)');
  if (sweep.levels !== undefined && sweep.levels % 2 !== 0) report(['sweep', 'levels'], `expected an even number (each step then moves half the levels), got ${sweep.levels}`);
  const paths = new Set<string>();
  sweep.parameters.forEach((parameter, i) => {
    const at = (...rest: PathSegment[]): PathSegment[] => ['sweep', 'parameters', i, ...rest];
    try {
      parsePath(parameter.path);
    } catch (error) {
      report(at('path'), (error as Error).message);
    }
    if (paths.has(parameter.path)) report(at('path'), `"${parameter.path}" is swept twice`);
    paths.add(parameter.path);
    const range = parameter.from !== undefined || parameter.to !== undefined;
    if (parameter.values && range) report(at('values'), 'give either `values` or a range `from`..`to`, not both');
    else if (!parameter.values && !range) report(at(), 'missing `values` or a range `from`..`to`');
    else if (range && (parameter.from === undefined || parameter.to === undefined)) report(at(parameter.from === undefined ? 'to' : 'from'), 'a range needs both `from` and `to`');
    if (range && sweep.method === 'grid' && parameter.count === undefined && !parameter.values) report(at(), 'missing `count`: how many values a grid takes from the range');
    if (parameter.count !== undefined && (sweep.method !== 'grid' || parameter.values)) report(at('count'), 'only for a range in a grid sweep');
    if (parameter.scale === 'log' && range && !((parameter.from ?? 1) > 0 && (parameter.to ?? 1) > 0)) report(at('scale'), 'a log scale needs from > 0 and to > 0');
  });
  return issues;
}

/** Parses and checks an experiment file's text; throws a ScenarioError listing every problem. */
export function parseExperiment(text: string, file: string): ExperimentDocument {
  const document = parseDocument(text, file);
  if (document.value === undefined) throw new ScenarioError(document.issues);
  const result = z.safeParse(experimentSchema, document.value, { error: () => NO_CUSTOM_MESSAGE });
  const issues = [...document.issues];
  if (!result.success) issues.push(...schemaIssues(experimentSchema, document.value, document.sources, result.error.issues));
  else issues.push(...crossFieldIssues(result.data, document.sources));
  if (issues.length > 0 || !result.success) throw new ScenarioError(issues.sort((a, b) => a.line - b.line || a.column - b.column));
  return { experiment: result.data, file, sources: document.sources };
}

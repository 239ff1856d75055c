// The experiment files bundled into the experiments page (experiments/*.json), and turning a chosen
// one — or one the user loaded from disk or built in the page — into the CLI's design: the same parser, the same
// design input, the bundled scenarios in place of the disk.
import { t } from '../shared/language.ts';
import { resolveRelative } from '../../scenario/extends.ts';
import { sourceAt } from '../../scenario/document.ts';
import { ScenarioError, issueAt, type ScenarioIssue } from '../../scenario/issues.ts';
import { formatPath } from '../../scenario/path.ts';
import { parseOverride } from '../../scenario/overrides.ts';
import { resolveDesign, type Design } from '../../experiments/design.ts';
import { experimentDesignInput, scenarioField } from '../../experiments/experiment-design.ts';
import { parseExperiment } from '../../experiments/experiment-file.ts';
import { bundledEntry, loadBundledScenario } from '../shared/catalog.ts';

/** Every experiment file under experiments/, keyed by its path from the project root ("/experiments/x.json"). */
const BUNDLED = import.meta.glob('/experiments/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** An experiment file to run: its name as errors show it, its text, and whether it came with the page. */
export interface ExperimentSource {
  readonly file: string;
  readonly text: string;
  readonly bundled: boolean;
}

/** Which experiments a page offers: every kind, or only sensitivity analyses (sensitivity.html). */
export type ExperimentKinds = 'all' | 'sensitivity';

/** The bundled experiment files, by path; for 'sensitivity' only those with a "morris" or "sobol" sweep. */
export function bundledExperiments(kinds: ExperimentKinds): ExperimentSource[] {
  return Object.keys(BUNDLED)
    .filter((key) => !key.endsWith('/schema.json') && (kinds === 'all' || /"method"\s*:\s*"(morris|sobol)"/.test(BUNDLED[key])))
    .sort()
    .map((key) => ({ file: key.slice(1), text: BUNDLED[key], bundled: true }));
}

/**
 * Where a scenario path written in the file is looked up. A bundled file's paths resolve as on disk
 * (`../scenarios/x.json` from experiments/); a file from disk has no folder here, so whatever leads
 * up to `scenarios/` is dropped and the rest is looked up among the bundled scenarios.
 */
function scenarioPath(source: ExperimentSource, written: string): string {
  if (source.bundled) return resolveRelative(`/${source.file}`, written);
  const inner = written.replace(/\\/g, '/').replace(/^(\.{1,2}\/)+/, '').replace(/^\/+/, '');
  const at = inner.lastIndexOf('scenarios/');
  return `/scenarios/${at >= 0 ? inner.slice(at + 'scenarios/'.length) : inner}`;
}

const isBundledScenario = (file: string) => file.startsWith('/scenarios/') && file.endsWith('.json') && bundledEntry(file.slice('/scenarios/'.length, -'.json'.length)) !== undefined;

/** What the page's controls add to the file, as `--agents` and `--replicates` do on the command line. */
export interface PageSettings {
  readonly agents?: number;
  readonly replicates?: number;
}

/** The design the CLI would make of the file; throws a ScenarioError listing every problem. */
export function experimentDesign(source: ExperimentSource, settings: PageSettings): Design {
  const document = parseExperiment(source.text, source.file);
  const overrides = settings.agents === undefined ? [] : [parseOverride(`population.agents=${settings.agents}`)];
  const input = experimentDesignInput(document, (written) => scenarioPath(source, written), { overrides, replicates: settings.replicates });
  const issues: ScenarioIssue[] = [];
  input.variants.forEach((variant, i) => {
    const field = scenarioField(document, i);
    if (!isBundledScenario(variant.scenarioFile)) issues.push(issueAt(sourceAt(document.sources, field), formatPath(field), t('errors.notBundledForPage', { file: variant.scenarioFile.slice(1) })));
  });
  if (issues.length > 0) throw new ScenarioError(issues);
  return resolveDesign(input, loadBundledScenario);
}

// The form: filled from a Comparison (a permalink) and read back into one.
import { DAILY_METRICS } from '../../engine/metrics.ts';
import { catalog, type CatalogEntry } from '../shared/catalog.ts';
import { DEFAULT_AGENTS, type Comparison } from './permalink.ts';
import { seedProblem } from '../../scenario/seed.ts';
import { t, tierLabel } from '../shared/language.ts';
import { metricName } from '../shared/metric-name.ts';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export const controls = {
  baseline: byId<HTMLSelectElement>('baseline'),
  baselineFile: byId<HTMLInputElement>('baseline-file'),
  variantFile: byId<HTMLInputElement>('variant-file'),
  variants: byId<HTMLFieldSetElement>('variants'),
  whatIf: byId<HTMLTextAreaElement>('what-if'),
  agents: byId<HTMLInputElement>('agents'),
  days: byId<HTMLInputElement>('days'),
  seed: byId<HTMLInputElement>('seed'),
  replicates: byId<HTMLInputElement>('replicates'),
  workers: byId<HTMLInputElement>('workers'),
  run: byId<HTMLButtonElement>('run'),
  pause: byId<HTMLButtonElement>('pause'),
  metric: byId<HTMLSelectElement>('metric'),
  tier: byId<HTMLSelectElement>('tier'),
  date: byId<HTMLInputElement>('date'),
  halfWidth: byId<HTMLInputElement>('half-width'),
  halfWidthUnit: byId<HTMLSpanElement>('half-width-unit'),
  notice: byId<HTMLParagraphElement>('notice'),
  warnings: byId<HTMLUListElement>('warnings'),
  done: byId<HTMLOutputElement>('replicates-done'),
  status: byId<HTMLSpanElement>('status'),
  needed: byId<HTMLOutputElement>('replicates-needed'),
  more: byId<HTMLButtonElement>('more'),
  error: byId<HTMLDivElement>('error'),
  bands: document.getElementById('bands') as unknown as SVGSVGElement,
  diff: document.getElementById('diff') as unknown as SVGSVGElement,
  table: byId<HTMLTableElement>('tier-table'),
  permalink: byId<HTMLAnchorElement>('permalink'),
};

function option(select: HTMLSelectElement, value: string, label = value): void {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = label;
  select.append(element);
}

/** A variant's checkbox (its id as the label's text, never as markup: a file's name is the user's). */
function variantChoice(id: string): void {
  const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: id });
  box.dataset.testid = `variant-${id}`;
  const label = document.createElement('label');
  label.append(box, ` ${id}`);
  label.dataset.scenario = id;
  controls.variants.append(label);
}

export function setUpControls(scenarios: readonly CatalogEntry[], workers: number): void {
  for (const s of scenarios) option(controls.baseline, s.id);
  for (const s of scenarios) variantChoice(s.id);
  for (const metric of DAILY_METRICS) option(controls.metric, metric);
  controls.workers.value = String(workers);
  relabelControls(scenarios);
}

/** Option texts and titles in the page's language; the values (ids, as the permalink has them) stay. */
export function relabelControls(scenarios: readonly CatalogEntry[] = catalog()): void {
  for (const o of controls.metric.options) o.textContent = metricName(o.value);
  for (const o of controls.tier.options) o.textContent = o.value === 'all' ? t('tier.allShort') : tierLabel(o.value);
  for (const o of controls.baseline.options) o.title = scenarios.find((s) => s.id === o.value)?.title ?? '';
  for (const label of controls.variants.querySelectorAll<HTMLLabelElement>('label[data-scenario]')) label.title = scenarios.find((s) => s.id === label.dataset.scenario)?.title ?? '';
}

/** A scenario file the page took in (from disk or a link), offered as baseline and as variant once. */
export function addScenarioChoice(id: string): void {
  if ([...controls.baseline.options].some((o) => o.value === id)) return;
  option(controls.baseline, id);
  variantChoice(id);
}

/** A file taken in as baseline (chosen) or as variant (ticked, beside the ones already ticked). */
export function chooseScenario(id: string, role: 'baseline' | 'variant'): void {
  addScenarioChoice(id);
  if (role === 'baseline') controls.baseline.value = id;
  else for (const box of controls.variants.querySelectorAll('input')) box.checked ||= box.value === id;
}

/** Tier choices of the baseline scenario ("all" first). */
export function setTierChoices(labels: readonly string[], selected: string): void {
  controls.tier.replaceChildren();
  for (const label of ['all', ...labels.filter((l) => l !== 'all')]) option(controls.tier, label, label === 'all' ? t('tier.allShort') : tierLabel(label));
  controls.tier.value = labels.includes(selected) ? selected : 'all';
}

export function writeControls(c: Comparison): void {
  controls.baseline.value = c.baseline;
  for (const box of controls.variants.querySelectorAll('input')) box.checked = c.variants.includes(box.value);
  controls.whatIf.value = c.whatIf.join('\n');
  controls.agents.value = String(c.agents);
  controls.days.value = c.days === null ? '' : String(c.days);
  controls.seed.value = c.seed === null ? '' : String(c.seed);
  controls.replicates.value = String(c.replicates);
  controls.metric.value = c.metric;
  controls.date.value = c.date;
  controls.halfWidth.value = c.halfWidth === null ? '' : String(c.halfWidth);
}

const whole = (input: HTMLInputElement): number | null => (/^\d+$/.test(input.value.trim()) ? Number(input.value) : null);

export function readControls(): Comparison {
  return {
    baseline: controls.baseline.value,
    variants: [...controls.variants.querySelectorAll('input')].filter((box) => box.checked).map((box) => box.value),
    whatIf: controls.whatIf.value.split('\n').map((line) => line.trim()).filter((line) => line.length > 0),
    agents: whole(controls.agents) ?? DEFAULT_AGENTS,
    days: whole(controls.days),
    seed: seedProblem(controls.seed.value) === undefined ? Number(controls.seed.value.trim()) : null,
    replicates: Math.max(2, whole(controls.replicates) ?? 20),
    metric: controls.metric.value,
    tier: controls.tier.value || 'all',
    date: controls.date.value,
    halfWidth: Number(controls.halfWidth.value) > 0 ? Number(controls.halfWidth.value) : null,
  };
}

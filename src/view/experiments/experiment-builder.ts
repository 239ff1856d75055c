// A small form that writes an experiment file: a bundled scenario as baseline, variants that pull
// one of the scenario's levers or set one field, a grid over a field from the schema, replicates,
// metrics and report dates. What it writes is an ordinary experiment file — run here through the
// same parser and design as a file from disk, and downloaded to run with `tierwave experiment`.
import { DAILY_METRICS } from '../../engine/metrics.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { catalog, loadBundledScenario, scenarioFile } from '../shared/catalog.ts';
import { download } from '../shared/downloads.ts';
import { language, onLanguageChange, t, translatePage } from '../shared/language.ts';
import type { ExperimentSource } from './experiment-files.ts';
import { word } from './page-markup.ts';
import { fieldChoices } from './scenario-fields.ts';

/** A value as typed: a number, true/false or JSON when it reads as one, else the text itself. */
function typedValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.trim();
  }
}

const safeName = (text: string) => text.trim().replace(/[^A-Za-z0-9._-]+/g, '-') || 'variant';

export class ExperimentBuilder {
  private readonly root: HTMLDetailsElement;
  private scenario: Scenario | undefined;

  constructor(slot: HTMLElement, private readonly onUse: (source: ExperimentSource) => void) {
    this.root = document.createElement('details');
    this.root.className = 'builder';
    this.root.dataset.testid = 'builder';
    const metrics = DAILY_METRICS.map((m) => `<label><input type="checkbox" name="metric" value="${m}" data-testid="build-metric-${m}"${m === 'customers' ? ' checked' : ''} /> ${m}</label>`).join('');
    this.root.innerHTML = `
      <summary ${word('experiments.builder.summary')}></summary>
      <div class="panel">
        <label><span ${word('experiments.builder.name')}></span> <input data-testid="build-name" name="name" value="my-experiment" /></label>
        <label><span ${word('experiments.builder.scenario')}></span> <select data-testid="build-scenario" name="scenario"></select></label>
        <label><span ${word('experiments.builder.agents')}></span> <input data-testid="build-agents" name="agents" type="number" min="100" step="1000" value="20000" /></label>
        <label><span ${word('experiments.builder.days')}></span> <input data-testid="build-days" name="days" type="number" min="1" ${word('experiments.builder.scenarioValue', 'placeholder')} /></label>
        <label><span ${word('experiments.builder.replicates')}></span> <input data-testid="build-replicates" name="replicates" type="number" min="1" value="5" /></label>
        <label><span ${word('experiments.builder.seed')}></span> <input data-testid="build-seed" name="seed" type="number" min="0" ${word('experiments.builder.scenarioValue', 'placeholder')} /></label>
      </div>
      <fieldset class="variants"><legend ${word('experiments.builder.variants')}></legend><div class="rows"></div>
        <button type="button" data-testid="build-add-variant" ${word('experiments.builder.addVariant')}></button></fieldset>
      <fieldset><legend ${word('experiments.builder.sweep')}></legend>
        <label><span ${word('experiments.builder.field')}></span> <input data-testid="build-sweep-path" name="sweep-path" list="build-numeric-fields" /></label>
        <label><span ${word('experiments.builder.from')}></span> <input data-testid="build-sweep-from" name="sweep-from" type="number" step="any" /></label>
        <label><span ${word('experiments.builder.to')}></span> <input data-testid="build-sweep-to" name="sweep-to" type="number" step="any" /></label>
        <label><span ${word('experiments.builder.steps')}></span> <input data-testid="build-sweep-steps" name="sweep-steps" type="number" min="2" value="5" /></label></fieldset>
      <fieldset><legend ${word('experiments.builder.metrics')}></legend>${metrics}</fieldset>
      <div class="panel">
        <label class="wide"><span ${word('experiments.builder.dates')}></span> <input data-testid="build-dates" name="dates" value="2014-11-11, 2015-11-11" /></label>
        <div class="buttons"><button type="button" data-testid="build-use" ${word('experiments.builder.use')}></button> <button type="button" data-testid="build-download" ${word('experiments.builder.save')}></button></div>
      </div>
      <datalist id="build-changes"></datalist><datalist id="build-numeric-fields"></datalist>`;
    slot.replaceWith(this.root);
    translatePage(this.root);
    const select = this.input<HTMLSelectElement>('scenario');
    for (const entry of catalog()) select.add(new Option(entry.title, entry.id));
    select.addEventListener('change', () => this.readScenario());
    this.root.querySelector('[data-testid=build-add-variant]')!.addEventListener('click', () => this.addVariant());
    this.root.querySelector('[data-testid=build-use]')!.addEventListener('click', () => this.onUse(this.source()));
    this.root.querySelector('[data-testid=build-download]')!.addEventListener('click', () => {
      const source = this.source();
      download(source.file, new Blob([source.text], { type: 'application/json' }));
    });
    this.readScenario();
    onLanguageChange(() => this.readScenario());
  }

  private input<T extends HTMLInputElement | HTMLSelectElement = HTMLInputElement>(name: string): T {
    return this.root.querySelector(`[name="${name}"]`) as T;
  }

  /** The chosen scenario's levers and fields, offered as what variants change and what a sweep moves. */
  private readScenario(): void {
    try {
      this.scenario = loadBundledScenario(scenarioFile(this.input('scenario').value), []).scenario;
    } catch {
      // A scenario that does not validate offers nothing; running it shows its errors.
      this.scenario = undefined;
    }
    const levers = this.scenario?.levers ?? [];
    const fields = this.scenario ? fieldChoices(this.scenario) : [];
    const option = (value: string, label: string) => Object.assign(document.createElement('option'), { value, label });
    this.root.querySelector('#build-changes')!.replaceChildren(...levers.map((l) => option(l.id, t('experiments.builder.lever', { label: l.label[language()] }))), ...fields.map((f) => option(f.path, f.label)));
    this.root.querySelector('#build-numeric-fields')!.replaceChildren(...fields.filter((f) => f.numeric).map((f) => option(f.path, f.label)));
  }

  private addVariant(): void {
    const rows = this.root.querySelector('.variants .rows')!;
    const i = rows.children.length;
    const row = document.createElement('div');
    row.className = 'panel variant';
    row.innerHTML = `
      <label><span ${word('experiments.builder.variantName')}></span> <input data-testid="build-variant-name-${i}" class="variant-name" value="variant-${i + 1}" /></label>
      <label><span ${word('experiments.builder.change')}></span> <input data-testid="build-variant-change-${i}" class="variant-change" list="build-changes" /></label>
      <label><span ${word('experiments.builder.value')}></span> <input data-testid="build-variant-value-${i}" class="variant-value" /></label>
      <button type="button" class="remove" ${word('experiments.builder.remove')}></button>`;
    row.querySelector('.remove')!.addEventListener('click', () => row.remove());
    translatePage(row);
    rows.append(row);
  }

  /** The experiment file the form describes. */
  experiment(): Record<string, unknown> {
    const id = this.input('scenario').value;
    const number = (name: string) => (this.input(name).value.trim() === '' ? undefined : Number(this.input(name).value));
    const leverIds = new Set((this.scenario?.levers ?? []).map((l) => l.id));
    const variants = [...this.root.querySelectorAll('.variant')].map((row) => {
      const name = safeName(row.querySelector<HTMLInputElement>('.variant-name')!.value);
      const change = row.querySelector<HTMLInputElement>('.variant-change')!.value.trim();
      const value = typedValue(row.querySelector<HTMLInputElement>('.variant-value')!.value);
      return leverIds.has(change) ? { name, levers: { [change]: value } } : { name, set: { [change]: value } };
    });
    const set = Object.fromEntries([['population.agents', number('agents')], ['days', number('days')]].filter(([, v]) => v !== undefined));
    const path = this.input('sweep-path').value.trim();
    const metrics = [...this.root.querySelectorAll<HTMLInputElement>('input[name=metric]:checked')].map((box) => box.value);
    const dates = this.input('dates').value.split(/[,\s]+/).filter(Boolean);
    return {
      name: safeName(this.input('name').value),
      baseline: { name: safeName(id), scenario: `../scenarios/${id}.json` },
      ...(variants.length > 0 ? { variants } : {}),
      ...(Object.keys(set).length > 0 ? { set } : {}),
      replicates: number('replicates'),
      ...(number('seed') !== undefined ? { seed: number('seed') } : {}),
      ...(path ? { sweep: { method: 'grid', parameters: [{ path, from: number('sweep-from'), to: number('sweep-to'), count: number('sweep-steps') }] } } : {}),
      report: { metrics, dates, final: true },
    };
  }

  source(): ExperimentSource {
    const experiment = this.experiment();
    return { file: `${String(experiment.name)}.json`, text: `${JSON.stringify(experiment, null, 2)}\n`, bundled: false };
  }
}

// A small form that writes an experiment file: a bundled scenario as baseline, variants that pull
// one of the scenario's levers or set one field, a grid over a field from the schema, replicates,
// metrics and report dates. What it writes is an ordinary experiment file — run here through the
// same parser and design as a file from disk, and downloaded to run with `tierwave experiment`.
import { DAILY_METRICS } from '../../engine/metrics.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { catalog, loadBundledScenario, scenarioFile } from '../shared/catalog.ts';
import { download } from '../shared/downloads.ts';
import type { PageLanguage } from '../shared/page-language.ts';
import type { ExperimentSource } from './experiment-files.ts';
import { fieldChoices } from './scenario-fields.ts';

const WORDS = {
  en: {
    summary: 'Build an experiment', name: 'Name', scenario: 'Baseline scenario', agents: 'Agents', days: 'Days', replicates: 'Replicates', seed: 'Master seed',
    variants: 'Variants (each pulls a lever or sets a field)', addVariant: 'Add a variant', variantName: 'Variant name', change: 'Lever or field', value: 'Value', remove: 'Remove',
    sweep: 'Sweep (a grid over one numeric field; leave the field empty for none)', field: 'Field', from: 'From', to: 'To', steps: 'Steps',
    metrics: 'Metrics', dates: 'Report dates (YYYY-MM-DD, comma-separated)', use: 'Use this experiment', save: 'Download the experiment file', lever: 'lever', scenarioValue: 'scenario’s',
  },
  zh: {
    summary: '构建实验', name: '名称', scenario: '基线情景', agents: '智能体数', days: '天数', replicates: '重复次数', seed: '主种子',
    variants: '变体（每个拉动一个杠杆或设置一个字段）', addVariant: '添加变体', variantName: '变体名称', change: '杠杆或字段', value: '取值', remove: '删除',
    sweep: '参数扫描（对一个数值字段取网格；不填字段则不扫描）', field: '字段', from: '起', to: '止', steps: '步数',
    metrics: '指标', dates: '报告日期（YYYY-MM-DD，逗号分隔）', use: '使用此实验', save: '下载实验文件', lever: '杠杆', scenarioValue: '按情景',
  },
} as const;

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
  private readonly words;
  private readonly root: HTMLDetailsElement;
  private scenario: Scenario | undefined;

  constructor(slot: HTMLElement, private readonly language: PageLanguage, private readonly onUse: (source: ExperimentSource) => void) {
    const w = (this.words = WORDS[language]);
    this.root = document.createElement('details');
    this.root.className = 'builder';
    this.root.dataset.testid = 'builder';
    const metrics = DAILY_METRICS.map((m) => `<label><input type="checkbox" name="metric" value="${m}" data-testid="build-metric-${m}"${m === 'customers' ? ' checked' : ''} /> ${m}</label>`).join('');
    this.root.innerHTML = `
      <summary>${w.summary}</summary>
      <div class="panel">
        <label>${w.name} <input data-testid="build-name" name="name" value="my-experiment" /></label>
        <label>${w.scenario} <select data-testid="build-scenario" name="scenario"></select></label>
        <label>${w.agents} <input data-testid="build-agents" name="agents" type="number" min="100" step="1000" value="20000" /></label>
        <label>${w.days} <input data-testid="build-days" name="days" type="number" min="1" placeholder="${w.scenarioValue}" /></label>
        <label>${w.replicates} <input data-testid="build-replicates" name="replicates" type="number" min="1" value="5" /></label>
        <label>${w.seed} <input data-testid="build-seed" name="seed" type="number" min="0" placeholder="${w.scenarioValue}" /></label>
      </div>
      <fieldset class="variants"><legend>${w.variants}</legend><div class="rows"></div>
        <button type="button" data-testid="build-add-variant">${w.addVariant}</button></fieldset>
      <fieldset><legend>${w.sweep}</legend>
        <label>${w.field} <input data-testid="build-sweep-path" name="sweep-path" list="build-numeric-fields" /></label>
        <label>${w.from} <input data-testid="build-sweep-from" name="sweep-from" type="number" step="any" /></label>
        <label>${w.to} <input data-testid="build-sweep-to" name="sweep-to" type="number" step="any" /></label>
        <label>${w.steps} <input data-testid="build-sweep-steps" name="sweep-steps" type="number" min="2" value="5" /></label></fieldset>
      <fieldset><legend>${w.metrics}</legend>${metrics}</fieldset>
      <div class="panel">
        <label class="wide">${w.dates} <input data-testid="build-dates" name="dates" value="2014-11-11, 2015-11-11" /></label>
        <div class="buttons"><button type="button" data-testid="build-use">${w.use}</button> <button type="button" data-testid="build-download">${w.save}</button></div>
      </div>
      <datalist id="build-changes"></datalist><datalist id="build-numeric-fields"></datalist>`;
    slot.replaceWith(this.root);
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
    this.root.querySelector('#build-changes')!.replaceChildren(...levers.map((l) => option(l.id, `${this.words.lever}: ${l.label[this.language]}`)), ...fields.map((f) => option(f.path, f.label)));
    this.root.querySelector('#build-numeric-fields')!.replaceChildren(...fields.filter((f) => f.numeric).map((f) => option(f.path, f.label)));
  }

  private addVariant(): void {
    const w = this.words;
    const rows = this.root.querySelector('.variants .rows')!;
    const i = rows.children.length;
    const row = document.createElement('div');
    row.className = 'panel variant';
    row.innerHTML = `
      <label>${w.variantName} <input data-testid="build-variant-name-${i}" class="variant-name" value="variant-${i + 1}" /></label>
      <label>${w.change} <input data-testid="build-variant-change-${i}" class="variant-change" list="build-changes" /></label>
      <label>${w.value} <input data-testid="build-variant-value-${i}" class="variant-value" /></label>
      <button type="button" class="remove">${w.remove}</button>`;
    row.querySelector('.remove')!.addEventListener('click', () => row.remove());
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

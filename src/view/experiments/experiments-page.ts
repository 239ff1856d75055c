// The experiments page: pick an experiment file (bundled, loaded from disk, or built in the page),
// press run, and watch runs arrive from a pool of Web Workers — progress with an estimate of the
// time left, bands per variant or sweep point that tighten as replicates land, the results table
// with the CLI's findings, and for a "morris" or "sobol" sweep the sensitivity indices. Design,
// runs, seeds and tables are the CLI's (`tierwave experiment`), so the downloaded runs.csv is the
// CLI's file for the same file and settings, whatever the number of workers.
import { browserWorkers } from '../../runtime/browser.ts';
import { dateOfDay } from '../../engine/calendar.ts';
import type { Design } from '../../experiments/design.ts';
import { checkComparison } from '../../experiments/comparable.ts';
import { KEY_DATE } from '../../experiments/comparison-text.ts';
import { reportDays, reportTierIndices, tierLabels } from '../../experiments/report.ts';
import { ErrorPanel } from '../shared/error-panel.ts';
import { formatDate, languageSwitch, locale, onLanguageChange, t, tierLabel, translatePage } from '../shared/language.ts';
import { metricName } from '../shared/metric-name.ts';
import { ReplicatePool } from '../shared/replicate-pool.ts';
import { drawBands } from './band-chart.ts';
import { bandsOverSweep, bandsOverTime } from './experiment-bands.ts';
import { ExperimentBuilder } from './experiment-builder.ts';
import { exportFile } from './experiment-exports.ts';
import { bundledExperiments, experimentDesign, type ExperimentKinds, type ExperimentSource, type PageSettings } from './experiment-files.ts';
import { ExperimentRuns } from './experiment-runs.ts';
import { renderIndexTable } from './index-table.ts';
import { shownSensitivity } from './sensitivity-words.ts';
import { writePageMarkup } from './page-markup.ts';
import { renderResultsTable } from './results-table.ts';
import { oncePerFrame } from '../shared/frame-request.ts';

const DISK = 'disk';

interface Session {
  readonly source: ExperimentSource;
  readonly settings: PageSettings;
  readonly runs: ExperimentRuns;
  readonly pool: ReplicatePool;
  readonly startedAt: string;
  readonly startedMs: number;
  /** Complete replicates the sensitivity chart shows now. */
  shown: number;
}

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The page's one state object: the chosen files, the running experiment and what it shows. */
/** A tier as the page says it: "all" and "tier N" in the page's language, other names as written. */
const tierWord = (tier: string) => (tier === 'all' ? t('tier.allShort') : tierLabel(tier));

export class ExperimentsPage {
  private readonly errors: ErrorPanel;
  private readonly bundled: ExperimentSource[];
  private readonly c;
  private offered: { source: ExperimentSource; origin: 'fromDisk' | 'built' } | undefined;
  private session: Session | undefined;
  /** Draws on the next frame, once however often it is asked. */
  private readonly requestRender = oncePerFrame(() => this.render());

  constructor(private readonly kinds: ExperimentKinds) {
    writePageMarkup(document.body, kinds);
    translatePage();
    document.getElementById('language-switch')!.replaceWith(languageSwitch());
    this.errors = new ErrorPanel(element('error'));
    this.bundled = bundledExperiments(kinds);
    this.c = {
      experiment: element<HTMLSelectElement>('experiment'), file: element<HTMLInputElement>('experiment-file'), agents: element<HTMLInputElement>('agents'),
      replicates: element<HTMLInputElement>('replicates'), workers: element<HTMLInputElement>('workers'), run: element<HTMLButtonElement>('run'), pause: element<HTMLButtonElement>('pause'),
      done: element<HTMLOutputElement>('runs-done'), planned: element<HTMLOutputElement>('runs-planned'), status: element<HTMLElement>('status'), eta: element<HTMLOutputElement>('eta'),
      used: element<HTMLOutputElement>('replicates-used'), bandSection: element<HTMLElement>('band-section'), bands: document.getElementById('bands') as unknown as SVGSVGElement,
      metric: element<HTMLSelectElement>('band-metric'), tier: element<HTMLSelectElement>('band-tier'), date: element<HTMLSelectElement>('band-date'), results: element<HTMLTableElement>('results'),
      sensitivitySection: element<HTMLElement>('sensitivity-section'), chart: element<HTMLElement>('chart'), indices: element<HTMLTableElement>('indices'),
    };
  }

  open(): void {
    const c = this.c;
    for (const source of this.bundled) c.experiment.add(new Option(source.file, source.file));
    const slot = document.getElementById('builder-slot');
    if (slot) new ExperimentBuilder(slot, (source) => this.offer(source, 'built'));
    onLanguageChange(() => this.retitle());
    this.retitle();
    c.workers.value = String(browserWorkers());
    c.file.addEventListener('change', () => void this.loadFile());
    c.run.addEventListener('click', () => this.start());
    c.pause.addEventListener('click', () => {
      const pool = this.session?.pool;
      if (!pool) return;
      if (pool.isPaused) pool.resume();
      else pool.pause();
      this.updateStatus();
    });
    for (const select of [c.metric, c.tier, c.date]) select.addEventListener('change', () => this.renderBands());
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-export]')) button.addEventListener('click', () => this.export(button.dataset.export!));
  }

  /** Offers a file (from disk, or built in the page) and chooses it. */
  offer(source: ExperimentSource, origin: 'fromDisk' | 'built' = 'fromDisk'): void {
    this.offered = { source, origin };
    const select = this.c.experiment;
    select.querySelector(`option[value="${DISK}"]`)?.remove();
    select.add(new Option('', DISK));
    select.value = DISK;
    this.retitle();
  }

  /** The words drawn by code, in the page's language now. */
  /** The band choices' texts in the page's language; their values stay the files' names. */
  private relabelBandChoices(): void {
    const c = this.c;
    for (const o of c.metric.options) o.text = metricName(o.value);
    for (const o of c.tier.options) o.text = tierWord(o.value);
    for (const o of c.date.options) o.text = formatDate(o.value);
  }

  private retitle(): void {
    this.relabelBandChoices();
    document.title = t(`experiments.title.${this.kinds}`);
    const option = this.c.experiment.querySelector<HTMLOptionElement>(`option[value="${DISK}"]`);
    if (option && this.offered) option.text = t(`experiments.${this.offered.origin}`, { file: this.offered.source.file });
    if (this.session) this.session.shown = 0;
    this.render();
  }

  private async loadFile(): Promise<void> {
    const file = this.c.file.files?.[0];
    if (file) this.offer({ file: file.name, text: await file.text(), bundled: false });
  }

  private chosen(): ExperimentSource | undefined {
    const value = this.c.experiment.value;
    return value === DISK ? this.offered?.source : this.bundled.find((s) => s.file === value);
  }

  private count(n: number): string {
    return new Intl.NumberFormat(locale()).format(n);
  }

  private number(input: HTMLInputElement): number | undefined {
    return input.value.trim() === '' ? undefined : Number(input.value);
  }

  start(): void {
    const c = this.c;
    this.session?.pool.dispose();
    this.session = undefined;
    this.errors.clear();
    c.chart.replaceChildren();
    c.indices.replaceChildren();
    c.results.replaceChildren();
    c.bandSection.hidden = true;
    c.sensitivitySection.hidden = true;
    const source = this.chosen();
    if (!source) return this.errors.show(t('experiments.nothing'), new Error(t('experiments.choose')));
    const settings: PageSettings = { agents: this.number(c.agents), replicates: this.number(c.replicates) };
    let design: Design;
    try {
      design = experimentDesign(source, settings);
      if (this.kinds === 'sensitivity' && !design.sensitivity) throw new Error(t('experiments.notSensitivity', { file: source.file }));
      const check = checkComparison(design);
      if (check.refusal) throw new Error(check.refusal);
    } catch (error) {
      return this.errors.show(t('experiments.cannotStart'), error);
    }
    const runs = new ExperimentRuns(design);
    const pool = new ReplicatePool({
      design,
      slots: Math.max(1, Math.min(16, Number(c.workers.value) || browserWorkers())),
      onRun: (run, series) => {
        runs.add(run, series);
        this.requestRender();
      },
      onError: (error) => {
        this.errors.show(t('experiments.failed'), error);
        this.updateStatus();
      },
      onIdle: () => this.requestRender(),
    });
    this.session = { source, settings, runs, pool, startedAt: new Date().toISOString(), startedMs: performance.now(), shown: 0 };
    c.planned.value = this.count(runs.planned);
    c.sensitivitySection.hidden = !design.sensitivity;
    document.querySelector<HTMLElement>('[data-export=csv]')!.hidden = !design.sensitivity;
    document.querySelector<HTMLElement>('[data-export=fit]')!.hidden = design.targets.length === 0;
    if (!design.sensitivity) this.offerBandChoices(design);
    pool.start();
    this.requestRender();
  }

  private offerBandChoices(design: Design): void {
    const c = this.c;
    const scenario = design.configurations[0].scenario;
    const labels = tierLabels(scenario);
    const tiers = [...new Set(reportTierIndices(scenario, design.report).filter((t) => t !== undefined).map((t) => labels[t!]))];
    const dates = reportDays(scenario, design.report).map((day) => dateOfDay(scenario.start, day));
    const fill = (select: HTMLSelectElement, values: readonly string[], chosen: string | undefined) => {
      select.replaceChildren(...values.map((v) => new Option(v, v)));
      if (chosen && values.includes(chosen)) select.value = chosen;
    };
    fill(c.metric, design.report.metrics, undefined);
    fill(c.tier, tiers, 'all');
    fill(c.date, dates, dates.includes(KEY_DATE) ? KEY_DATE : dates[dates.length - 1]);
    this.relabelBandChoices();
    c.bandSection.hidden = false;
  }

  private updateStatus(): void {
    const s = this.session;
    const running = s?.pool.running ?? false;
    this.c.pause.disabled = !running;
    this.c.pause.textContent = s?.pool.isPaused ? t('experiments.resume') : t('experiments.pause');
    this.c.status.textContent = !s ? '' : t(`experiments.status.${s.runs.finished ? 'finished' : s.pool.isPaused ? 'paused' : running ? 'running' : 'stopped'}`);
    this.c.eta.value = s && running && !s.pool.isPaused ? this.timeLeft(s) : '';
  }

  /** Time left at the pace so far (a rough guide: later runs of a sweep may be larger). */
  private timeLeft(s: Session): string {
    const done = s.runs.runCount;
    if (done === 0) return '';
    const seconds = (((performance.now() - s.startedMs) / done) * (s.runs.planned - done)) / 1000;
    const minutes = seconds >= 90;
    const format = new Intl.NumberFormat(locale(), { style: 'unit', unit: minutes ? 'minute' : 'second', unitDisplay: 'long', maximumFractionDigits: 0 });
    return t('experiments.left', { time: format.format(minutes ? seconds / 60 : seconds) });
  }

  private render(): void {
    this.updateStatus();
    const s = this.session;
    if (!s) return;
    this.c.done.value = this.count(s.runs.runCount);
    if (s.runs.design.sensitivity) this.renderSensitivity(s);
    else this.renderBands();
  }

  private renderBands(): void {
    const s = this.session;
    if (!s || s.runs.design.sensitivity) return;
    const c = this.c;
    const { design } = s.runs;
    const [metric, tier, date] = [c.metric.value, c.tier.value, c.date.value];
    const rows = s.runs.rows();
    const overTime = s.runs.keepsTraces;
    const series = overTime ? bandsOverTime(s.runs, metric, tier) : bandsOverSweep(design, rows, metric, tier, date);
    const noun = metricName(metric);
    const number = new Intl.NumberFormat(locale(), { notation: 'compact', maximumFractionDigits: 3 });
    drawBands(c.bands, series, overTime, {
      title: overTime ? t('experiments.chart.overTime', { noun, tier: tierWord(tier) }) : t('experiments.chart.overSweep', { noun, tier: tierWord(tier), date: formatDate(date) }),
      xLabel: overTime ? t('experiments.chart.date') : design.points[0].values[0]?.path ?? '',
      yLabel: t(metric.startsWith('gmv') ? 'experiments.chart.yuan' : 'experiments.chart.count', { noun }),
      key: t('experiments.chart.key'),
      waiting: t('experiments.chart.waiting'),
      number: (x) => number.format(x),
      marker: date ? { x: Date.parse(`${date}T00:00:00Z`), label: date } : undefined,
    });
    c.bands.dataset.runs = String(s.runs.runCount);
    renderResultsTable(c.results, rows, design.baseline, { metric, tier, date });
  }

  private renderSensitivity(s: Session): void {
    const files = s.runs.sensitivity();
    if (!files || files.replicates === s.shown) return;
    s.shown = files.replicates;
    this.c.used.value = t('experiments.indices', { n: files.replicates, of: s.runs.design.replicates });
    const shown = shownSensitivity(files.rows, s.runs.design.sensitivity!, s.runs.design.name);
    this.c.chart.innerHTML = shown.svg;
    this.c.chart.dataset.replicates = String(files.replicates);
    renderIndexTable(this.c.indices, shown.rows);
  }

  private export(kind: string): void {
    const s = this.session;
    if (!s) return;
    const chart = this.c.chart.querySelector('svg');
    const done = exportFile(kind, { source: s.source, settings: s.settings, runs: s.runs, startedAt: s.startedAt, running: s.pool.running }, chart);
    void done?.catch((error: unknown) => this.errors.show(t('experiments.png'), error));
  }
}

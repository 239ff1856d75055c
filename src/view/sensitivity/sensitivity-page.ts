// The sensitivity page: pick an experiment file whose sweep is "morris" or "sobol" (bundled, or
// loaded from disk), press run, and watch the chart fill in as the design's runs arrive from a pool
// of Web Workers. Design, runs, seeds and tables are the CLI's (`tierwave sensitivity`), so the
// exported sensitivity.csv and runs.csv are the CLI's files for the same file and settings.
import { browserWorkers } from '../../runtime/browser.ts';
import type { Design } from '../../experiments/design.ts';
import type { SensitivitySpec } from '../../experiments/sensitivity/experiment.ts';
import { ErrorPanel } from '../shared/error-panel.ts';
import { download, downloadPng } from '../shared/downloads.ts';
import { ReplicatePool } from '../shared/replicate-pool.ts';
import { bundledExperiments, experimentDesign, type ExperimentSource } from './experiment-files.ts';
import { renderIndexTable } from './index-table.ts';
import { SensitivityRuns } from './sensitivity-runs.ts';

const DISK = 'disk';

interface Session {
  readonly design: Design;
  readonly runs: SensitivityRuns;
  readonly pool: ReplicatePool;
  /** Replicates shown in the chart and table now. */
  shown: number;
}

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The page's one state object: the chosen files, the running analysis and what it shows. */
export class SensitivityPage {
  private readonly controls = {
    experiment: element<HTMLSelectElement>('experiment'),
    file: element<HTMLInputElement>('experiment-file'),
    agents: element<HTMLInputElement>('agents'),
    replicates: element<HTMLInputElement>('replicates'),
    workers: element<HTMLInputElement>('workers'),
    run: element<HTMLButtonElement>('run'),
    pause: element<HTMLButtonElement>('pause'),
    done: element<HTMLOutputElement>('runs-done'),
    planned: element<HTMLOutputElement>('runs-planned'),
    status: element<HTMLElement>('status'),
    used: element<HTMLOutputElement>('replicates-used'),
    chart: element<HTMLElement>('chart'),
    table: element<HTMLTableElement>('indices'),
  };
  private readonly errors = new ErrorPanel(element('error'));
  private readonly bundled = bundledExperiments();
  private fromDisk: ExperimentSource | undefined;
  private session: Session | undefined;
  private renderPending = false;

  open(): void {
    const c = this.controls;
    for (const source of this.bundled) c.experiment.add(new Option(source.file, source.file));
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
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-export]')) button.addEventListener('click', () => this.exportFile(button.dataset.export!));
  }

  private async loadFile(): Promise<void> {
    const file = this.controls.file.files?.[0];
    if (!file) return;
    this.fromDisk = { file: file.name, text: await file.text(), bundled: false };
    const select = this.controls.experiment;
    select.querySelector(`option[value="${DISK}"]`)?.remove();
    select.add(new Option(`${file.name} (from disk)`, DISK));
    select.value = DISK;
  }

  private chosen(): ExperimentSource | undefined {
    const value = this.controls.experiment.value;
    return value === DISK ? this.fromDisk : this.bundled.find((s) => s.file === value);
  }

  private number(input: HTMLInputElement): number | undefined {
    return input.value.trim() === '' ? undefined : Number(input.value);
  }

  private start(): void {
    this.session?.pool.dispose();
    this.session = undefined;
    this.errors.clear();
    this.controls.chart.replaceChildren();
    this.controls.table.replaceChildren();
    const source = this.chosen();
    if (!source) return this.errors.show('Nothing to run', new Error('choose an experiment file or load one from disk'));
    let design: Design;
    let spec: SensitivitySpec;
    try {
      design = experimentDesign(source, { agents: this.number(this.controls.agents), replicates: this.number(this.controls.replicates) });
      if (!design.sensitivity) throw new Error(`${source.file}: sensitivity needs a sweep with method "morris" or "sobol" and the \`outputs\` it explains`);
      spec = design.sensitivity;
    } catch (error) {
      return this.errors.show('The analysis could not start', error);
    }
    const runs = new SensitivityRuns(design, spec);
    const slots = Math.max(1, Math.min(16, Number(this.controls.workers.value) || browserWorkers()));
    const pool = new ReplicatePool({
      design,
      slots,
      onRun: (run, series) => {
        runs.add(run, series);
        this.requestRender();
      },
      onError: (error) => {
        this.errors.show('A run failed', error);
        this.updateStatus();
      },
      onIdle: () => this.requestRender(),
    });
    this.session = { design, runs, pool, shown: 0 };
    this.controls.planned.value = String(design.configurations.length * design.replicates);
    pool.start();
    this.requestRender();
  }

  private requestRender(): void {
    if (this.renderPending) return;
    this.renderPending = true;
    requestAnimationFrame(() => {
      this.renderPending = false;
      this.render();
    });
  }

  private updateStatus(): void {
    const s = this.session;
    const running = s?.pool.running ?? false;
    this.controls.pause.disabled = !running;
    this.controls.pause.textContent = s?.pool.isPaused ? 'Resume' : 'Pause';
    const finished = s !== undefined && s.runs.runCount === s.design.configurations.length * s.design.replicates;
    this.controls.status.textContent = !s ? '' : finished ? ' · finished' : s.pool.isPaused ? ' · paused' : running ? ' · running' : ' · stopped';
  }

  private render(): void {
    this.updateStatus();
    const s = this.session;
    if (!s) return;
    this.controls.done.value = String(s.runs.runCount);
    const files = s.runs.files();
    if (!files || files.replicates === s.shown) return;
    s.shown = files.replicates;
    this.controls.used.value = ` · indices from ${files.replicates} of ${s.design.replicates} replicates`;
    this.controls.chart.innerHTML = files.svg;
    this.controls.chart.dataset.replicates = String(files.replicates);
    renderIndexTable(this.controls.table, files.rows);
  }

  private exportFile(kind: string): void {
    const s = this.session;
    const files = s?.runs.files();
    if (!s || !files) return;
    const svg = this.controls.chart.querySelector('svg');
    if (kind === 'svg') download('sensitivity.svg', new Blob([files.svg], { type: 'image/svg+xml' }));
    else if (kind === 'png' && svg) void downloadPng(svg, 'sensitivity.png').catch((error) => this.errors.show('The PNG could not be made', error));
    else if (kind === 'csv') download('sensitivity.csv', new Blob([files.csv], { type: 'text/csv' }));
    else if (kind === 'runs') download('runs.csv', new Blob([s.runs.runsCsv()], { type: 'text/csv' }));
  }
}

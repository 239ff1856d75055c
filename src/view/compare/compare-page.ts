// The compare page: pick a baseline and variants, press run, and watch the bands tighten as
// replicates stream in from a pool of Web Workers. Runs, seeds and tables are the CLI's
// (`tierwave compare`), so an exported runs.csv or manifest.json means the same in both.
import packageJson from '../../../package.json';
import { dayOfDate, dateOfDay } from '../../engine/calendar.ts';
import type { DailyMetric } from '../../engine/metrics.ts';
import { browserMemoryLimitBytes, browserWorkers } from '../../runtime/browser.ts';
import { assertFits } from '../../engine/index.ts';
import { ScenarioError } from '../../scenario/issues.ts';
import { parseLever, parseOverride, type Override } from '../../scenario/overrides.ts';
import { RUNS_HEADER, runRowsCsv, tableCsv } from '../../experiments/csv.ts';
import { resolveDesign, type Design, type LocatedOverride, type VariantInput } from '../../experiments/design.ts';
import { experimentManifest, manifestJson } from '../../experiments/manifest.ts';
import { planSha256 } from '../../experiments/plan.ts';
import { DEFAULT_REPORT, tierLabels } from '../../experiments/report.ts';
import { DIFF_COLUMNS, diffRows, statsRows } from '../../experiments/stats.ts';
import { comparisonBlocks, htmlReport } from '../../experiments/html-report.ts';
import { checkComparison } from '../../experiments/comparable.ts';
import { ErrorPanel } from '../shared/error-panel.ts';
import { formatNumber, onLanguageChange, t, tierLabel, withLanguage } from '../shared/language.ts';
import { metricName } from '../shared/metric-name.ts';
import { OKABE_ITO } from '../shared/palette.ts';
import { drawChart } from './charts.ts';
import { addScenarioChoice, chooseScenario, controls, readControls, relabelControls, setTierChoices, setUpControls, writeControls } from './controls.ts';
import { download, downloadPng, downloadSvg } from '../shared/downloads.ts';
import { comparisonSearch, readComparison, type Comparison } from './permalink.ts';
import { ReplicatePool } from '../shared/replicate-pool.ts';
import { ComparisonResults } from './results.ts';
import { catalog } from '../shared/catalog.ts';
import { ScenarioShelf } from './scenario-shelf.ts';
import { renderTierTable } from './tier-table.ts';
import { oncePerFrame } from '../shared/frame-request.ts';

/** Everything that decides the runs except how many replicates. */
const sessionKey = (c: Comparison) => JSON.stringify([c.baseline, c.variants, c.whatIf, c.agents, c.days, c.seed]);

const COLOURS = [OKABE_ITO.black, OKABE_ITO.vermillion, OKABE_ITO.blue, OKABE_ITO.bluishGreen, OKABE_ITO.orange, OKABE_ITO.reddishPurple, OKABE_ITO.skyBlue];

/** The command line can align differing worlds; the page compares only alike ones, and says how to make them so. */
const pageHints = () => ({ calendar: t('compare.hints.calendar'), size: t('compare.hints.size'), tiers: t('compare.hints.tiers') });

/** A line of the what-if box: `path=value` (or `--set path=value`), or `--lever id=value` for one of the scenario's levers. */
function whatIfOverride(line: string): Override {
  const lever = /^--lever\s+(.*)$/.exec(line);
  return lever ? parseLever(lever[1]) : parseOverride(line.replace(/^--set\s+/, ''));
}

interface Session {
  /** Everything that decides the runs except how many replicates: the same key continues a session. */
  readonly key: string;
  readonly design: Design;
  readonly results: ComparisonResults;
  readonly pool: ReplicatePool;
  readonly startedAt: string;
  target: number;
}

/** The page's one state object: started from `open`, it holds the running comparison (if any). */
export class ComparePage {
  private session: Session | undefined;
  /** Draws on the next frame, once however often it is asked. */
  private readonly requestRender = oncePerFrame(() => this.render());
  private readonly errors = new ErrorPanel(controls.error);
  private readonly shelf = new ScenarioShelf();

  /** Fills the form from the address (with the scenario files it carries), wires every control, and runs at once if the link says so. */
  async open(): Promise<void> {
    const scenarios = catalog();
    setUpControls(scenarios, browserWorkers());
    const carried = await this.shelf.receive(location.search);
    for (const id of carried.ids) addScenarioChoice(id);
    this.shelf.accept({ baseline: controls.baselineFile, variant: controls.variantFile }, (title, error) => this.errors.show(title, error), (id, role) => {
      chooseScenario(id, role);
      this.errors.clear();
      this.refreshTiers();
      this.requestRender();
    });
    const first = readComparison(location.search, scenarios.find((s) => s.id === 'jd-tencent-2014')?.id ?? scenarios[0]?.id ?? '');
    writeControls(first);
    if (first.seedProblem) this.showError(new Error(first.seedProblem));
    for (const problem of carried.problems) this.errors.show(t('compare.carriedRefused'), problem);
    this.refreshTiers(first.tier);
    controls.run.addEventListener('click', () => this.start());
    controls.pause.addEventListener('click', () => {
      if (!this.session) return;
      if (this.session.pool.isPaused) this.session.pool.resume();
      else this.session.pool.pause();
      this.updateButtons();
    });
    controls.baseline.addEventListener('change', () => this.refreshTiers());
    for (const input of [controls.metric, controls.tier, controls.date, controls.halfWidth]) input.addEventListener('input', () => this.requestRender());
    // A wanted interval is in the metric's unit: ±20 customers means nothing for GMV.
    controls.metric.addEventListener('input', () => {
      controls.halfWidth.value = '';
    });
    document.querySelector('main')!.addEventListener('change', () => this.requestRender());
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-export]')) button.addEventListener('click', () => this.exportFile(button.dataset.export!));
    onLanguageChange(() => {
      relabelControls();
      this.requestRender();
    });
    this.requestRender();
    if (first.run) this.start();
  }


  private refreshTiers(selected = controls.tier.value): void {
    try {
      const { scenario } = this.shelf.load(this.shelf.fileOf(controls.baseline.value), []);
      setTierChoices(tierLabels(scenario), selected);
    } catch {
      setTierChoices(['all'], 'all');
    }
  }

  private showError(error: unknown): void {
    this.errors.show(t('compare.errors.cannotRun'), error);
  }

  private designFor(c: Comparison): Design {
    const variants: VariantInput[] = [c.baseline, ...c.variants.filter((v) => v !== c.baseline)].map((id) => ({ name: id, scenarioFile: this.shelf.fileOf(id), overrides: [] }));
    if (c.whatIf.length > 0) variants.push({ name: 'what-if', scenarioFile: this.shelf.fileOf(c.baseline), overrides: c.whatIf.map((text) => ({ override: whatIfOverride(text) })) });
    const shared: LocatedOverride[] = [{ override: parseOverride(`population.agents=${c.agents}`) }];
    if (c.days !== null) shared.push({ override: parseOverride(`days=${c.days}`) });
    return resolveDesign({ name: 'compare-page', variants, shared, replicates: c.replicates, seed: c.seed ?? undefined, report: DEFAULT_REPORT }, this.shelf.load);
  }


  private start(): void {
    const comparison = readControls();
    // The same comparison with another replicate count goes on from the runs it has.
    if (this.session && this.session.key === sessionKey(comparison) && !this.errors.showing) {
      this.session.target = comparison.replicates;
      this.session.pool.setTarget(this.session.target);
      this.updateButtons();
      return;
    }
    this.session?.pool.dispose();
    this.session = undefined;
    this.errors.clear();
    controls.warnings.hidden = true;
    let design: Design;
    try {
      design = this.designFor(comparison);
    } catch (error) {
      this.showError(error instanceof ScenarioError ? error : new Error(t('compare.errors.setUp', { message: (error as Error).message })));
      return;
    }
    const check = checkComparison(design, [], pageHints());
    if (check.refusal) {
      this.errors.show(t('compare.errors.notComparable'), new Error(check.refusal));
      controls.table.replaceChildren();
      return;
    }
    // What-ifs on a field an intervention also changes: said here as on the command line.
    const warnings = [...new Set(design.configurations.flatMap((conf) => conf.warnings.map((w) => w.message)))];
    controls.warnings.replaceChildren(...warnings.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
    controls.warnings.hidden = warnings.length === 0;
    const slots = Math.max(1, Math.min(16, Number(controls.workers.value) || browserWorkers()));
    try {
      // Each slot holds one world at a time: all of them together must fit this tab.
      for (const configuration of design.configurations) assertFits(configuration.scenario, 1, browserMemoryLimitBytes() / slots);
    } catch (error) {
      this.showError(error);
      return;
    }
    const results = new ComparisonResults(design);
    const pool = new ReplicatePool({
      design,
      slots,
      onRun: (run, series) => {
        results.add(run, series);
        this.requestRender();
      },
      onError: (error) => {
        this.showError(error);
        this.updateButtons();
      },
      onIdle: () => this.updateButtons(),
    });
    this.session = { key: sessionKey(comparison), design, results, pool, startedAt: new Date().toISOString(), target: design.replicates };
    pool.start();
    this.updateButtons();
    this.requestRender();
  }

  private updateButtons(): void {
    const running = this.session?.pool.running ?? false;
    controls.pause.disabled = !running;
    controls.pause.textContent = this.session?.pool.isPaused ? t('compare.resume') : t('compare.pause');
    controls.status.textContent = !this.session ? '' : this.session.pool.isPaused ? t('compare.status.paused') : running ? t('compare.status.running') : t('compare.status.finished');
  }

  /** The day the comparison is read on: the chosen date if it is in the run, else the last day. */
  private readDay(design: Design, date: string): { day: number; date: string } {
    const { start, days } = design.configurations[0].scenario;
    const day = date ? dayOfDate(start, date) : NaN;
    const shortest = Math.min(...design.configurations.map((c) => c.scenario.days));
    const usable = Number.isFinite(day) && day >= 0 && day <= shortest ? day : Math.min(days, shortest);
    return { day: usable, date: dateOfDay(start, usable) };
  }

  private render(): void {
    const c = readControls();
    const search = withLanguage(comparisonSearch(c) + this.shelf.addressOf([c.baseline, ...c.variants]));
    controls.permalink.href = search;
    history.replaceState(null, '', search);
    this.updateButtons();
    if (!this.session) return;
    const { design, results } = this.session;
    const metric = c.metric as DailyMetric;
    const at = this.readDay(design, c.date);
    const n = results.complete().length;
    controls.done.value = String(n);
    const names = design.configurations.map((conf) => conf.variant);
    drawChart(controls.bands, names.map((name, i) => ({ name, colour: COLOURS[i % COLOURS.length], points: results.bands(i, c.tier, metric) })), {
      title: t('compare.chart.bandsTitle', { metric: metricName(metric), tier: tierLabel(c.tier === 'all' ? t('tier.allShort') : c.tier), n }),
      yLabel: metricName(metric),
      marker: at.date,
      spread: true,
      zero: false,
    });
    drawChart(controls.diff, names.slice(1).map((name, i) => ({ name, colour: COLOURS[(i + 1) % COLOURS.length], points: results.differences(i + 1, c.tier, metric) })), {
      title: t('compare.chart.diffTitle', { metric: metricName(metric), tier: tierLabel(c.tier === 'all' ? t('tier.allShort') : c.tier), baseline: names[0] }),
      yLabel: t('compare.chart.delta', { metric: metricName(metric) }),
      marker: at.date,
      spread: false,
      zero: true,
    });
    const width = (point: { lo: number; hi: number } | undefined) => (point && Number.isFinite(point.hi - point.lo) ? String(point.hi - point.lo) : '');
    controls.bands.dataset.replicates = String(n);
    controls.bands.dataset.bandWidth = width(results.pointAt(0, c.tier, metric, at.day, false));
    controls.diff.dataset.replicates = String(n);
    controls.diff.dataset.bandWidth = names.length > 1 ? width(results.pointAt(1, c.tier, metric, at.day, true)) : '';
    // A chosen date outside the runs is never replaced silently.
    const { start } = design.configurations[0].scenario;
    const last = dateOfDay(start, Math.min(...design.configurations.map((conf) => conf.scenario.days)));
    const chosen = c.date && c.date !== at.date ? t('compare.outside', { date: c.date, start, last, shown: at.date }) : '';
    controls.notice.hidden = chosen === '';
    controls.notice.textContent = chosen;
    controls.halfWidthUnit.textContent = metricName(metric);
    renderTierTable(controls.table, results, metric, at);
    this.renderNeeded(c, metric, at.day, n);
  }

  private renderNeeded(c: Comparison, metric: DailyMetric, day: number, done: number): void {
    const s = this.session!;
    const point = s.results.pointAt(s.design.configurations.length > 1 ? 1 : 0, c.tier, metric, day, s.design.configurations.length > 1);
    const half = point ? (point.hi - point.lo) / 2 : NaN;
    const now = Number.isFinite(half) ? t('compare.intervalNow', { half: formatNumber(half, 1) }) : '';
    controls.more.hidden = true;
    if (c.halfWidth === null) {
      controls.needed.value = now;
      return;
    }
    const needed = s.results.needed(c.tier, metric, day, c.halfWidth);
    const more = Number.isFinite(needed) ? Math.max(0, needed - done) : NaN;
    controls.needed.dataset.more = Number.isFinite(more) ? String(more) : '';
    const verdict = !Number.isFinite(more) ? t('compare.needed.unknown') : more === 0 ? t('compare.needed.reached') : t('compare.needed.more', { more: formatNumber(more) });
    controls.needed.value = t('compare.needed.line', { now, half: formatNumber(c.halfWidth), verdict });
    if (more > 0 && done + more > s.target) {
      controls.more.hidden = false;
      controls.more.textContent = t('compare.runMore', { count: done + more - s.target });
      controls.more.onclick = () => {
        s.target = done + more;
        s.pool.setTarget(s.target);
        this.updateButtons();
      };
    }
  }

  private exportFile(kind: string): void {
    if (!this.session) return;
    const { design, results } = this.session;
    const c = readControls();
    const metric = c.metric as DailyMetric;
    if (kind === 'bands:svg') downloadSvg(controls.bands, `tierwave-${metric}-bands.svg`);
    else if (kind === 'diff:svg') downloadSvg(controls.diff, `tierwave-${metric}-difference.svg`);
    else if (kind === 'bands:png') void downloadPng(controls.bands, `tierwave-${metric}-bands.png`).catch((error) => this.showError(error));
    else if (kind === 'diff:png') void downloadPng(controls.diff, `tierwave-${metric}-difference.png`).catch((error) => this.showError(error));
    else if (kind === 'runs:csv') download('runs.csv', new Blob([RUNS_HEADER + runRowsCsv(results.rows(metric))], { type: 'text/csv' }));
    else if (kind === 'diff:csv') download('diff.csv', new Blob([tableCsv(DIFF_COLUMNS, diffRows(results.rows(metric), design.baseline))], { type: 'text/csv' }));
    else if (kind === 'manifest:json' || kind === 'report:html') {
      const planned = this.session.target * design.configurations.length;
      const manifest = experimentManifest({
        tool: { name: packageJson.name, version: packageJson.version },
        runtime: navigator.userAgent,
        command: location.href,
        design: { ...design, replicates: this.session.target, report: { metrics: [metric], dates: [], final: true, every: 1 } },
        planSha256: planSha256(design),
        runs: { planned, inShard: planned, done: results.runCount },
        startedAt: this.session.startedAt,
        finishedAt: this.session.pool.running ? undefined : new Date().toISOString(),
        complete: results.runCount === planned,
      });
      if (kind === 'manifest:json') {
        download('manifest.json', new Blob([manifestJson(manifest)], { type: 'application/json' }));
        return;
      }
      // The command line's report, made from the runs this page finished.
      const rows = results.rows(metric);
      const at = this.readDay(design, c.date);
      const warnings = [...new Set(design.configurations.flatMap((conf) => conf.warnings.map((w) => `Warning: ${w.message}`)))];
      const blocks = comparisonBlocks({ diff: diffRows(rows, design.baseline), stats: statsRows(rows), metrics: [metric], dateOf: () => at.date, notes: warnings });
      const title = `tierwave compare: ${design.variants.slice(1).join(', ')} against ${design.baseline}`;
      download('report.html', new Blob([htmlReport({ title, command: location.href, manifest, blocks })], { type: 'text/html' }));
    }
  }
}

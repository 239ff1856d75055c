// The page: wires the scenario source, the levers and the address bar to a Playback, and draws
// what the workers report — the city map every animation frame, the charts and headline figures
// at most every CHART_MS while playing, so a frame never carries more than a few milliseconds.
import { dateOfDay } from '../../engine/calendar.ts';
import { representedPeople } from '../../engine/headline.ts';
import { seriesValue } from '../../engine/metrics.ts';
import type { AgentSnapshot } from '../../runtime/protocol.ts';
import { isSeed } from '../../scenario/seed.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { AdoptionChart } from './adoption-chart.ts';
import { catalog } from '../shared/catalog.ts';
import { ChannelChart } from './channel-chart.ts';
import { placeAgents } from './cities.ts';
import { ErrorPanel } from '../shared/error-panel.ts';
import { addressLanguage, formatCount, formatDate, formatLargeCount, onLanguageChange, t } from '../shared/language.ts';
import { FORCE_LAYOUT_LIMIT, ForceSettler } from './force-layout.ts';
import { HeadlinePanel } from './headline-panel.ts';
import { LeverPanel } from './lever-panel.ts';
import { BeforeKeeper, LeverEffect, beforeLineLabel, type BeforeRun } from './lever-effect.ts';
import { LessonMode } from './lesson-mode.ts';
import { leverText, settingsAfterPull, type LeverValue } from './levers.ts';
import type { Lever } from '../../scenario/schema.ts';
import { compareHref, compareTitle } from './compare-link.ts';
import { fillMapLegend } from './map-legend.ts';
import { runMarkers } from './markers.ts';
import { NetworkView } from './network-view.ts';
import { formatAddress, readAddress } from './permalink.ts';
import { Playback, fitsTwice, workersFor, type LoadedRun } from './playback.ts';
import { assertFits } from '../../engine/index.ts';
import { browserMemoryLimitBytes } from '../../runtime/browser.ts';
import { Pulses } from './pulses.ts';
import { ShareFollower } from './share-follower.ts';
import { acceptScenarioFiles } from './scenario-file.ts';
import { readSpeed, showPlaying, togglePresenter, wireTransport } from './transport.ts';
import { carriedSource, editorHref, loadedSource, remember, resolveWorld, sourceOf, WrittenScenarios, type ScenarioSource } from './scenario-source.ts';

const CHART_MS = 150;
/** history.replaceState is not free (and browsers throttle it): while playing, once a second. */
const ADDRESS_MS = 1000;
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export class App {
  private readonly playback: Playback;
  private readonly network = new NetworkView(byId<HTMLCanvasElement>('map'));
  private readonly pulses = new Pulses();
  private readonly charts = byId<HTMLElement>('charts');
  private readonly adoption = new AdoptionChart(this.charts);
  private readonly channels = new ChannelChart(this.charts);
  private readonly headline = new HeadlinePanel(byId<HTMLTableElement>('headline'));
  private readonly errors = new ErrorPanel(byId('error'));
  private readonly leverPanel: LeverPanel;
  private readonly effect: LeverEffect;
  private readonly picker = byId<HTMLSelectElement>('scenario-picker');
  private readonly seedInput = byId<HTMLInputElement>('seed');
  private readonly follower = new ShareFollower(byId('follow'), byId('cascade-tree'), this.network);
  private readonly lesson: LessonMode;
  private source: ScenarioSource | null = null;
  private fileScenario: Scenario | null = null;
  private seed: number | null = null;
  private overrides: string[] = [];
  /** Levers pulled, `id=value` as `--lever` takes them. */
  private levers: string[] = [];
  /** The scenario as run (overrides and levers applied). */
  private scenario: Scenario | null = null;
  /** The run before the last lever pulled, kept to draw and to subtract; forgotten on any other change. */
  private readonly before = new BeforeKeeper();
  /** The day the world is being built or replayed to, while no run is current. */
  private pendingDay = 0;
  private hoverDay: number | null = null;
  private readonly written = new WrittenScenarios();
  /** Counts open() calls, so the follow-up tasks of a superseded one do nothing. */
  private openings = 0;
  private settler: ForceSettler | null = null;
  private chartsDue = false;
  private chartsAt = 0;
  private addressAt = 0;
  /** The status line, re-read when the language changes. */
  private statusText: (() => string) | null = null;

  constructor() {
    this.playback = new Playback({
      status: (text) => {
        this.statusText = text;
        byId('status').textContent = text();
      },
      built: (run) => this.built(run),
      advanced: (run, snapshot, from, jumped) => this.advanced(run, snapshot, from, jumped),
      playing: (on) => {
        showPlaying(byId('play'), on ? 'playing' : 'paused');
        if (on) this.lesson.started();
        if (!on) this.writeAddress();
      },
      waiting: (on) => showPlaying(byId('play'), on ? 'waiting' : this.playback.playing ? 'playing' : 'paused'),
      failed: (error) => this.errors.show(t('simulator.errors.stopped'), error),
    });
    this.playback.speed = readSpeed(byId('speed'));
    this.leverPanel = new LeverPanel(byId('levers'), (lever, value) => this.pull(lever, value));
    this.effect = new LeverEffect(byId('lever-effect'));
    this.adoption.onHover((day) => {
      this.hoverDay = day;
      this.chartsDue = true;
    });
    byId('map').addEventListener('click', (event) => {
      const run = this.playback.current;
      const at = this.network.agentAt(event.clientX, event.clientY);
      if (run && at >= 0) void this.follower.follow(run, run.sample[at]);
    });
    document.addEventListener('keydown', (event) => event.key === 'Escape' && this.follower.stop());
    for (const entry of catalog()) this.picker.add(new Option(entry.title, entry.id));
    fillMapLegend(byId('map-legend'));
    wireTransport(
      { play: byId('play'), step: byId('step'), reset: byId('reset'), speed: byId('speed'), presenter: byId('presenter') },
      {
        toggle: () => (this.playback.playing || this.lesson.mayPlay()) && this.playback.toggle(),
        step: () => this.lesson.mayPlay() && void this.playback.stepOnce(),
        reset: () => this.source && void this.open(this.source, this.seed, this.overrides, this.levers, 0),
        speed: (daysPerSecond) => (this.playback.speed = daysPerSecond),
        presenter: () => togglePresenter(byId('presenter')),
      },
    );
    this.picker.addEventListener('change', () => this.choose(this.picker.value));
    this.lesson = new LessonMode(byId('lesson'), byId('lesson-picker'), byId('speed'), {
      playback: this.playback,
      openScenario: (id, seed, overrides) => {
        const source = sourceOf(id);
        return source ? this.open(source, seed, overrides, [], 0) : new Error(t('simulator.errors.noBundled', { id }));
      },
      showError: (title, error) => this.errors.show(title, error),
      writeAddress: () => this.writeAddress(),
    });
    this.seedInput.addEventListener('change', () => {
      const seed = Number(this.seedInput.value);
      if (this.source && isSeed(seed)) void this.open(this.source, seed, this.overrides, this.levers, 0);
    });
    acceptScenarioFiles(
      byId('scenario-file'),
      byId('drop-hint'),
      (text, name) => this.loadFile(text, name),
      (error, name) => this.errors.show(t('simulator.errors.cannotRead', { file: name }), error),
    );
    onLanguageChange(() => {
      this.writeAddress();
      this.chartsDue = true;
      if (this.statusText) byId('status').textContent = this.statusText();
      this.relabelPicker();
      const run = this.playback.current;
      if (run) this.showClock(run);
    });
    requestAnimationFrame((now) => this.frame(now));
  }

  /** Opens the world the address names, or the default one. */
  start(): void {
    const address = readAddress(location.search);
    if (address.lesson && this.lesson.open(address.lesson, address.chapter ?? 0)) return;
    if (address.scenarioText) {
      void this.openCarried(address.scenarioText, address.seed, [...address.overrides], [...address.levers], address.day ?? 0);
      return;
    }
    const id = address.scenario ?? catalog()[0]?.id;
    if (!id) {
      this.errors.show(t('simulator.errors.noScenario'), new Error(t('simulator.errors.loadOne')));
      return;
    }
    const source = sourceOf(id);
    if (!source) {
      // Opening clears the error panel, so the fallback opens first and the reason shows after.
      if (catalog()[0]) this.choose(catalog()[0].id);
      this.errors.show(t('simulator.errors.unknownScenario', { id }), new Error(t('simulator.errors.showingDefault')));
      return;
    }
    const day = address.day ?? 0;
    const failure = this.open(source, address.seed, [...address.overrides], [...address.levers], day);
    if (!failure && address.seedProblem) this.errors.show(t('simulator.errors.seed'), new Error(t('simulator.errors.seedProblem', { problem: address.seedProblem })));
    if (!failure) return;
    if (address.overrides.length + address.levers.length > 0 && !this.open(source, address.seed, [], [], day)) {
      this.errors.show(t('simulator.errors.overridesOrLevers'), failure);
    } else this.errors.show(t('simulator.errors.cannotRun', { file: source.file }), failure);
  }

  /** A scenario file carried in the link (from the editor), validated like a file from disk. */
  private async openCarried(encoded: string, seed: number | null, overrides: string[], levers: string[], day: number): Promise<void> {
    let source: ScenarioSource;
    try {
      source = await carriedSource(encoded);
    } catch (error) {
      if (catalog()[0]) this.choose(catalog()[0].id);
      this.errors.show(t('simulator.carriedUnreadable'), error);
      return;
    }
    const failure = this.open(source, seed, overrides, levers, day);
    if (failure) this.errors.show(t('simulator.carriedNotRun', { file: source.file }), failure);
  }

  /**
   * A scenario from the picker, as its file says: overrides and the seed belong to the previous
   * world (a lever's path may not even exist in the new one), so they are dropped.
   */
  private choose(id: string): void {
    const source = sourceOf(id);
    if (!source) return;
    const failure = this.open(source, null, [], [], 0);
    if (failure) this.errors.show(t('simulator.errors.cannotRun', { file: source.file }), failure);
  }

  private loadFile(text: string, name: string): void {
    const source = loadedSource(text, name);
    const failure = this.open(source, null, [], [], 0);
    if (failure) this.errors.show(t('simulator.errors.cannotRun', { file: name }), failure);
    // Kept so a link to this run works again in this browser; other browsers do not have the file.
    else remember(source);
  }

  /**
   * Validates and starts a world, replayed to `day` (then playing if `play`); returns the problem
   * instead when the scenario does not validate. Overrides apply first, then levers, as on the
   * command line. The scenario as its file has it (what the markers compare with) and the start of
   * the workers follow in tasks of their own: each is tens of milliseconds on a slow machine,
   * together they would block the page past 50 ms. Any change but a lever forgets the "before" run.
   */
  private open(source: ScenarioSource, seed: number | null, overrides: string[], levers: string[], day: number, options: { play?: boolean; before?: BeforeRun | null; keepBefore?: boolean } = {}): unknown {
    let scenario: Scenario;
    try {
      scenario = resolveWorld(source, overrides, levers);
      // Before anything is allocated, with the command line's estimate: a world this tab cannot
      // hold would otherwise build for a minute and then fail to allocate.
      assertFits(scenario, workersFor(scenario.population.agents), browserMemoryLimitBytes());
    } catch (error) {
      return error;
    }
    this.errors.clear();
    const unchanged = overrides.length === 0 && levers.length === 0;
    Object.assign(this, { source, seed: seed ?? scenario.seed, overrides, levers, scenario, fileScenario: unchanged ? scenario : null, pendingDay: day });
    this.before.set(options.before ?? null, options.keepBefore ?? false);
    this.leverPanel.show(scenario, levers);
    if (![...this.picker.options].some((o) => o.value === source.id)) this.picker.add(new Option(source.file, source.id));
    this.picker.value = source.id;
    this.seedInput.value = String(seed ?? scenario.seed);
    // Until the new world reports, the old one's numbers must not pass for its own.
    for (const id of ['day', 'date', 'customers-total', 'customers-national']) byId(id).textContent = id === 'customers-national' ? '' : '–';
    this.writeAddress(day);
    const opening = ++this.openings;
    setTimeout(() => {
      if (opening === this.openings) this.fileScenario ??= this.written.of(source) ?? scenario;
    }, 0);
    setTimeout(() => {
      if (opening !== this.openings) return;
      void this.playback.load(scenario, seed ?? scenario.seed, day, options.keepBefore ?? false);
      // Asked while the world loads, play waits for it (the button says so).
      if (options.play) this.playback.play();
    }, 0);
    return null;
  }

  /**
   * A lever re-runs the world from day 0 to the day on screen, on the same seed, and goes on as it
   * was (playing or paused); the run as it stood is kept as the "before". A lever set back to where
   * the file has it is dropped, so the world is the file's again, bit for bit.
   */
  private pull(lever: Lever, value: LeverValue): void {
    const { source, scenario } = this;
    if (!source || !scenario) return;
    const levers = settingsAfterPull(this.levers, lever, value, scenario, (others) => {
      try {
        return resolveWorld(source, this.overrides, others);
      } catch {
        return null;
      }
    });
    const run = this.playback.current;
    const day = run ? Math.max(0, run.sim.day) : this.pendingDay;
    const before = this.before.next(run, leverText(lever.id, value));
    const play = this.playback.willPlay;
    const failure = this.open(source, this.seed, this.overrides, levers, day, { play, before, keepBefore: before !== null && fitsTwice(scenario) });
    if (failure) this.errors.show(t('simulator.errors.lever'), failure);
    // The old world stops stepping now, not when the new one starts building.
    else this.playback.pause();
  }

  private built(run: LoadedRun): void {
    const scenario = run.scenario;
    const layout = placeAgents(run.sample, run.tier, scenario.tiers.length, run.streetLength, run.seed);
    const whole = run.sample.length === run.sim.agents;
    this.settler = whole && run.sample.length <= FORCE_LAYOUT_LIMIT ? new ForceSettler(layout, run.ties, run.tier, run.seed) : null;
    const tierSampled = scenario.tiers.map((_, t) => run.tier.reduce((n, x) => n + Number(x === t), 0));
    this.network.show({ layout, ties: run.ties, tier: run.tier, tierNames: scenario.tiers.map((t) => t.name), tierAgents: run.sim.tierSizes, tierSampled });
    this.pulses.clear();
    this.follower.reset(run);
    const markers = runMarkers(scenario, this.fileScenario, run.sim.params.markers);
    this.adoption.setRun(scenario.start, scenario.days, markers, scenario.tiers.map((t) => t.name));
    this.channels.setRun(scenario.start, scenario.days, markers);
    this.chartsDue = true;
  }

  private advanced(run: LoadedRun, snapshot: AgentSnapshot, from: number, jumped: boolean): void {
    const day = run.sim.day;
    this.network.setStatus(snapshot.status);
    this.follower.advanced(run, snapshot);
    // After a replay only the last day pulses: the others were never watched.
    const since = jumped ? day - 1 : from;
    this.pulses.add(snapshot, run.sample, since, day, performance.now(), Math.min(600, (day - since) * 40));
    const series = run.sim.series;
    this.showClock(run);
    this.network.setShares(run.scenario.tiers.map((_, t) => seriesValue(series, day, t, 'customers') / Math.max(1, seriesValue(series, day, t, 'agents'))));
    this.chartsDue = true;
    this.lesson.advanced(run);
    if (!this.playback.playing || performance.now() - this.addressAt > ADDRESS_MS) this.writeAddress();
  }

  /** The day, its date and the customers so far, in the page's language. */
  private showClock(run: LoadedRun): void {
    const day = run.sim.day;
    if (day < 0) return;
    const customers = seriesValue(run.sim.series, day, run.sim.series.tiers, 'customers');
    byId('day').textContent = String(day);
    byId('date').textContent = formatDate(dateOfDay(run.scenario.start, day));
    byId('customers-total').textContent = formatCount(customers);
    const represented = representedPeople(run.scenario);
    byId('customers-national').textContent = represented === 1 ? '' : t('simulator.national', { people: formatLargeCount(customers * represented) });
  }

  /** Bundled scenarios' titles in the page's language; files from disk keep their names. */
  private relabelPicker(): void {
    const entries = catalog();
    for (const option of this.picker.options) {
      const entry = entries.find((e) => e.id === option.value);
      if (entry) option.textContent = entry.title;
    }
  }

  /**
   * Presenter mode: the whole screen, large type (chart text 18 px and more at 1920 × 1080, see
   * style.css). Full screen is asked for, but a browser may refuse it (no user gesture, an iframe):
   * the large type applies either way.
   */
  private togglePresenter(): void {
    const on = document.documentElement.classList.toggle('presenter');
    byId('presenter').setAttribute('aria-pressed', String(on));
    if (on && !document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => undefined);
    if (!on && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }

  private frame(now: number): void {
    if (this.settler && !this.settler.settled) {
      this.settler.advance(8);
      this.network.layoutMoved();
    }
    const run = this.playback.current;
    if (run && this.chartsDue && (now - this.chartsAt >= CHART_MS || !this.playback.playing)) {
      this.chartsDue = false;
      this.chartsAt = now;
      const before = this.before.now(this.playback.beforeRun);
      this.adoption.update(run.sim.series, run.sim.day, before, before ? beforeLineLabel(before) : '');
      this.effect.show(before, run.sim.series, run.sim.day, run.scenario.start, run.scenario.tiers.map((t) => t.name), this.hoverDay ?? run.sim.day);
      this.channels.update(run.sim.series, run.sim.day);
      this.headline.update(run.scenario, run.sim.series, run.sim.day);
    }
    this.network.draw(this.pulses.current(now));
    requestAnimationFrame((next) => this.frame(next));
  }

  /** Keeps the address bar (and the "link to this day") pointing at what is on screen. */
  private writeAddress(day = this.playback.current?.sim.day): void {
    if (!this.source) return;
    this.addressAt = performance.now();
    const shown = day === undefined || day < 0 ? null : day;
    const query = formatAddress({ scenario: this.source.id, scenarioText: this.source.carried ?? null, seed: this.seed, overrides: this.overrides, levers: this.levers, day: shown, ...this.lesson.address(), lang: addressLanguage() });
    const href = `${location.pathname}${query}`;
    history.replaceState(null, '', href);
    byId<HTMLAnchorElement>('permalink').href = href;
    byId<HTMLAnchorElement>('editor-link').href = editorHref(this.source);
    if (!this.scenario) return;
    const onScreen = { source: this.source.id, scenario: this.scenario, seed: this.seed, overrides: this.overrides, levers: this.levers, day: shown ?? this.pendingDay };
    Object.assign(byId<HTMLAnchorElement>('compare-link'), { href: compareHref(onScreen), title: compareTitle(onScreen) });
  }
}

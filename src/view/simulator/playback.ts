// Drives a run from the page without ever running the kernel on the main thread: it asks the
// workers for days asynchronously, paced by the chosen speed, and after each batch takes one
// snapshot of the drawn agents. A new world supersedes the old one at once — its workers are
// terminated and any answer still on its way is ignored (comlink never settles calls to a
// terminated worker, so nothing may wait on them). After a lever, the world as it was may be kept
// as the "before" world: it goes on in step with the new one, on its own workers, so the two can be
// read side by side on any day.
import { assertFits } from '../../engine/index.ts';
import { browserMemoryLimitBytes, browserWorkers, canShareMemory, spawnBrowserWorker } from '../../runtime/browser.ts';
import { Simulation, type SpawnWorker, type WorkerHost } from '../../runtime/coordinator.ts';
import type { AgentSnapshot } from '../../runtime/protocol.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { chooseSample } from './sample.ts';
import { formatCount, formatNumber, t } from '../shared/language.ts';

export interface LoadedRun {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly sim: Simulation;
  /** Drawn agents (sorted ids), their tiers, and the ties among them as pairs of positions. */
  readonly sample: Uint32Array;
  readonly tier: Uint8Array;
  readonly ties: Uint32Array;
  readonly streetLength: number;
  readonly shared: boolean;
  readonly workers: number;
}

export interface PlaybackEvents {
  /** What the world is doing, as a text read again when the page's language changes. */
  status(text: () => string): void;
  built(run: LoadedRun): void;
  /** Days (fromDay, run.sim.day] are done; `jumped` when they were a replay, not watched. */
  advanced(run: LoadedRun, snapshot: AgentSnapshot, fromDay: number, jumped: boolean): void;
  playing(on: boolean): void;
  /** Play was asked for while the world loads: it starts when the world is ready. */
  waiting(on: boolean): void;
  failed(error: unknown): void;
}

/** Worlds this small run on one worker: a second would only add setup and barriers. */
const ONE_WORKER_BELOW = 100_000;

/**
 * Workers for a large world: one core is left to the page, so drawing never waits for a core
 * (with every core busy, a 2 ms frame stretched past 50 ms when measured on two cores).
 */
export function workersFor(agents: number): number {
  return agents < ONE_WORKER_BELOW ? 1 : Math.max(1, Math.min(browserWorkers(), (navigator.hardwareConcurrency || 2) - 1));
}
/** Whether this tab can hold the world twice: the before world of a lever beside the new one. */
export function fitsTwice(scenario: Scenario): boolean {
  try {
    assertFits(scenario, workersFor(scenario.population.agents), browserMemoryLimitBytes() / 2);
    return true;
  } catch {
    return false;
  }
}

/** Aim for a snapshot at least this often while playing fast, so the picture keeps moving. */
const BATCH_MS = 120;
const REPLAY_CHUNK_DAYS = 40;

class Superseded extends Error {}

export class Playback {
  private daysPerSecond = 10;
  private paceChanged = false;
  private run: LoadedRun | null = null;
  private hosts: WorkerHost[] = [];
  /** `settled`: the step that was in flight when it became the before world (one step at a time). */
  private before: { run: LoadedRun; hosts: WorkerHost[]; settled: Promise<unknown> } | null = null;
  private generation = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private isPlaying = false;
  private msPerDay = 5;
  /** A world is being built or replayed (no run takes requests yet). */
  private loading = false;
  /** Play was pressed while loading. */
  private playWhenLoaded = false;

  constructor(private readonly events: PlaybackEvents) {}

  get current(): LoadedRun | null {
    return this.run;
  }

  /** The world before the last lever, kept going in step with the current one; null if none. */
  get beforeRun(): LoadedRun | null {
    return this.before?.run ?? null;
  }

  /** Days per second; Infinity: as fast as the workers go. */
  get speed(): number {
    return this.daysPerSecond;
  }

  set speed(daysPerSecond: number) {
    this.daysPerSecond = daysPerSecond;
    this.paceChanged = true;
  }

  get playing(): boolean {
    return this.isPlaying;
  }

  /** Playing, or asked to play once the world being built is ready. */
  get willPlay(): boolean {
    return this.isPlaying || this.playWhenLoaded;
  }

  /**
   * Builds a world and replays it to `day` (clamped to the run); the old world is dropped first, or
   * with `keepBefore` kept as the "before" world (while a world is still loading, the before world
   * already kept stays: it is the one that was watched).
   */
  async load(scenario: Scenario, seed: number, day: number, keepBefore = false): Promise<void> {
    const kept = keepBefore ? (this.run ? { run: this.run, hosts: this.hosts, settled: this.queue } : this.before) : null;
    // Detached first, so dropping the rest does not terminate it.
    if (kept && kept === this.before) this.before = null;
    else if (kept) [this.run, this.hosts] = [null, []];
    this.drop();
    this.before = kept;
    const generation = this.generation;
    this.loading = true;
    const check = () => {
      if (generation !== this.generation) throw new Superseded();
    };
    const shared = canShareMemory();
    const workers = workersFor(scenario.population.agents);
    const hosts = this.hosts;
    const spawn: SpawnWorker = (index) => {
      const host = spawnBrowserWorker(index);
      hosts.push(host);
      return host;
    };
    try {
      this.events.status(() => t('simulator.status.building', { agents: formatCount(scenario.population.agents), count: workers }));
      const sim = await Simulation.create(scenario, { seed, workers, spawn, shared });
      check();
      const streetLength = Math.max(10, Math.min(200, scenario.network.neighbourhood));
      const sample = chooseSample(sim.agents, streetLength, seed);
      const [first, ties] = await Promise.all([sim.snapshot(sample), sim.tiesAmong(sample)]);
      check();
      const run: LoadedRun = { scenario, seed, sim, sample, tier: first.tier, ties, streetLength, shared, workers };
      this.events.built(run);
      const target = Math.min(scenario.days, Math.max(0, day));
      const replaying = () => {
        const at = Math.max(0, sim.day);
        this.events.status(() => (target > 0 ? t('simulator.status.replaying', { target, day: at }) : t('simulator.status.starting')));
      };
      replaying();
      await sim.runTo({ to: target, chunk: REPLAY_CHUNK_DAYS, afterStep: () => (check(), replaying()) });
      check();
      // Only a world that has finished replaying takes play and step requests.
      this.run = run;
      this.loading = false;
      await this.report(run, -1, true);
      this.events.status(() => this.describe(run));
      if (this.playWhenLoaded) {
        this.setWaiting(false);
        this.play();
      }
    } catch (error) {
      if (error instanceof Superseded) return;
      this.loading = false;
      this.setWaiting(false);
      this.events.failed(error);
    }
  }

  private setWaiting(on: boolean): void {
    if (on === this.playWhenLoaded) return;
    this.playWhenLoaded = on;
    this.events.waiting(on);
  }

  private describe(run: LoadedRun): string {
    const sim = run.sim;
    const memory = run.shared ? t('simulator.status.shared') : t('simulator.status.notShared');
    return t('simulator.status.built', { agents: formatCount(sim.agents), ties: formatCount(sim.ties), drawn: formatCount(run.sample.length), count: run.workers, memory, seconds: formatNumber(sim.setupSeconds, 1) });
  }

  /** Terminates the current (and the before) world's workers and forgets everything pending on them. */
  drop(): void {
    this.generation++;
    this.setPlaying(false);
    this.loading = false;
    this.run?.sim.dispose();
    for (const host of this.hosts) host.terminate();
    this.run = null;
    this.hosts = [];
    this.queue = Promise.resolve();
    this.dropBefore();
  }

  private dropBefore(): void {
    this.before?.run.sim.dispose();
    for (const host of this.before?.hosts ?? []) host.terminate();
    this.before = null;
  }

  /**
   * Brings the before world to day `to`, alongside the current world's step. A before world that
   * fails is let go: it is a reading aid, and the run on screen must go on.
   */
  private async follow(to: number): Promise<void> {
    const before = this.before;
    if (!before || before.run.sim.day >= to || before.run.sim.done) return;
    try {
      await before.settled;
      if (before.run.sim.day < to) await before.run.sim.step(to - before.run.sim.day);
    } catch {
      if (this.before === before) this.dropBefore();
    }
  }

  play(): void {
    const run = this.run;
    if (!run && this.loading) this.setWaiting(true);
    if (!run || this.isPlaying || run.sim.done) return;
    this.setPlaying(true);
    void this.loop(run, this.generation);
  }

  pause(): void {
    this.setPlaying(false);
  }

  toggle(): void {
    if (this.playWhenLoaded) this.setWaiting(false);
    else if (this.isPlaying) this.pause();
    else this.play();
  }

  /** One day, after whatever is in flight. */
  stepOnce(): Promise<void> {
    this.pause();
    this.setWaiting(false);
    const run = this.run;
    if (!run) return Promise.resolve();
    return this.exclusive(run, this.generation, 1);
  }

  private setPlaying(on: boolean): void {
    if (on === this.isPlaying) return;
    this.isPlaying = on;
    this.events.playing(on);
  }

  /** Steps run one at a time: a step click while a batch is in flight waits for it. */
  private exclusive(run: LoadedRun, generation: number, days: number): Promise<void> {
    const next = this.queue.then(async () => {
      if (generation !== this.generation || run.sim.done) return;
      const from = run.sim.day;
      const started = performance.now();
      await Promise.all([run.sim.step(days), this.follow(from + days)]);
      if (generation !== this.generation) return;
      this.msPerDay = 0.7 * this.msPerDay + (0.3 * (performance.now() - started)) / Math.max(1, run.sim.day - from);
      await this.report(run, from, false);
    });
    this.queue = next.catch(() => undefined);
    return next.catch((error) => {
      if (generation !== this.generation) return;
      this.setPlaying(false);
      this.events.failed(error);
    });
  }

  private async report(run: LoadedRun, from: number, jumped: boolean): Promise<void> {
    const generation = this.generation;
    const snapshot = await run.sim.snapshot(run.sample);
    if (generation === this.generation) this.events.advanced(run, snapshot, from, jumped);
  }

  /**
   * Plays at `speed` days per second. When the workers fall behind, the backlog is dropped rather
   * than caught up in one long burst, so the pace stays even.
   */
  private async loop(run: LoadedRun, generation: number): Promise<void> {
    let clock = performance.now();
    let dayAtClock = run.sim.day;
    while (this.isPlaying && generation === this.generation && !run.sim.done) {
      const limit = Math.max(1, Math.min(60, Math.floor(BATCH_MS / Math.max(0.1, this.msPerDay))));
      if (this.paceChanged) {
        this.paceChanged = false;
        clock = performance.now();
        dayAtClock = run.sim.day;
      }
      const due = this.speed === Infinity ? limit : Math.floor(((performance.now() - clock) * this.speed) / 1000) - (run.sim.day - dayAtClock);
      if (due < 1) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(4, 1000 / this.speed / 2)));
        continue;
      }
      if (due > limit) {
        clock = performance.now();
        dayAtClock = run.sim.day;
      }
      await this.exclusive(run, generation, Math.min(due, limit));
    }
    if (generation === this.generation && run.sim.done) this.setPlaying(false);
  }
}

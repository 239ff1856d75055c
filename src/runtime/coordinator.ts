// The page's and the CLI's handle on a run: spawns engine workers, splits agents into contiguous
// ranges, and drives days — by letting the workers run on shared memory with an Atomics barrier,
// or, without SharedArrayBuffer, by carrying each day's logs between them. Results are the same
// either way and for any number of workers. The coordinator never runs the daily kernel.
import type { Remote } from 'comlink';
import type { ImportedTies } from '../scenario/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { Ledger, METRIC_COUNT, RECORD_INTS, agentRange, dayParameters, flowMatrix, headline, seriesLength, type DailySeries, type DayParameters, type NetworkReport, type RunResult, type WordOfMouthKernel, type WorldParts, type CascadeRows, type ShareTrail } from '../engine/index.ts';
import { CONTROL, controlWords, type AgentSnapshot, type BuildRequest, type BuiltWorld, type EngineWorkerApi, type PhaseOneResult, type SharedControl } from './protocol.ts';

/** One spawned worker: its remote API, a promise that rejects when it fails, and a way to stop it. */
export interface WorkerHost {
  readonly api: Remote<EngineWorkerApi>;
  readonly failed: Promise<never>;
  terminate(): void;
}

export type SpawnWorker = (index: number) => WorkerHost;

export interface SimulationOptions {
  readonly seed: number;
  readonly workers: number;
  readonly spawn: SpawnWorker;
  /** Use SharedArrayBuffer and Atomics (default: when the environment has them). */
  readonly shared?: boolean;
  readonly edgeList?: ImportedTies;
  /** Cores of the machine (default: navigator.hardwareConcurrency, else 1): workers spin briefly
   *  at the day barrier only when each can have one. */
  readonly cores?: number;
  /** Records each shared log holds at first; logs grow when a day needs more (default 65,536). */
  readonly firstLogRecords?: number;
}

export class CancelledError extends Error {
  constructor(day: number) {
    super(`run cancelled after day ${day}`);
    this.name = 'AbortError';
  }
}

const FIRST_LOG_RECORDS = 1 << 16;

/** Cascade rows fetched per call: about 200 kB, whatever the size of the world. */
const CASCADE_ROWS_PER_CALL = 1 << 14;

export class Simulation {
  /** Last completed day (−1 before day 0). */
  day = -1;
  readonly series: DailySeries;
  private cancelRequested = false;
  private disposed = false;
  private constructor(
    readonly scenario: Scenario,
    readonly seed: number,
    readonly params: DayParameters,
    private readonly hosts: WorkerHost[],
    readonly parts: WorldParts | null,
    private readonly control: SharedControl | null,
    private readonly ledger: Ledger | null,
    readonly agents: number,
    readonly ties: number,
    readonly tierSizes: number[],
    readonly setupSeconds: number,
    /** How the workers run word of mouth along ties (the results are the same either way). */
    readonly wordOfMouth: WordOfMouthKernel,
  ) {
    this.series = ledger ? ledger.series : { days: scenario.days, tiers: tierSizes.length, values: control!.series };
  }

  static async create(scenario: Scenario, options: SimulationOptions): Promise<Simulation> {
    const started = performance.now();
    const W = Math.max(1, Math.min(options.workers, scenario.population.agents));
    const shared = (options.shared ?? typeof SharedArrayBuffer !== 'undefined') && typeof SharedArrayBuffer !== 'undefined';
    const hosts: WorkerHost[] = [];
    try {
      for (let w = 0; w < W; w++) hosts.push(options.spawn(w));
      const guard = <T>(p: Promise<T>) => Promise.race([p, ...hosts.map((h) => h.failed)]);
      // The day parameters are made once, here, and every worker gets them.
      const params = dayParameters(scenario);
      const request: BuildRequest = { scenario, seed: options.seed, params, shared, edgeList: options.edgeList };
      let built: BuiltWorld;
      if (shared) {
        // Workers share the building, step by step (engine/build.ts): worker 0 starts and finishes it.
        const build = await guard(hosts[0].api.startBuild(request));
        for (let step = 0; step < build.steps.length; step++) {
          const workers = Math.min(W, build.steps[step]);
          await guard(Promise.all(hosts.slice(0, workers).map((h, w) => h.api.buildTasks(request, build, step, w, workers))));
        }
        built = await guard(hosts[0].api.finishBuild());
      } else built = await guard(hosts[0].api.build(request));
      const T = scenario.tiers.length;
      const control: SharedControl | null = shared
        ? {
            words: new Int32Array(new SharedArrayBuffer(4 * controlWords(W))),
            newCustomers: new Int32Array(new SharedArrayBuffer(4 * built.agents)),
            logs: Array.from({ length: W }, () => new Int32Array(new SharedArrayBuffer(4 * RECORD_INTS * (options.firstLogRecords ?? FIRST_LOG_RECORDS)))),
            counters: new Float64Array(new SharedArrayBuffer(8 * W * 2 * T * METRIC_COUNT)),
            series: new Float64Array(new SharedArrayBuffer(8 * seriesLength(scenario.days, T))),
          }
        : null;
      const n = built.agents;
      const attached = await guard(
        Promise.all(
          hosts.map((h, w) => {
            const [lo, hi] = agentRange(n, w, W);
            return h.api.attach({
              scenario,
              seed: options.seed,
              params,
              worker: w,
              workers: W,
              lo,
              hi,
              parts: built.parts ?? undefined,
              control: control ?? undefined,
              edgeList: shared ? undefined : options.edgeList,
              spin: W <= (options.cores ?? globalThis.navigator?.hardwareConcurrency ?? 1),
            });
          }),
        ),
      );
      const ledger = shared ? null : new Ledger(scenario.days, built.tierSizes);
      const kernels = new Set(attached.map((a) => a.wordOfMouth));
      // Workers that disagree (one could not instantiate the module) still agree on every result.
      const wordOfMouth = kernels.size === 1 ? attached[0].wordOfMouth : 'typescript';
      return new Simulation(scenario, options.seed, params, hosts, built.parts, control, ledger, n, built.ties, built.tierSizes, (performance.now() - started) / 1000, wordOfMouth);
    } catch (error) {
      for (const h of hosts) h.terminate();
      throw error;
    }
  }

  /** Records each worker's shared log holds now (it grows when a day needs more). */
  get logCapacity(): number {
    return this.control ? this.control.logs[0].length / RECORD_INTS : Infinity;
  }

  get done(): boolean {
    return this.day >= this.scenario.days;
  }

  /** Runs up to `days` more days (fewer at the end of the run); resolves with the last day done. */
  async step(days = 1): Promise<number> {
    if (this.disposed) throw new Error('this simulation was disposed');
    const to = Math.min(this.scenario.days, this.day + days);
    if (this.control) await this.stepShared(to);
    else await this.stepTransfer(to);
    if (this.cancelRequested) {
      this.cancelRequested = false;
      if (this.control) Atomics.store(this.control.words, CONTROL.cancelRequested, 0), Atomics.store(this.control.words, CONTROL.stopDecided, 0);
      throw new CancelledError(this.day);
    }
    return this.day;
  }

  /**
   * Runs to day `to` (default: the last day) in steps of `chunk` days: the one driver the command
   * line, experiments and both pages use. A step is a round trip to the workers, so small worlds take
   * big steps; `beforeStep` may wait (a paused page), `afterStep` reports progress.
   */
  async runTo(options: { chunk: number; to?: number; beforeStep?: () => unknown; afterStep?: (day: number) => void }): Promise<number> {
    const to = Math.min(this.scenario.days, options.to ?? this.scenario.days);
    while (this.day < to) {
      await options.beforeStep?.();
      if (this.disposed) break;
      const day = await this.step(Math.min(options.chunk, to - this.day));
      options.afterStep?.(day);
    }
    return this.day;
  }

  private guard<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, ...this.hosts.map((h) => h.failed)]);
  }

  private async stepShared(to: number): Promise<void> {
    const control = this.control!;
    while (this.day < to) {
      const reports = await this.guard(Promise.all(this.hosts.map((h) => h.api.runDays(this.day + 1, to))));
      const report = reports[0];
      this.day = report.day;
      if (report.status === 'overflow') {
        // A day's records did not fit: give every worker larger logs and rerun that day's phase 1.
        const records = Math.ceil((report.needed ?? 0) * 1.5);
        control.logs.splice(0, control.logs.length, ...control.logs.map(() => new Int32Array(new SharedArrayBuffer(4 * RECORD_INTS * records))));
        Atomics.store(control.words, CONTROL.overflowNeeded, 0);
        await this.guard(Promise.all(this.hosts.map((h) => h.api.setLogs(control.logs))));
      } else if (report.status === 'cancelled') return;
    }
  }

  /**
   * Without shared memory the workers' day loops pause for the coordinator, which carries every
   * worker's log and counters to all of them (each holds a private replica of the world).
   */
  private async stepTransfer(to: number): Promise<void> {
    const ledger = this.ledger!;
    let logs: (PhaseOneResult | null)[] = await this.guard(Promise.all(this.hosts.map((h) => h.api.transferStart(this.day + 1, to))));
    while (logs[0] !== null) {
      const results = await this.guard(Promise.all(this.hosts.map((h) => h.api.transferRecords(logs as PhaseOneResult[]))));
      const counters = results.map((r) => r.counters);
      const day = results[0].day;
      ledger.record(day, counters);
      const more = day < to && !this.cancelRequested;
      logs = await this.guard(Promise.all(this.hosts.map((h) => h.api.transferCounters(counters, results.map((r) => r.newCustomers), more))));
      this.day = day;
    }
  }

  /** Asks the workers to stop after the day they are on; the pending step rejects with CancelledError. */
  cancel(): void {
    this.cancelRequested = true;
    if (this.control) Atomics.store(this.control.words, CONTROL.cancelRequested, 1);
  }

  async result(): Promise<RunResult> {
    const flows = await this.guard(Promise.all(this.hosts.map((h) => h.api.flow())));
    const flow = flowMatrix(this.tierSizes.length, flows);
    return { series: this.series, flow, headline: headline(this.scenario, this.series), markers: this.params.markers, ties: this.ties };
  }

  snapshot(ids: Uint32Array): Promise<AgentSnapshot> {
    return this.guard(this.hosts[0].api.snapshot(ids));
  }

  /**
   * Who told whom so far: every first purchase, by day then agent, in chunks read from one worker
   * (its replica or the shared state holds everyone), so the page or the CLI never holds more than
   * a chunk and the worker 4 bytes per customer.
   */
  async *cascades(rowsPerCall = CASCADE_ROWS_PER_CALL): AsyncGenerator<CascadeRows> {
    const host = this.hosts[0];
    const count = await this.guard(host.api.orderCascades());
    for (let from = 0; from < count; from += rowsPerCall) yield await this.guard(host.api.cascadeRows(from, from + rowsPerCall));
  }

  /** One share followed from `agent` (see engine/cascades.ts followShare). */
  followShare(agent: number, limit: number): Promise<ShareTrail> {
    return this.guard(this.hosts[0].api.followShare(agent, limit));
  }

  /** The realised network (computed in worker 0, which holds every tie: nothing large is copied). */
  networkReport(): Promise<NetworkReport> {
    return this.guard(this.hosts[0].api.networkReport());
  }

  tiesAmong(ids: Uint32Array): Promise<Uint32Array> {
    return this.guard(this.hosts[0].api.tiesAmong(ids));
  }

  dispose(): void {
    this.disposed = true;
    for (const h of this.hosts) h.terminate();
  }
}


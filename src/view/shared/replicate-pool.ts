// Runs a comparison replicate after replicate on a pool of Web Workers: one run per worker, each on
// its own reused worker, runs numbered as in the CLI (replicate by replicate) and seeded by the same
// scheme, so the page's runs are the CLI's runs. Pausing holds every run between steps.
import { Simulation, type SpawnWorker } from '../../runtime/coordinator.ts';
import type { DailySeries } from '../../engine/metrics.ts';
import type { Design } from '../../experiments/design.ts';
import type { PlannedRun } from '../../experiments/plan.ts';
import { replicateSeed } from '../../experiments/seeds.ts';
import { ThreadPool } from '../../runtime/thread-pool.ts';
import { spawnBrowserWorker } from '../../runtime/browser.ts';

export interface ReplicatePoolOptions {
  readonly design: Design;
  /** Runs at the same time (one worker each). */
  readonly slots: number;
  /** Default: the page's Web Workers. */
  readonly spawn?: SpawnWorker;
  readonly onRun: (run: PlannedRun, series: DailySeries) => void;
  /** After the pool has stopped every run: a failed run leaves the comparison incomplete. */
  readonly onError: (error: unknown) => void;
  /** Called when no run is in flight and none is left below the target. */
  readonly onIdle?: () => void;
}

export class ReplicatePool {
  private readonly workers: ThreadPool;
  private nextId = 0;
  private target: number;
  private lanes = 0;
  private paused = false;
  private resumed: Promise<void> = Promise.resolve();
  private release: () => void = () => undefined;
  private disposed = false;

  constructor(private readonly options: ReplicatePoolOptions) {
    this.workers = new ThreadPool(options.spawn ?? spawnBrowserWorker);
    this.target = options.design.replicates;
  }

  private get configurations(): number {
    return this.options.design.configurations.length;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  get running(): boolean {
    return this.lanes > 0;
  }

  /** Asks for `replicates` in all (more starts new runs; fewer stops after the runs in flight). */
  setTarget(replicates: number): void {
    this.target = replicates;
    this.fill();
  }

  start(): void {
    this.fill();
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.resumed = new Promise((resolve) => (this.release = resolve));
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.release();
  }

  dispose(): void {
    this.disposed = true;
    this.resume();
    this.workers.close();
  }

  private fill(): void {
    while (!this.disposed && this.lanes < this.options.slots && this.nextId < this.target * this.configurations) {
      this.lanes++;
      void this.lane().finally(() => {
        this.lanes--;
        if (this.lanes === 0 && !this.disposed) this.options.onIdle?.();
      });
    }
  }

  private async lane(): Promise<void> {
    const { design } = this.options;
    while (!this.disposed) {
      await this.resumed;
      if (this.disposed || this.nextId >= this.target * this.configurations) return;
      const id = this.nextId++;
      const replicate = Math.floor(id / this.configurations);
      const configuration = design.configurations[id % this.configurations];
      const run: PlannedRun = { id, configuration: configuration.index, variant: configuration.variant, replicate, seed: replicateSeed(design.masterSeed, replicate), parameters: configuration.parameters };
      try {
        const series = await this.simulate(configuration.scenario, run.seed);
        if (series) this.options.onRun(run, series);
      } catch (error) {
        if (this.disposed) return;
        this.dispose();
        this.options.onError(error);
        return;
      }
    }
  }

  private async simulate(scenario: Design['configurations'][number]['scenario'], seed: number): Promise<DailySeries | undefined> {
    const simulation = await Simulation.create(scenario, { seed, workers: 1, spawn: this.workers.spawn });
    try {
      // Small steps, so pause takes effect quickly and the page stays responsive.
      const wait = async () => {
        await this.resumed;
        // A disposed pool has closed the workers: steps sent to them would never settle.
        if (this.disposed) simulation.dispose();
      };
      await simulation.runTo({ chunk: Math.max(1, Math.ceil(scenario.days / 40)), beforeStep: wait });
      return this.disposed ? undefined : simulation.series;
    } finally {
      simulation.dispose();
    }
  }
}

// Engine worker threads kept alive between runs. Starting a thread (and its TypeScript loader)
// takes about half a second, longer than a small world's whole run, so an experiment of hundreds
// of small runs would spend most of its time starting threads. A worker builds a fresh world on
// every `build`, so reusing it cannot carry state from one run into the next.
import type { SpawnWorker, WorkerHost } from './coordinator.ts';

export class ThreadPool {
  private readonly idle: WorkerHost[] = [];
  private readonly broken = new WeakSet<WorkerHost>();
  private readonly all = new Set<WorkerHost>();
  private closed = false;

  constructor(private readonly spawnThread: SpawnWorker) {}

  /** A SpawnWorker for Simulation.create: lends an idle thread or starts one; `terminate` gives it back. */
  readonly spawn: SpawnWorker = (index) => {
    if (this.closed) throw new Error('the thread pool is closed');
    const host = this.idle.pop() ?? this.start(index);
    let returned = false;
    return {
      api: host.api,
      failed: host.failed,
      terminate: () => {
        if (returned) return;
        returned = true;
        this.giveBack(host);
      },
    };
  };

  private start(index: number): WorkerHost {
    const host = this.spawnThread(index);
    this.all.add(host);
    // A thread that failed once is never lent again.
    host.failed.catch(() => this.broken.add(host));
    return host;
  }

  private giveBack(host: WorkerHost): void {
    if (this.closed || this.broken.has(host)) {
      host.terminate();
      this.all.delete(host);
    } else this.idle.push(host);
  }

  /** Stops every thread, lent or idle. */
  close(): void {
    this.closed = true;
    for (const host of this.all) host.terminate();
    this.all.clear();
    this.idle.length = 0;
  }
}

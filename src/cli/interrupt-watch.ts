// Ctrl-C and SIGTERM during a run: the run is told to stop and the command ends with Interrupted,
// so the caller can remove what it started writing. While the watch is installed Node's default
// (kill at once) is replaced, which keeps a signal from cutting a half-written folder short.
import { Interrupted } from './errors.ts';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export class InterruptWatch {
  private readonly controller = new AbortController();
  private readonly interrupted: Promise<never>;
  private readonly onSignal: (signal: NodeJS.Signals) => void;

  constructor() {
    let reject: (error: Interrupted) => void = () => undefined;
    this.interrupted = new Promise<never>((_, r) => (reject = r));
    this.interrupted.catch(() => undefined); // observed through race(); never unhandled
    this.onSignal = (signal) => {
      const error = new Interrupted(signal);
      this.controller.abort(error);
      reject(error);
    };
    // `once`: a second Ctrl-C gets Node's default and ends the process at once.
    for (const name of SIGNALS) process.once(name, this.onSignal);
  }

  /** Tells a run to stop (it should reject soon after). */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /**
   * Settles with `work`, or rejects with Interrupted as soon as a signal arrives — even if the
   * work notices the abort late (for instance while its world is still being built).
   */
  async race<T>(work: Promise<T>): Promise<T> {
    work.catch(() => undefined); // a failure after an interrupt is of no interest
    return Promise.race([work, this.interrupted]);
  }

  /** Throws Interrupted if a signal arrived, for checks between synchronous steps. */
  check(): void {
    const reason: unknown = this.controller.signal.reason;
    if (reason instanceof Interrupted) throw reason;
  }

  dispose(): void {
    for (const name of SIGNALS) process.off(name, this.onSignal);
  }
}

// The two ways a command ends early besides a usage error: input it cannot use (exit 1), and a
// signal from the person running it (exit 128 + signal number, as shells report it).
import { constants } from 'node:os';

/** Input that cannot be run: a bad --out, an unsupported scenario feature. Exits 1. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** The run was stopped by SIGINT or SIGTERM before its outputs were complete. */
export class Interrupted extends Error {
  /** `kept` says what survives the interruption; by default nothing does. */
  constructor(
    readonly signal: NodeJS.Signals,
    readonly kept = 'nothing was written',
  ) {
    super(`interrupted by ${signal}`);
    this.name = 'Interrupted';
  }

  get exitCode(): number {
    return 128 + (constants.signals[this.signal] ?? 2);
  }
}

// The experiment progress bar on stderr: runs done of the runs to do, and the time left. Shown only
// to a person at a terminal, never in a log or a pipe, and never with --quiet.
import cliProgress from 'cli-progress';
import type { ProgressStream } from '../progress.ts';

export interface RunsProgress {
  start(total: number, done: number): void;
  update(done: number): void;
  stop(): void;
}

const silent: RunsProgress = { start() {}, update() {}, stop() {} };

export function createRunsProgress(stream: ProgressStream, quiet: boolean): RunsProgress {
  if (quiet || !stream.isTTY) return silent;
  const bar = new cliProgress.SingleBar(
    { stream, format: 'runs {value}/{total} [{bar}] {percentage}% | ETA {eta_formatted}', barsize: 30, hideCursor: true, etaBuffer: 10 },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total, done) => bar.start(total, done),
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}

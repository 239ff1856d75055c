// The progress bar on stderr: for a person watching a terminal, never for a log or a pipe (where
// it would be noise between the lines a script reads), and never with --quiet.
import cliProgress from 'cli-progress';

export interface RunProgress {
  /** The world is being built; days are about to start. */
  start(days: number, agents: number): void;
  /** `day` of `days` is complete. */
  day(day: number): void;
  stop(): void;
}

/** 42s, 3m05s, 1h02m: enough precision for a wait. */
function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

const silent: RunProgress = { start() {}, day() {}, stop() {} };

export interface ProgressStream extends NodeJS.WritableStream {
  readonly isTTY?: boolean;
}

export function createProgress(stream: ProgressStream, quiet: boolean): RunProgress {
  if (quiet || !stream.isTTY) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'day {value}/{total} [{bar}] {agents} agents | {speed} days/s | ETA {remaining}',
      barsize: 30,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  // Speed and ETA count simulated days only: building the world before day 1 is not part of the
  // rate (cli-progress's own ETA would include it, and shows 0s while the world is being built).
  let firstDayAt = 0;
  let firstDay = 0;
  return {
    start(days, agents) {
      bar.start(days, 0, { agents: agents.toLocaleString('en'), speed: '–', remaining: '–' });
    },
    day(day) {
      const now = performance.now();
      if (firstDayAt === 0) [firstDayAt, firstDay] = [now, day];
      const elapsed = (now - firstDayAt) / 1000;
      const rate = elapsed > 0 ? (day - firstDay) / elapsed : 0;
      bar.update(day, { speed: rate > 0 ? rate.toFixed(1) : '–', remaining: rate > 0 ? duration((bar.getTotal() - day) / rate) : '–' });
    },
    stop() {
      bar.stop();
    },
  };
}

// What a pulled lever did: the run before the change is kept (its daily series, as far as it had
// run), the world re-runs with the lever from day 0 on the same seed, and the two are read side by
// side — customers per tier on one day, after − before. Same seed and same workers' rules: the
// difference is the lever's effect alone.
import { dateOfDay } from '../../engine/calendar.ts';
import { seriesValue, type DailySeries } from '../../engine/metrics.ts';
import type { PageLanguage } from './lever-panel.ts';
import type { LoadedRun } from './playback.ts';

export interface BeforeRun {
  /** A copy of the series before the change; days 0..lastDay are final. */
  readonly series: DailySeries;
  readonly lastDay: number;
  /** What was pulled, `id=value` as `--lever` takes it. */
  readonly change: string;
}

/** Keeps a run's series up to `day` (copied: the old world's memory is about to be let go). */
export function keepBefore(series: DailySeries, day: number, change: string): BeforeRun {
  return { series: { ...series, values: new Float64Array(series.values) }, lastDay: day, change };
}

/**
 * The before run of the last lever: a copy of its series as far as it ran and, while its world goes
 * on beside the new one (`live`), that world's series instead.
 */
export class BeforeKeeper {
  private kept: BeforeRun | null = null;
  private live = false;

  /**
   * What becomes the before on pulling `change` now: the run on screen, or — while an earlier
   * change is still replaying — the before already kept (the run that was watched), renamed.
   */
  next(run: LoadedRun | null, change: string): BeforeRun | null {
    if (run && run.sim.day >= 0) return keepBefore(run.sim.series, run.sim.day, change);
    return this.kept && { ...this.kept, change: `${this.kept.change}, ${change}` };
  }

  set(before: BeforeRun | null, live: boolean): void {
    this.kept = before;
    this.live = live;
  }

  /** The before as it stands, given the playback's before world (null when it has none). */
  now(world: LoadedRun | null): BeforeRun | null {
    const live = this.live ? world : null;
    return live && this.kept ? { ...this.kept, series: live.sim.series, lastDay: live.sim.day } : this.kept;
  }
}

const WORDS = {
  en: {
    caption: (change: string, date: string, day: number) => `Lever ${change}: customers on ${date} (day ${day})`,
    until: (day: number) => `The run before the change went to day ${day}.`,
    columns: ['tier', 'before', 'after', 'after − before'],
    all: 'all',
    line: (change: string) => `faint dashed: before ${change}`,
  },
  zh: {
    caption: (change: string, date: string, day: number) => `杠杆 ${change}：${date}（第 ${day} 天）的顾客数`,
    until: (day: number) => `改变之前的运行只到第 ${day} 天。`,
    columns: ['城市层级', '改变前', '改变后', '改变后 − 改变前'],
    all: '全部',
    line: (change: string) => `浅色虚线：${change} 之前`,
  },
} as const;

/** What the faint lines on a chart are, in the page's language. */
export function beforeLineLabel(language: PageLanguage, before: BeforeRun): string {
  return WORDS[language].line(before.change);
}

export class LeverEffect {
  constructor(
    private readonly table: HTMLTableElement,
    private readonly language: PageLanguage,
  ) {
    table.hidden = true;
  }

  /**
   * Customers by tier before and after on `day` (the cursor's or the current day), or on the last
   * day both runs reached when `day` lies beyond the run before the change.
   */
  show(before: BeforeRun | null, after: DailySeries | null, afterDay: number, start: string, tierNames: readonly string[], day: number): void {
    if (!before || !after || afterDay < 0 || before.series.tiers !== after.tiers) {
      this.table.hidden = true;
      return;
    }
    const words = WORDS[this.language];
    const at = Math.max(0, Math.min(day, afterDay, before.lastDay));
    const count = new Intl.NumberFormat(this.language);
    const signed = new Intl.NumberFormat(this.language, { signDisplay: 'exceptZero' });
    const date = new Intl.DateTimeFormat(this.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${dateOfDay(start, at)}T00:00:00Z`));
    const caption = document.createElement('caption');
    caption.textContent = words.caption(before.change, date, at);
    if (day > before.lastDay) caption.append(document.createElement('br'), words.until(before.lastDay));
    const head = document.createElement('tr');
    for (const text of words.columns) head.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: text }));
    const rows = Array.from({ length: after.tiers + 1 }, (_, t) => {
      const was = seriesValue(before.series, at, t, 'customers');
      const now = seriesValue(after, at, t, 'customers');
      const row = document.createElement('tr');
      row.dataset.tier = t === after.tiers ? 'all' : (tierNames[t] ?? `tier ${t + 1}`);
      row.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: t === after.tiers ? words.all : row.dataset.tier }));
      for (const [value, format, name] of [[was, count, 'before'], [now, count, 'after'], [now - was, signed, 'difference']] as const) {
        const cell = row.insertCell();
        cell.className = name;
        cell.dataset.value = String(value);
        cell.textContent = format.format(value);
      }
      return row;
    });
    this.table.replaceChildren(caption, head, ...rows);
    this.table.dataset.day = String(at);
    this.table.hidden = false;
  }
}

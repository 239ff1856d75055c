// What a pulled lever did: the world re-runs with the lever from day 0 on the same seed, the run
// before the change is kept (its world going on beside the new one, or, when the tab cannot hold
// both, its series as far as it had run), and the two are read side by side — customers per tier
// on one day, after − before. Both draw every random number from the same seed, so the difference
// is the lever's effect alone.
import { dateOfDay } from '../../engine/calendar.ts';
import { seriesValue, type DailySeries } from '../../engine/metrics.ts';
import { formatCount, formatDate, locale, t, tierLabel } from '../shared/language.ts';
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

/** What the faint lines on a chart are, in the page's language. */
export function beforeLineLabel(before: BeforeRun): string {
  return t('simulator.leverEffect.line', { change: before.change });
}

export class LeverEffect {
  constructor(private readonly table: HTMLTableElement) {
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
    const at = Math.max(0, Math.min(day, afterDay, before.lastDay));
    const signed = new Intl.NumberFormat(locale(), { signDisplay: 'exceptZero', maximumFractionDigits: 0 });
    const caption = document.createElement('caption');
    caption.textContent = t('simulator.leverEffect.caption', { change: before.change, date: formatDate(dateOfDay(start, at)), day: at });
    if (day > before.lastDay) caption.append(document.createElement('br'), t('simulator.leverEffect.until', { day: before.lastDay }));
    const head = document.createElement('tr');
    const columns = (['tier', 'before', 'after', 'difference'] as const).map((key) => t(`simulator.leverEffect.${key}`));
    for (const text of columns) head.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: text }));
    const rows = Array.from({ length: after.tiers + 1 }, (_, tier) => {
      const was = seriesValue(before.series, at, tier, 'customers');
      const now = seriesValue(after, at, tier, 'customers');
      const row = document.createElement('tr');
      row.dataset.tier = tier === after.tiers ? 'all' : (tierNames[tier] ?? `tier ${tier + 1}`);
      row.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: tier === after.tiers ? t('simulator.leverEffect.all') : tierLabel(row.dataset.tier) }));
      for (const [value, text, name] of [[was, formatCount(was), 'before'], [now, formatCount(now), 'after'], [now - was, signed.format(now - was), 'difference']] as const) {
        const cell = row.insertCell();
        cell.className = name;
        cell.dataset.value = String(value);
        cell.textContent = text;
      }
      return row;
    });
    this.table.replaceChildren(caption, head, ...rows);
    this.table.dataset.day = String(at);
    this.table.hidden = false;
  }
}

// Adoption pulses: when a drawn agent becomes a customer, a light runs along the tie from the
// friend whose share converted them (their firstSource, if that friend is drawn too), coloured by
// the channel of that first purchase; a customer won by an ad, a promoter or the shop's own app
// (or by a friend outside the sample) gets a ring instead. Derived from snapshots only. The pulses
// of the latest day stay on screen, still, until the next day arrives: at a slow pace, or paused,
// each share can be read.
import type { AgentSnapshot } from '../../runtime/protocol.ts';
import { positionIn } from './sample.ts';

export const PULSE_MS = 1100;
/** More than this many pulses at once is a blur, and costs frames at high speed. */
const MAX_LIVE = 500;

export interface Pulse {
  /** Position in the sample of the source friend, or −1 for a ring. */
  readonly from: number;
  readonly to: number;
  readonly channel: number;
  readonly start: number;
  /** The day of the adoption. */
  readonly day: number;
}

export class Pulses {
  private live: Pulse[] = [];
  /** The last day added: its pulses are held after they have run. */
  private latestDay = -1;

  /**
   * Adds a pulse for every drawn agent who adopted on a day in (fromDay, toDay]. Adoptions on
   * several days are spread over `spreadMs`, so a batch of days still reads as a sequence.
   */
  add(snapshot: AgentSnapshot, sample: Uint32Array, fromDay: number, toDay: number, now: number, spreadMs: number): void {
    const span = Math.max(1, toDay - fromDay);
    const fresh: Pulse[] = [];
    for (let k = 0; k < snapshot.adoptDay.length; k++) {
      const day = snapshot.adoptDay[k];
      // Channel −1: a customer the scenario starts with (initialCustomers), won by nobody on screen.
      if (day <= fromDay || day > toDay || snapshot.firstChannel[k] < 0) continue;
      const source = snapshot.firstSource[k];
      const from = source >= 0 ? positionIn(sample, source) : -1;
      fresh.push({ from, to: k, channel: snapshot.firstChannel[k], start: now + ((day - fromDay - 1) / span) * spreadMs, day });
    }
    this.latestDay = Math.max(this.latestDay, toDay);
    // Keep the tie pulses first when there are too many: they are the story of the map.
    if (this.live.length + fresh.length > MAX_LIVE) fresh.sort((a, b) => Number(b.from >= 0) - Number(a.from >= 0));
    this.live.push(...fresh.slice(0, Math.max(0, MAX_LIVE - this.live.length)));
  }

  /** Pulses on screen at `now`, with their progress in [0, 1] (1: run, held until the next day);
   *  finished ones of earlier days are dropped. */
  current(now: number): Array<{ pulse: Pulse; progress: number }> {
    this.live = this.live.filter((p) => now - p.start < PULSE_MS || p.day === this.latestDay);
    return this.live.filter((p) => now >= p.start).map((pulse) => ({ pulse, progress: Math.min(1, (now - pulse.start) / PULSE_MS) }));
  }

  clear(): void {
    this.live = [];
    this.latestDay = -1;
  }
}

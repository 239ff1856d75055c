// Per-day parameter tables read by the kernel: the scenario with interventions and festivals
// applied, flattened to typed arrays indexed by day (and tier, or channel). Also the bounds used
// for thinning (the largest value a rate takes within each window of WINDOW_DAYS days).
import { CHANNEL_TABLE, CHANNELS, channelIndex } from '../scenario/channels.ts';
import type { Scenario } from '../scenario/types.ts';
import { festivalTable, forEachDay, interventionMarkers, type FestivalTable, type Marker } from './calendar.ts';

// Channel numbers for the kernel, from the channel table (plain constants in the hot loops).
export const CH_DIRECT = channelIndex('direct');
export const CH_GROUP = channelIndex('group');
export const CH_FEED = channelIndex('feed');
export const CH_AD = channelIndex('ad');
export const CH_OFFLINE = channelIndex('offline');
export const CH_ORGANIC = channelIndex('organic');
export const CHANNEL_COUNT = CHANNELS.length;
/** Channels below this number are social (a friend is the source): the table lists them first. */
export const SOCIAL_CHANNEL_COUNT = CHANNEL_TABLE.filter((c) => c.social).length;
if (CHANNEL_TABLE.some((c, i) => c.social !== i < SOCIAL_CHANNEL_COUNT)) throw new Error('channels.ts: social channels must come first');
const PAYS_IN_APP = Uint8Array.from(CHANNEL_TABLE, (c) => (c.paysInApp ? 1 : 0));
/** Channels whose purchases start inside a chat app, so paying friction applies. */
export function paysInApp(channel: number): boolean {
  return PAYS_IN_APP[channel] === 1;
}

export interface DayParameters {
  readonly days: number;
  readonly tierCount: number;
  readonly festival: FestivalTable;
  readonly markers: Marker[];
  /** [day * tiers + tier] */
  readonly adReach: Float64Array;
  readonly offline: Float64Array;
  readonly organic: Float64Array;
  readonly repeat: Float64Array;
  readonly logistics: Float64Array;
  /** Cumulative share-mix thresholds: u < shareDirect → direct, < shareGroup → group, else feed. */
  readonly shareDirect: Float64Array;
  readonly shareGroup: Float64Array;
  /** [day * CHANNEL_COUNT + channel] */
  readonly conversion: Float64Array;
  /** [day * SOCIAL_CHANNEL_COUNT + channel] for the social channels. */
  readonly attention: Float64Array;
  /** [day] */
  readonly friction: Float64Array;
  readonly reinforceFactor: Float64Array;
  readonly reinforceCap: Float64Array;
  readonly awareNonBuyers: Float64Array;
  readonly onceOnly: Uint8Array;
  readonly festivalSharing: Uint8Array;
  readonly needsActivity: Uint8Array;
  readonly targetingInstant: Uint8Array;
  readonly refreshDays: Float64Array;
  readonly targetingGain: Float64Array;
  readonly halfSaturation: Float64Array;
  /**
   * Thinning bounds: the largest daily chance within each window of WINDOW_DAYS days, per
   * [window * tiers + tier] (activity per window). Bounds per window rather than per run keep
   * festival peaks from inflating the candidate rate on ordinary days.
   */
  readonly maxAdReach: Float64Array;
  readonly maxOffline: Float64Array;
  readonly maxOrganic: Float64Array;
  readonly maxRepeat: Float64Array;
  readonly maxFestivalActivity: Float64Array;
  /** −ln(1 − bound) per [window * tiers + tier], for the exponential-clock scheduling. */
  readonly offlineHazard: Float64Array;
  readonly organicHazard: Float64Array;
  readonly repeatHazard: Float64Array;
  /**
   * Runs of windows whose bounds are equal, per tier, so that scheduling crosses a stretch of
   * unchanging days in one step: runEnd[window * tiers + tier] is the last day of the run of
   * windows that starts at or contains this window, for external channels and for repeats.
   */
  readonly externalRunEnd: Int32Array;
  readonly repeatRunEnd: Int32Array;
  /** Per tier, the first window from which the bound stays 0 to the end of the run: scheduling
   *  from there needs no draw (0 when the bound is never positive). */
  readonly externalQuietFrom: Int32Array;
  readonly repeatQuietFrom: Int32Array;
  /** Per tier, 1 when its agents can share at all (a sharing trait with a positive median). */
  readonly tierShares: Uint8Array;
  /** Word of mouth per tie per day, before the target's susceptibility (time-homogeneous). */
  readonly wordOfMouth: Float64Array;
  readonly recipients: number;
  readonly lapseAfterDays: number;
}

/** Days per thinning window. */
export const WINDOW_DAYS = 14;

/** Per tier: one past the last window whose bound is positive, from a bound test per [window * tiers + tier]. */
function quietFrom(lastDay: number, T: number, positive: (b: number) => boolean): Int32Array {
  const windows = windowOf(lastDay) + 1;
  const from = new Int32Array(T);
  for (let t = 0; t < T; t++) {
    for (let w = windows - 1; w >= 0; w--) {
      if (positive(w * T + t)) {
        from[t] = w + 1;
        break;
      }
    }
  }
  return from;
}

export function windowOf(day: number): number {
  return Math.floor(day / WINDOW_DAYS);
}

export function dayParameters(scenario: Scenario): DayParameters {
  const n = scenario.days + 1;
  const T = scenario.tiers.length;
  const festival = festivalTable(scenario);
  const p = tables(n, T);
  const maxFestivalActivity = new Float64Array(windowOf(n - 1) + 1);
  forEachDay(scenario, (d, today) => fillDay(p, today, d, T));
  for (let d = 0; d < n; d++) {
    const w = windowOf(d);
    maxFestivalActivity[w] = Math.max(maxFestivalActivity[w], festival.activity[d]);
    for (let t = 0; t < T; t++) {
      const k = d * T + t;
      const b = w * T + t;
      p.maxAdReach[b] = Math.max(p.maxAdReach[b], Math.min(1, p.adReach[k] * festival.adReach[d]));
      p.maxOffline[b] = Math.max(p.maxOffline[b], p.offline[k]);
      p.maxOrganic[b] = Math.max(p.maxOrganic[b], p.organic[k]);
      p.maxRepeat[b] = Math.max(p.maxRepeat[b], Math.min(1, p.repeat[k] * festival.repeat[d]));
    }
  }
  const direct = scenario.channels.direct;
  const friction0 = p.friction[0];
  const wordOfMouth = new Float64Array(T);
  for (let t = 0; t < T; t++) wordOfMouth[t] = direct.dailyContact * direct.conversion * scenario.tiers[t].logisticsReach * (1 - friction0);
  return {
    ...p,
    days: scenario.days,
    tierCount: T,
    festival,
    markers: [...festival.markers, ...interventionMarkers(scenario)].sort((a, b) => a.day - b.day),
    maxFestivalActivity,
    offlineHazard: p.maxOffline.map((b) => -Math.log1p(-b)),
    organicHazard: p.maxOrganic.map((b) => -Math.log1p(-b)),
    repeatHazard: p.maxRepeat.map((b) => -Math.log1p(-b)),
    externalRunEnd: runEnds(n - 1, T, (a, b) => p.maxAdReach[a] === p.maxAdReach[b] && p.maxOffline[a] === p.maxOffline[b] && p.maxOrganic[a] === p.maxOrganic[b], maxFestivalActivity),
    repeatRunEnd: runEnds(n - 1, T, (a, b) => p.maxRepeat[a] === p.maxRepeat[b]),
    externalQuietFrom: quietFrom(n - 1, T, (b) => p.maxAdReach[b] > 0 || p.maxOffline[b] > 0 || p.maxOrganic[b] > 0 || (scenario.network.kind === 'mixed' && wordOfMouth[b % T] > 0)),
    repeatQuietFrom: quietFrom(n - 1, T, (b) => p.maxRepeat[b] > 0),
    tierShares: Uint8Array.from(scenario.tiers, (t) => (t.sharing.median > 0 ? 1 : 0)),
    wordOfMouth,
    recipients: direct.recipients,
    lapseAfterDays: scenario.lapseAfterDays,
  };
}

/** For each window and tier, the last day of the run of equal windows it belongs to. */
function runEnds(lastDay: number, T: number, same: (a: number, b: number) => boolean, activity?: Float64Array): Int32Array {
  const windows = windowOf(lastDay) + 1;
  const ends = new Int32Array(windows * T);
  for (let t = 0; t < T; t++) {
    let end = lastDay;
    for (let w = windows - 1; w >= 0; w--) {
      const next = w + 1;
      const joins = next < windows && same(w * T + t, next * T + t) && (!activity || activity[w] === activity[next]);
      if (!joins) end = Math.min(lastDay, (w + 1) * WINDOW_DAYS - 1);
      ends[w * T + t] = end;
    }
  }
  return ends;
}

function tables(n: number, T: number) {
  const perTier = () => new Float64Array(n * T);
  const perDay = () => new Float64Array(n);
  return {
    adReach: perTier(),
    offline: perTier(),
    organic: perTier(),
    repeat: perTier(),
    logistics: perTier(),
    shareDirect: perTier(),
    shareGroup: perTier(),
    conversion: new Float64Array(n * CHANNEL_COUNT),
    attention: new Float64Array(n * SOCIAL_CHANNEL_COUNT),
    friction: perDay(),
    reinforceFactor: perDay(),
    reinforceCap: perDay(),
    awareNonBuyers: perDay(),
    onceOnly: new Uint8Array(n),
    festivalSharing: new Uint8Array(n),
    needsActivity: new Uint8Array(n),
    targetingInstant: new Uint8Array(n),
    refreshDays: perDay(),
    targetingGain: perDay(),
    halfSaturation: perDay(),
    maxAdReach: new Float64Array((windowOf(n - 1) + 1) * T),
    maxOffline: new Float64Array((windowOf(n - 1) + 1) * T),
    maxOrganic: new Float64Array((windowOf(n - 1) + 1) * T),
    maxRepeat: new Float64Array((windowOf(n - 1) + 1) * T),
  };
}

function fillDay(p: ReturnType<typeof tables>, s: Scenario, d: number, T: number): void {
  for (let t = 0; t < T; t++) {
    const tier = s.tiers[t];
    const k = d * T + t;
    p.adReach[k] = tier.adReachPerDay;
    p.offline[k] = tier.offlinePerDay;
    p.organic[k] = tier.organicPerDay;
    p.repeat[k] = tier.repeatPerDay;
    p.logistics[k] = tier.logisticsReach;
    const mix = tier.shareMix;
    const total = mix.direct + mix.group + mix.feed || 1;
    p.shareDirect[k] = mix.direct / total;
    p.shareGroup[k] = (mix.direct + mix.group) / total;
  }
  const c = s.channels;
  for (let ch = 0; ch < CHANNEL_COUNT; ch++) p.conversion[d * CHANNEL_COUNT + ch] = c[CHANNELS[ch]].conversion;
  for (let ch = 0; ch < SOCIAL_CHANNEL_COUNT; ch++) p.attention[d * SOCIAL_CHANNEL_COUNT + ch] = (c[CHANNELS[ch]] as { attention: number }).attention;
  p.friction[d] = s.payment.closedLoop ? s.payment.closedLoopFriction : s.payment.jumpFriction;
  p.reinforceFactor[d] = s.reinforcement.factor;
  p.reinforceCap[d] = s.reinforcement.cap;
  p.awareNonBuyers[d] = s.sharing.awareNonBuyers;
  p.onceOnly[d] = s.sharing.onceOnly ? 1 : 0;
  p.festivalSharing[d] = s.sharing.festivalDays ? 1 : 0;
  p.needsActivity[d] = s.attentionNeedsActivity ? 1 : 0;
  p.targetingInstant[d] = s.targeting.mode === 'instant' ? 1 : 0;
  p.refreshDays[d] = s.targeting.refreshDays;
  p.targetingGain[d] = s.targeting.fused ? s.targeting.gainFused : s.targeting.gainSeparate;
  p.halfSaturation[d] = s.targeting.halfSaturation;
}

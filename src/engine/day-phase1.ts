// Phase 1 of a day: decide what happens, from the state at the end of the day before.
// Reads agent state and writes none of it, except the word-of-mouth slots of owned agents (a
// minimum, see wordOfMouthProposals): every outcome becomes a record in the worker's log, applied
// in phase 2. So the order of events (and the split of agents over workers) cannot change an
// outcome, and a phase 1 that overflowed a shared log can be rerun.
import { WECHAT, QQ } from './population.ts';
import { CH_AD, CH_DIRECT, CH_FEED, CH_GROUP, CH_OFFLINE, CH_ORGANIC, CHANNEL_COUNT, SOCIAL_CHANNEL_COUNT, paysInApp, windowOf } from './parameters.ts';
import { draw, drawPairWith, pairKey } from './random.ts';
import { EXPOSE, LAPSE, PURCHASE } from './record-log.ts';
import { CUSTOMER } from './state.ts';
import { metricIndex, METRIC_COUNT } from './metrics.ts';
import { thresholdConversions } from './threshold.ts';
import type { World } from './world.ts';

const M_EXPOSURES = metricIndex.exposures;
const M_DATA = metricIndex.data_events;

export function dayPhase1(world: World, day: number): void {
  world.log.clear();
  world.counters.fill(0);
  socialExposures(world, day);
  externalCandidates(world, day);
  repeatCandidates(world, day);
  lapseChecks(world, day);
  wordOfMouthArrivals(world, day);
  wordOfMouthProposals(world, day);
  thresholdConversions(world, day);
}

/** Shares made yesterday by owned agents reach their recipients today. */
function socialExposures(world: World, day: number): void {
  const queue = world.queues.shares;
  const list = queue.list(day);
  const n = queue.length(day);
  const { offsets, neighbors } = world.ties;
  const { groupOffsets, groupsOf, memberOffsets, members } = world.groups;
  const { platforms } = world.population;
  const keys = world.keys;
  for (let k = 0; k < n; k += 2) {
    const sharer = list[k];
    const channel = list[k + 1];
    const lo = offsets[sharer];
    const degree = offsets[sharer + 1] - lo;
    if (channel === CH_DIRECT) {
      const wanted = world.params.recipients;
      if (wanted >= degree) {
        for (let e = lo; e < lo + degree; e++) expose(world, day, sharer, neighbors[e], CH_DIRECT, 0);
      } else {
        // Distinct friends chosen by counter-based draws, redrawn on a clash.
        const picks = world.scratch.picks;
        for (let r = 0; r < wanted; r++) {
          let pick = 0;
          for (let attempt = 0, clash = true; clash; attempt++) {
            pick = Math.floor(draw(keys.recipient, sharer, day, r + attempt * 1024) * degree);
            clash = false;
            for (let q = 0; q < r && !clash; q++) clash = picks[q] === pick;
          }
          picks[r] = pick;
          expose(world, day, sharer, neighbors[lo + pick], CH_DIRECT, 0);
        }
      }
    } else if (channel === CH_GROUP) {
      const g0 = groupOffsets[sharer];
      const count = groupOffsets[sharer + 1] - g0;
      if (count === 0) continue;
      const group = groupsOf[g0 + Math.floor(draw(keys.recipient, sharer, day, 0) * count)];
      for (let m = memberOffsets[group]; m < memberOffsets[group + 1]; m++) {
        if (members[m] !== sharer) expose(world, day, sharer, members[m], CH_GROUP, 0);
      }
    } else {
      const own = platforms[sharer];
      const platform = own === (WECHAT | QQ) ? (draw(keys.shareChoice, sharer, day, 7) < 0.5 ? WECHAT : QQ) : own;
      for (let e = lo; e < lo + degree; e++) expose(world, day, sharer, neighbors[e], CH_FEED, platform);
    }
  }
}

/** One social exposure: is it read, and does it convert? (feedPlatform 0 = any platform.) */
function expose(world: World, day: number, sharer: number, target: number, channel: number, feedPlatform: number): void {
  const pop = world.population;
  const on = pop.platforms[target];
  if (on === 0 || (feedPlatform !== 0 && (on & feedPlatform) === 0)) return;
  const p = world.params;
  const keys = world.keys;
  let attention = p.attention[day * SOCIAL_CHANNEL_COUNT + channel];
  if (p.needsActivity[day] === 1) attention *= Math.min(1, pop.activity[target] * p.festival.activity[day]);
  if (draw(keys.seen, target, day * 8 + channel, sharer) >= attention) return;
  const tier = pop.tier[target];
  world.counters[tier * METRIC_COUNT + M_EXPOSURES]++;
  world.counters[tier * METRIC_COUNT + M_DATA]++;
  const state = world.state;
  if (state.status[target] === CUSTOMER) return;
  const T = p.tierCount;
  const reinforcement = Math.min(p.reinforceCap[day], Math.pow(p.reinforceFactor[day], state.socialSeen[target]));
  const chance =
    p.conversion[day * CHANNEL_COUNT + channel] *
    pop.susceptibility[target] *
    p.logistics[day * T + tier] *
    p.festival.conversion[day] *
    (1 - p.friction[day]) *
    reinforcement;
  const converted = draw(keys.convert, target, day * 8 + channel, sharer) < chance ? 1 : 0;
  world.log.push(EXPOSE, channel, converted, target, sharer, day);
}

/**
 * Ads, offline promoters, organic discovery and (in a mixed population) word of mouth, by thinning:
 * each channel k fires on a day with a bound b_k ≥ its real chance h_k(day); a candidate day is one
 * where at least one bound fires, and a fired channel is accepted with h_k / b_k. That is exactly
 * independent daily Bernoulli(h_k) per channel, at a cost that follows the candidates, not the days.
 */
export const EXTERNAL_CHANNELS = 4; // ad, offline, organic, mixed word of mouth

/**
 * Word of mouth in a mixed population (the Bass mean field): every customer tells every agent, and
 * one customer converts `agent` on a day with this chance. The bound, the day's chance and the
 * scheduling hazard are all built on it.
 */
export function mixedContactChance(world: World, agent: number): number {
  const pop = world.population;
  return Math.min(1, world.params.wordOfMouth[pop.tier[agent]] * pop.susceptibility[agent]) / pop.agents;
}

/** Per-channel bounds for an agent within one thinning window; returns the chance that any fires. */
export function externalBounds(world: World, agent: number, window: number, out: Float64Array): number {
  const p = world.params;
  const pop = world.population;
  const t = pop.tier[agent];
  const b = window * p.tierCount + t;
  out[0] = p.maxAdReach[b] * Math.min(1, pop.activity[agent] * p.maxFestivalActivity[window]);
  out[1] = p.maxOffline[b];
  out[2] = p.maxOrganic[b];
  out[3] = world.mixed ? 1 - Math.pow(1 - mixedContactChance(world, agent), pop.agents) : 0;
  let none = 1;
  for (let k = 0; k < EXTERNAL_CHANNELS; k++) none *= 1 - out[k];
  return 1 - none;
}

function externalCandidates(world: World, day: number): void {
  const queue = world.queues.external;
  const list = queue.list(day);
  const n = queue.length(day);
  const state = world.state;
  const pop = world.population;
  const p = world.params;
  const keys = world.keys;
  const T = p.tierCount;
  const bounds = world.scratch.bounds;
  for (let k = 0; k < n; k++) {
    const agent = list[k];
    if (state.nextExternal[agent] !== day || state.status[agent] === CUSTOMER) continue;
    externalBounds(world, agent, windowOf(day), bounds);
    const t = pop.tier[agent];
    let needOne = true;
    let noneAfter = 1;
    for (let c = 0; c < EXTERNAL_CHANNELS; c++) noneAfter *= 1 - bounds[c];
    for (let c = 0; c < EXTERNAL_CHANNELS; c++) {
      const b = bounds[c];
      // Which bounds fired, given that at least one did: sequential conditioning.
      const fireChance = needOne ? b / (1 - noneAfter) : b;
      noneAfter = b < 1 ? noneAfter / (1 - b) : 1;
      if (b === 0 || draw(keys.externalChannel, agent, day, c) >= fireChance) continue;
      needOne = false;
      let real: number;
      if (c === 0) real = Math.min(1, p.adReach[day * T + t] * p.festival.adReach[day]) * Math.min(1, pop.activity[agent] * p.festival.activity[day]);
      else if (c === 1) real = p.offline[day * T + t];
      else if (c === 2) real = p.organic[day * T + t];
      else real = 1 - Math.pow(1 - mixedContactChance(world, agent), world.globals.activeCustomers);
      if (draw(keys.external, agent, day, c) >= real / b) continue;
      world.counters[t * METRIC_COUNT + M_EXPOSURES]++;
      world.counters[t * METRIC_COUNT + M_DATA]++;
      if (c === 3) {
        world.log.push(EXPOSE, CH_DIRECT, 1, agent, -1, day);
        continue;
      }
      const channel = c === 0 ? CH_AD : c === 1 ? CH_OFFLINE : CH_ORGANIC;
      let chance = p.conversion[day * CHANNEL_COUNT + channel] * pop.susceptibility[agent] * p.logistics[day * T + t] * p.festival.conversion[day];
      if (paysInApp(channel)) chance *= 1 - p.friction[day];
      if (channel === CH_AD) chance *= world.globals.adTargeting;
      const converted = draw(keys.convert, agent, day * 8 + channel, 0x7fffffff) < chance ? 1 : 0;
      world.log.push(EXPOSE, channel, converted, agent, -1, day);
    }
  }
}

function repeatCandidates(world: World, day: number): void {
  const queue = world.queues.repeat;
  const list = queue.list(day);
  const n = queue.length(day);
  const { state, population: pop, params: p, keys } = world;
  for (let k = 0; k < n; k++) {
    const agent = list[k];
    if (state.nextRepeat[agent] !== day || state.status[agent] !== CUSTOMER) continue;
    const t = pop.tier[agent];
    const real = Math.min(1, p.repeat[day * p.tierCount + t] * p.festival.repeat[day]);
    if (draw(keys.repeat, agent, day, 1) < real / p.maxRepeat[windowOf(day) * p.tierCount + t]) world.log.push(PURCHASE, 0, 0, agent, -1, day);
  }
}

function lapseChecks(world: World, day: number): void {
  const queue = world.queues.lapse;
  const list = queue.list(day);
  const n = queue.length(day);
  const { state, params } = world;
  for (let k = 0; k < n; k++) {
    const agent = list[k];
    if (state.status[agent] === CUSTOMER && state.lastPurchase[agent] + params.lapseAfterDays === day) world.log.push(LAPSE, 0, 0, agent, -1, day);
  }
}

/** Word of mouth whose earliest proposed day is today converts today. */
function wordOfMouthArrivals(world: World, day: number): void {
  const queue = world.queues.wordOfMouth;
  const list = queue.list(day);
  const n = queue.length(day);
  const state = world.state;
  for (let k = 0; k < n; k++) {
    const agent = list[k];
    if (world.wordOfMouth.day[2 * agent + 1] !== day || state.status[agent] === CUSTOMER) continue;
    world.log.push(EXPOSE, CH_DIRECT, 1, agent, state.wordOfMouthSource[agent], day);
  }
}

/**
 * A customer since yesterday tells each friend, every day, converting them with chance τ per day:
 * the day it works is yesterday + Geometric(τ), drawn once per tie. Each tie is examined once over
 * the whole run, which is what makes the reference workload follow events, not agents × days.
 *
 * Every worker reads all workers' new customers and takes, from each one's sorted row, only the
 * friends it owns: a tie is examined by its target's owner, who keeps the earliest proposal (ties
 * broken by the smaller source) in its own slots directly — no record crosses between workers, and
 * a worker touches only its own part of the table. The earliest-proposal rule is a minimum, so the
 * order of sources cannot change it, and running it twice (a phase 1 rerun after a log overflow)
 * changes nothing the second time.
 *
 * Where the world's ties, status and table are in a kernel memory (workers on shared memory), the
 * WebAssembly build of this loop runs instead (word-of-mouth.wat): the same draws and rules, so
 * the same results, in about two thirds of the time.
 */
function wordOfMouthProposals(world: World, day: number): void {
  if (world.compiledWordOfMouth) {
    world.compiledWordOfMouth.run(world, day);
    return;
  }
  const { lo, hi } = world.partition;
  const agents = world.population.agents;
  const { offsets, neighbors } = world.ties;
  const { pace: wordOfMouthPace, day: wordOfMouthDay } = world.wordOfMouth;
  const sourceOf = world.state.wordOfMouthSource;
  const status = world.state.status;
  const arrivals = world.queues.wordOfMouth;
  const key = world.keys.wordOfMouth;
  const log = world.log;
  const last = world.days;
  const announced = world.announced;
  // Where the touched entries go (see touchRows): an Int32 cell written inside the loop, so the
  // loop's optimised code needs nothing after it that it has not seen run (code past the end of a
  // loop compiled while it runs would deoptimise there, day after day).
  const sink = world.scratch.touchSink;
  for (let w = 0; w < announced.length; w++) {
    const list = announced[w].list;
    const n = announced[w].count;
    for (let k = 0; k < n; k++) {
      if ((k & (TOUCH_AHEAD - 1)) === 0) sink[0] ^= touchRows(offsets, neighbors, list, k, Math.min(n, k + TOUCH_AHEAD));
      const source = list[k];
      const sourceKey = pairKey(key, source);
      let e = offsets[source];
      let end = offsets[source + 1];
      // The friends this worker owns are a contiguous part of the sorted row: the head for the
      // first worker, the tail for the last (found walking back from the end), else bisected.
      let step = 1;
      if (hi >= agents) {
        step = -1;
        const first = e;
        e = end - 1;
        end = first - 1;
      } else if (lo > 0) {
        for (let top = end; e < top; ) {
          const mid = (e + top) >>> 1;
          if (neighbors[mid] < lo) e = mid + 1;
          else top = mid;
        }
      }
      for (; e !== end; e += step) {
        const friend = neighbors[e];
        if (friend >= hi || friend < lo) break;
        // About half the ties of a run reach a customer. Telling so from the byte-wide status (this
        // worker's part stays in cache) rather than the 8-byte slot makes a mispredicted branch cheap.
        if (status[friend] === CUSTOMER) continue;
        const pace = wordOfMouthPace[2 * friend];
        if (pace === 0) continue;
        // Days until the tie works: 1 + floor(ln U / ln(1 − τ)), i.e. Geometric(τ) by inversion.
        const when = day + Math.floor(Math.log(drawPairWith(sourceKey, friend)) * pace);
        if (when > last) continue;
        if (when === day) {
          log.push(EXPOSE, CH_DIRECT, 1, friend, source, day);
          continue;
        }
        const current = wordOfMouthDay[2 * friend + 1];
        if (when < current || (when === current && source < sourceOf[friend])) {
          wordOfMouthDay[2 * friend + 1] = when;
          sourceOf[friend] = source;
          if (when !== current) arrivals.push(when, friend);
        }
      }
    }
  }
}

/** Sources read ahead: their rows' first and last entries are loaded before use. */
const TOUCH_AHEAD = 256;

/**
 * Loads the rows of sources list[from..to) into cache, all at once. A row is a random access into
 * the largest array of the world; asked for one by one, each waits for memory in turn, but these
 * loads do not depend on each other, so the processor overlaps them (about a quarter off the time
 * of word of mouth at 10^6 agents). Returns the entries xor-ed (an int, never a heap number) so the
 * loads are not optimised away.
 */
function touchRows(offsets: Uint32Array, neighbors: Uint32Array, list: Int32Array, from: number, to: number): number {
  let sum = 0;
  for (let k = from; k < to; k++) {
    const source = list[k];
    const lo = offsets[source];
    const hi = offsets[source + 1];
    if (hi > lo) sum ^= neighbors[lo] ^ neighbors[hi - 1];
  }
  return sum;
}

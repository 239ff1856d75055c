// Phase 2 of a day: apply every worker's records to the agents this worker owns (or, on a private
// replica, to everyone), then do what follows for owned agents: count, share, and schedule their
// next events. Applying a record is commutative — first purchase attribution keeps the smallest
// (channel, source) of the day — so the order of logs and records never changes the result.
import { CH_DIRECT, CH_FEED, CH_GROUP, SOCIAL_CHANNEL_COUNT, windowOf } from './parameters.ts';
import { mixedContactChance } from './day-phase1.ts';
import { draw } from './random.ts';
import { EXPOSE, LAPSE, PURCHASE, RECORD_INTS, type RecordLog } from './record-log.ts';
import { AWARE, CUSTOMER, LAPSED, NEVER, UNAWARE } from './state.ts';
import { metricIndex, METRIC_COUNT } from './metrics.ts';
import { wordOfMouthPace, type World } from './world.ts';

const M = metricIndex;

export function dayPhase2(world: World, day: number, logs: readonly RecordLog[]): void {
  world.scratch.purchaserCount = 0;
  world.scratch.newAwareCount = 0;
  world.newCustomers.count = 0;
  applyLog(world, day, recordsByTarget(world, logs));
  // In id order the follow-up walks each per-agent array front to back, not at random.
  world.scratch.purchasers.subarray(0, world.scratch.purchaserCount).sort();
  followPurchases(world, day);
  followNewlyAware(world, day);
  reschedule(world, day);
  for (const queue of Object.values(world.queues)) queue.release(day);
}

const BLOCK_BITS = 12;

/**
 * The day's records for this worker's agents (or everyone's, on a replica), regrouped by blocks of
 * 4,096 target agents: applying them then touches each per-agent array a few pages at a time
 * instead of at random. A counting sort: two passes, no comparison, stable.
 */
function recordsByTarget(world: World, logs: readonly RecordLog[]): RecordLog {
  const { lo, hi, replica } = world.partition;
  const scratch = world.scratch;
  const sorted = scratch.sortedLog;
  const counts = scratch.blockCounts.fill(0);
  // Each loop sits in a function of its own whose optimised code ends in a return: V8 optimises a
  // long loop while it runs, and code after it would have no type feedback and deoptimise daily.
  let total = 0;
  for (let w = 0; w < logs.length; w++) total += countByBlock(logs[w], counts, lo, hi, replica);
  for (let b = 1; b < counts.length; b++) counts[b] += counts[b - 1];
  if (scratch.sortedRecords.length < total * RECORD_INTS) scratch.sortedRecords = new Int32Array(total * RECORD_INTS * 2);
  const out = scratch.sortedRecords;
  for (let w = 0; w < logs.length; w++) scatterByBlock(logs[w], counts, out, lo, hi, replica);
  sorted.data = out;
  sorted.length = total;
  return sorted;
}

/** Counts a log's records per block of targets this worker applies; returns how many. */
function countByBlock(log: RecordLog, counts: Int32Array, lo: number, hi: number, replica: boolean): number {
  const data = log.data;
  const end = Math.min(log.length, log.capacity) * RECORD_INTS;
  let total = 0;
  for (let at = 0; at < end; at += RECORD_INTS) {
    const target = data[at + 1];
    if (!replica && (target < lo || target >= hi)) continue;
    counts[(target >>> BLOCK_BITS) + 1]++;
    total++;
  }
  return total;
}

/** Copies a log's records to their places in `out`, advancing each block's start in `starts`. */
function scatterByBlock(log: RecordLog, starts: Int32Array, out: Int32Array, lo: number, hi: number, replica: boolean): void {
  const data = log.data;
  const end = Math.min(log.length, log.capacity) * RECORD_INTS;
  for (let at = 0; at < end; at += RECORD_INTS) {
    const target = data[at + 1];
    if (!replica && (target < lo || target >= hi)) continue;
    const to = starts[target >>> BLOCK_BITS]++ * RECORD_INTS;
    out[to] = data[at];
    out[to + 1] = target;
    out[to + 2] = data[at + 2];
    out[to + 3] = data[at + 3];
  }
}

function applyLog(world: World, day: number, log: RecordLog): void {
  const { lo, hi } = world.partition;
  const data = log.data;
  const end = Math.min(log.length, log.capacity) * RECORD_INTS;
  const s = world.state;
  for (let at = 0; at < end; at += RECORD_INTS) {
    const head = data[at];
    const target = data[at + 1];
    // recordsByTarget kept only the records this worker applies; owned ones also get follow-ups.
    const owned = target >= lo && target < hi;
    const kind = head & 15;
    if (kind === EXPOSE) {
      const channel = (head >> 4) & 7;
      const source = data[at + 2];
      if (s.status[target] === UNAWARE) {
        s.status[target] = AWARE;
        s.awareDay[target] = day;
        if (owned) pushNewlyAware(world, target);
      }
      if (source >= 0 && channel < SOCIAL_CHANNEL_COUNT && s.socialSeen[target] < 65535) s.socialSeen[target]++;
      if ((head >> 7) & 1) {
        if (s.adoptDay[target] === NEVER) {
          s.adoptDay[target] = day;
          s.firstChannel[target] = channel;
          s.firstSource[target] = source;
        } else if (s.adoptDay[target] === day) {
          const c = s.firstChannel[target];
          if (channel < c || (channel === c && source < s.firstSource[target])) {
            s.firstChannel[target] = channel;
            s.firstSource[target] = source;
          }
        }
        if (s.status[target] === LAPSED && owned) world.counters[world.population.tier[target] * METRIC_COUNT + M.lapsed]--;
        becomeCustomer(world, target);
        purchase(world, day, target, owned);
      }
    } else if (kind === PURCHASE) {
      if (s.status[target] === LAPSED) {
        becomeCustomer(world, target);
        if (owned) world.counters[world.population.tier[target] * METRIC_COUNT + M.lapsed]--;
      }
      purchase(world, day, target, owned);
    } else if (kind === LAPSE) {
      if (s.status[target] === CUSTOMER && s.lastPurchase[target] !== day) {
        s.status[target] = LAPSED;
        const { pace, day: due } = world.wordOfMouth;
        if (pace.length > 0) {
          pace[2 * target] = wordOfMouthPace(world.params.wordOfMouth, world.population, target);
          // A target again: friends who adopt from now on may propose (a passed due day would block them).
          if (due[2 * target + 1] <= day) due[2 * target + 1] = NEVER;
        }
        if (owned) {
          world.counters[world.population.tier[target] * METRIC_COUNT + M.lapsed]++;
          scheduleExternal(world, target, day);
        }
      }
    }
  }
}

/** A customer is no longer a word-of-mouth target (its slot's rate goes to 0). */
function becomeCustomer(world: World, agent: number): void {
  world.state.status[agent] = CUSTOMER;
  const wordOfMouth = world.wordOfMouth.pace;
  if (wordOfMouth.length > 0) wordOfMouth[2 * agent] = 0;
}

function purchase(world: World, day: number, agent: number, owned: boolean): void {
  const s = world.state;
  if (s.lastPurchase[agent] === day) return;
  s.lastPurchase[agent] = day;
  if (s.purchases[agent] < 65535) s.purchases[agent]++;
  if (owned) pushPurchaser(world, agent);
}

function pushPurchaser(world: World, agent: number): void {
  const scratch = world.scratch;
  if (scratch.purchaserCount === scratch.purchasers.length) scratch.purchasers = grow(scratch.purchasers);
  scratch.purchasers[scratch.purchaserCount++] = agent;
}

function pushNewCustomer(world: World, agent: number): void {
  const customers = world.newCustomers;
  if (customers.count === customers.list.length) customers.list = grow(customers.list);
  customers.list[customers.count++] = agent;
}

function pushNewlyAware(world: World, agent: number): void {
  const scratch = world.scratch;
  if (scratch.newAwareCount === scratch.newAware.length) scratch.newAware = grow(scratch.newAware);
  scratch.newAware[scratch.newAwareCount++] = agent;
}

function grow(list: Int32Array): Int32Array {
  const grown = new Int32Array(list.length * 2);
  grown.set(list);
  return grown;
}

function followPurchases(world: World, day: number): void {
  const { state: s, population: pop, params: p, counters } = world;
  const T = p.tierCount;
  const list = world.scratch.purchasers;
  // The table is empty exactly when word of mouth along ties is off (finishParts); new customers
  // are announced to every worker for it and for the threshold rule.
  const announce = world.wordOfMouth.pace.length > 0 || world.thresholdLeft.length > 0;
  for (let k = 0; k < world.scratch.purchaserCount; k++) {
    const agent = list[k];
    const t = pop.tier[agent];
    const row = t * METRIC_COUNT;
    counters[row + M.purchases]++;
    counters[row + M.data_events]++;
    counters[row + M.gmv] += pop.basketFen[agent];
    if (s.firstChannel[agent] < SOCIAL_CHANNEL_COUNT) counters[row + M.gmv_social] += pop.basketFen[agent];
    const first = s.adoptDay[agent] === day;
    if (first) {
      counters[row + M.new_customers]++;
      counters[row + M.new_customers_direct + s.firstChannel[agent]]++;
      const source = s.firstSource[agent];
      if (source >= 0) world.flow[t * T + pop.tier[source]]++;
      if (announce) pushNewCustomer(world, agent);
    }
    if (first || p.onceOnly[day] === 0) maybeShare(world, day, agent, 1);
    scheduleRepeat(world, agent, day);
    if (p.lapseAfterDays > 0) world.queues.lapse.push(day + p.lapseAfterDays, agent);
  }
}

function followNewlyAware(world: World, day: number): void {
  const { state: s, population: pop, params: p, counters } = world;
  const list = world.scratch.newAware;
  const bargains = p.awareNonBuyers[day];
  for (let k = 0; k < world.scratch.newAwareCount; k++) {
    const agent = list[k];
    counters[pop.tier[agent] * METRIC_COUNT + M.new_aware]++;
    if (bargains > 0 && s.adoptDay[agent] !== day) maybeShare(world, day, agent, bargains);
  }
}

/** Decide whether an agent shares today and where; the share is seen tomorrow. */
function maybeShare(world: World, day: number, agent: number, scale: number): void {
  const { population: pop, params: p, keys } = world;
  if (p.tierShares[pop.tier[agent]] === 0 || pop.platforms[agent] === 0) return;
  const festival = p.festivalSharing[day] === 1 ? p.festival.sharing[day] : 1;
  const chance = Math.min(1, pop.sharing[agent] * festival * scale);
  if (chance <= 0 || draw(keys.share, agent, day, 0) >= chance) return;
  const k = day * p.tierCount + pop.tier[agent];
  const u = draw(keys.shareChoice, agent, day, 1);
  const channel = u < p.shareDirect[k] ? CH_DIRECT : u < p.shareGroup[k] ? CH_GROUP : CH_FEED;
  world.queues.shares.push(day + 1, agent);
  world.queues.shares.push(day + 1, channel);
  const row = pop.tier[agent] * METRIC_COUNT;
  world.counters[row + M.shares]++;
  world.counters[row + M.data_events]++;
}

/** Owned agents whose external candidate or repeat candidate fell today get their next one. */
function reschedule(world: World, day: number): void {
  const s = world.state;
  const external = world.queues.external;
  const list = external.list(day);
  for (let k = 0, n = external.length(day); k < n; k++) {
    const agent = list[k];
    if (s.nextExternal[agent] !== day) continue;
    if (s.status[agent] === CUSTOMER) s.nextExternal[agent] = NEVER;
    else scheduleExternal(world, agent, day);
  }
  const repeat = world.queues.repeat;
  const repeats = repeat.list(day);
  for (let k = 0, n = repeat.length(day); k < n; k++) {
    const agent = repeats[k];
    if (s.nextRepeat[agent] !== day) continue;
    if (s.status[agent] === CUSTOMER) scheduleRepeat(world, agent, day);
    else s.nextRepeat[agent] = NEVER;
  }
}

/** What nextCandidate schedules: an external channel's candidate or a repeat purchase's. */
export const EXTERNAL = 0;
const REPEAT = 1;

/** −ln(1 − b): the daily hazard of a bound b (a sum over independent channels, so no product). */
function candidateHazard(world: World, agent: number, window: number, kind: number): number {
  const p = world.params;
  const row = window * p.tierCount + world.population.tier[agent];
  if (kind === REPEAT) return p.repeatHazard[row];
  const pop = world.population;
  let hazard = p.offlineHazard[row] + p.organicHazard[row];
  const reach = p.maxAdReach[row];
  if (reach > 0) {
    const ad = reach * Math.min(1, pop.activity[agent] * p.maxFestivalActivity[window]);
    if (ad > 0) hazard -= Math.log1p(-ad);
  }
  if (world.mixed) hazard -= pop.agents * Math.log1p(-mixedContactChance(world, agent));
  return hazard;
}

/**
 * The first candidate day after `day` of a daily Bernoulli whose bound b changes by thinning
 * window. An exponential clock E ~ Exp(1) is run down by the hazard −ln(1 − b) of each day; the
 * day it runs out is the candidate. P(no candidate in k days) = Π(1 − b_d) exactly, with one
 * uniform per scheduling and no logarithm for windows passed over.
 */
export function nextCandidate(world: World, agent: number, day: number, key: number, kind: number): number {
  const last = world.days;
  const p = world.params;
  const runEnd = kind === REPEAT ? p.repeatRunEnd : p.externalRunEnd;
  const tier = world.population.tier[agent];
  if (windowOf(day + 1) >= (kind === REPEAT ? p.repeatQuietFrom : p.externalQuietFrom)[tier]) return NEVER;
  let clock = -Math.log(draw(key, agent, day, 99));
  for (let from = day; from < last; ) {
    const window = windowOf(from + 1);
    const end = runEnd[window * p.tierCount + tier];
    const hazard = candidateHazard(world, agent, window, kind);
    const span = end - from;
    if (hazard === Infinity) return from + 1;
    if (clock <= hazard * span) return from + Math.max(1, Math.ceil(clock / hazard));
    clock -= hazard * span;
    from = end;
  }
  return NEVER;
}

function scheduleRepeat(world: World, agent: number, day: number): void {
  const next = nextCandidate(world, agent, day, world.keys.repeat, REPEAT);
  world.state.nextRepeat[agent] = next;
  if (next !== NEVER) world.queues.repeat.push(next, agent);
}

/** The next day an external channel might reach this agent (thinning candidate), after `day`. */
export function scheduleExternal(world: World, agent: number, day: number): void {
  const next = nextCandidate(world, agent, day, world.keys.external, EXTERNAL);
  world.state.nextExternal[agent] = next;
  if (next !== NEVER) world.queues.external.push(next, agent);
}

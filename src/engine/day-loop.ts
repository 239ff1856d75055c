// What a day is (MODEL §2), written once: phase 1 decides every outcome from yesterday's state and
// writes records; every worker's records are needed before phase 2 applies them; every worker's
// counters make the day's figures and the whole-world figures tomorrow reads. Day 0 is the start:
// the scenario's initial customers, then every agent's first candidate day.
//
// The loop is a generator that pauses where workers must exchange what they wrote, so one loop
// serves every way of running a world: in one thread the answer is the world's own log and
// counters; on shared memory a worker answers after a barrier; without shared memory the
// coordinator carries logs and counters between workers and answers each pause by message.
import { CH_ORGANIC, type DayParameters } from './parameters.ts';
import { dayPhase1 } from './day-phase1.ts';
import { dayPhase2, EXTERNAL, nextCandidate } from './day-phase2.ts';
import type { Ledger } from './metrics.ts';
import { draw } from './random.ts';
import { EXPOSE, type RecordLog } from './record-log.ts';
import { CUSTOMER } from './state.ts';
import type { World } from './world.ts';
import { seedMarks } from './seed-customers.ts';

/** Where a day waits for the other workers: after phase 1 (records), phase 2 (counters), and at its end. */
export interface DayPause {
  readonly day: number;
  readonly kind: 'records' | 'counters' | 'end';
}

/** The answer to a pause: every worker's logs after 'records', every worker's counters after 'counters'. */
export type DayAnswer = readonly RecordLog[] | readonly Float64Array[] | undefined;

export type DayLoop = Generator<DayPause, void, DayAnswer>;

/** Days `from`..`to` of a world; whoever drives it answers each pause (see above). */
export function* dayLoop(world: World, ledger: Ledger, from: number, to: number): DayLoop {
  for (let day = from; day <= to; day++) {
    if (day === 0) startPhase1(world);
    else dayPhase1(world, day);
    const logs = (yield { day, kind: 'records' }) as readonly RecordLog[];
    if (day === 0) startPhase2(world, logs);
    else dayPhase2(world, day, logs);
    const counters = (yield { day, kind: 'counters' }) as readonly Float64Array[];
    ledger.record(day, counters);
    Object.assign(world.globals, nextGlobals(world.params, ledger, day, world.population.agents));
    yield { day, kind: 'end' };
  }
}

/** Day 0, phase 1: owned agents chosen as initial customers (one draw each, worker-independent)
 *  and the named seed customers. */
function startPhase1(world: World): void {
  world.log.clear();
  world.counters.fill(0);
  const { lo, hi } = world.partition;
  const { tier } = world.population;
  const shares = world.scenario.tiers.map((t) => t.initialCustomers);
  const seeds = seedMarks(world.scenario, world.ties, lo, hi);
  if (shares.every((x) => x === 0) && !seeds) return;
  for (let i = lo; i < hi; i++) {
    if ((seeds && seeds[i - lo] === 1) || draw(world.keys.convert, i, 0, 0x7ffffffe) < shares[tier[i]]) world.log.push(EXPOSE, CH_ORGANIC, 1, i, -1, 0);
  }
}

/** Day 0, phase 2: apply the initial customers, then give every other owned agent its first external candidate. */
function startPhase2(world: World, logs: readonly RecordLog[]): void {
  dayPhase2(world, 0, logs);
  const { lo, hi } = world.partition;
  const { status, nextExternal } = world.state;
  for (let i = lo; i < hi; i++) if (status[i] !== CUSTOMER) nextExternal[i] = nextCandidate(world, i, 0, world.keys.external, EXTERNAL);
  world.queues.external.pushEach(nextExternal, lo, hi);
}

/** Whole-world figures for the next day, derived from the ledger the same way on every worker. */
function nextGlobals(p: DayParameters, ledger: Ledger, day: number, agents: number): World['globals'] {
  const next = Math.min(day + 1, p.days);
  return {
    activeCustomers: ledger.activeCustomers(day),
    adTargeting: ledger.adTargeting(day, p.targetingInstant[next] === 1, p.refreshDays[next], p.targetingGain[next], p.halfSaturation[next], agents),
  };
}

// What runs inside an engine worker (browser Web Worker or Node worker thread): builds or attaches
// to a world, and steps its partition day by day. In shared-memory mode the workers run many days
// on their own, meeting at an Atomics barrier twice a day; in transfer mode the coordinator drives
// each phase and carries the logs between workers.
import { dayPhase1 } from '../engine/day-phase1.ts';
import { dayPhase2 } from '../engine/day-phase2.ts';
import { allocateLocal, allocateShared } from '../engine/memory.ts';
import { KernelMemory } from '../engine/kernel-memory.ts';
import { wordOfMouthKernel, type WordOfMouthKernel } from '../engine/compiled-word-of-mouth.ts';
import { Ledger, METRIC_COUNT } from '../engine/metrics.ts';
import { RECORD_INTS, RecordLog } from '../engine/record-log.ts';
import { startPhase1, startPhase2, updateGlobals } from '../engine/simulation.ts';
import { PairList } from '../engine/ties.ts';
import { agentRange, compiledWordOfMouthPays, buildNetwork, createParts, createWorld, finishParts, layoutParts, type EdgeListInput, type World, type WorldParts } from '../engine/world.ts';
import { drawTraitChunk, drawTraits, traitChunks, type Population } from '../engine/population.ts';
import { countBucket, fillBucket, fillChunk, generateChunk, partitionChunk, planErdosRenyi, rowOffsets, type ErdosRenyiJob } from '../engine/erdos-renyi.ts';
import type { Ties } from '../engine/ties.ts';
import { emptyGroups, type Groups } from '../engine/groups.ts';
import { CONTROL, logLengthWord, newCustomerWord, type AgentSnapshot, type AttachRequest, type BuildRequest, type BuiltWorld, type TiesStep, type EdgeListPayload, type EngineWorkerApi, type PhaseOneResult, type PhaseTwoResult, type RunReport, type SharedControl } from './protocol.ts';

function edgeListInput(payload: EdgeListPayload | undefined): EdgeListInput | undefined {
  if (!payload) return undefined;
  const pairs = new PairList(0);
  pairs.u = payload.u;
  pairs.v = payload.v;
  pairs.length = payload.length;
  return { pairs, tiers: payload.tiers };
}

export class EngineCore implements EngineWorkerApi {
  private parts: WorldParts | null = null;
  private world: World | null = null;
  private ledger: Ledger | null = null;
  private control: SharedControl | null = null;
  private worker = 0;
  private workers = 1;
  private logViews: RecordLog[] = [];
  private spin = false;
  /** On shared memory, the building worker puts the arrays compiled word of mouth reads here. */
  private kernel: KernelMemory | null = null;

  build(request: BuildRequest): BuiltWorld {
    const kernel = request.shared && compiledWordOfMouthPays(request.scenario) ? KernelMemory.create(allocateShared) : null;
    const parts = createParts(request.scenario, request.seed, request.shared ? allocateShared : allocateLocal, edgeListInput(request.edgeList), kernel);
    return this.keep(parts, request.shared);
  }

  layout(request: BuildRequest): Population {
    // Only worlds that run the compiled word-of-mouth step need their arrays placed for it.
    this.kernel = compiledWordOfMouthPays(request.scenario) ? KernelMemory.create(allocateShared) : null;
    return layoutParts(request.scenario, request.seed, allocateShared, edgeListInput(request.edgeList));
  }

  traits(request: BuildRequest, population: Population): void {
    drawTraits(request.scenario, request.seed, population);
  }

  network(request: BuildRequest, population: Population): { ties: Ties; groups: Groups } {
    return buildNetwork(request.scenario, request.seed, population, allocateShared, edgeListInput(request.edgeList), this.kernel);
  }

  finish(request: BuildRequest, population: Population, network: { ties: Ties; groups?: Groups }): BuiltWorld {
    const groups = network.groups ?? emptyGroups(population.agents, allocateShared);
    const parts = finishParts(request.scenario, population, { ties: network.ties, groups }, allocateShared, this.kernel);
    this.kernel = null;
    return this.keep(parts, true);
  }

  planTies(request: BuildRequest): ErdosRenyiJob {
    return planErdosRenyi(request.scenario.population.agents, request.scenario.network.meanDegree, request.seed, allocateShared, this.kernel?.arrays);
  }

  tiesStep(step: TiesStep, job: ErdosRenyiJob, request: BuildRequest, population: Population, worker: number, workers: number): void {
    const mine = (count: number, run: (index: number) => void) => {
      for (let i = worker; i < count; i += workers) run(i);
    };
    if (step === 'generate') {
      mine(job.chunks, (c) => generateChunk(job, c));
      mine(traitChunks(population), (c) => drawTraitChunk(request.scenario, request.seed, population, c));
    } else if (step === 'partition') mine(job.chunks, (c) => partitionChunk(job, c));
    else if (step === 'count') mine(job.buckets, (b) => countBucket(job, b));
    else if (step === 'offsets') rowOffsets(job);
    else {
      mine(job.chunks, (c) => fillChunk(job, c));
      mine(job.buckets, (b) => fillBucket(job, b));
    }
  }

  private keep(parts: WorldParts, shared: boolean): BuiltWorld {
    this.parts = parts;
    return { parts: shared ? parts : null, agents: parts.population.agents, ties: parts.ties.count, tierSizes: [...parts.population.tierSizes] };
  }

  attach(request: AttachRequest): { setupSeconds: number; wordOfMouth: WordOfMouthKernel } {
    const started = performance.now();
    const parts = request.parts ?? this.parts ?? createParts(request.scenario, request.seed, allocateLocal, edgeListInput(request.edgeList));
    this.parts = parts;
    this.worker = request.worker;
    this.workers = request.workers;
    this.control = request.control ?? null;
    this.spin = request.spin ?? false;
    const control = request.control;
    const world = createWorld(request.scenario, request.seed, parts, { lo: request.lo, hi: request.hi, replica: !control }, control?.newCustomers.subarray(request.lo, request.hi));
    this.world = world;
    if (control) {
      // Everyone's new customers are read in place; their counts come from the control words each day.
      world.announced = Array.from({ length: request.workers }, (_, w) => {
        if (w === request.worker) return world.newCustomers;
        const [lo, hi] = agentRange(parts.population.agents, w, request.workers);
        return { list: control.newCustomers.subarray(lo, hi), count: 0 };
      });
      this.ledger = new Ledger(request.scenario.days, parts.population.tierSizes, request.worker === 0 ? control.series : undefined);
      this.setLogs(control.logs);
    }
    return { setupSeconds: (performance.now() - started) / 1000, wordOfMouth: wordOfMouthKernel(world) };
  }

  setLogs(logs: Int32Array[]): void {
    if (!this.control || !this.world) throw new Error('setLogs before attach');
    (this.control as { logs: Int32Array[] }).logs = logs;
    this.logViews = logs.map((data) => new RecordLog(0, true, data));
    this.world.log = this.logViews[this.worker];
  }

  runDays(from: number, to: number): RunReport {
    const world = this.requireWorld();
    const control = this.control;
    const ledger = this.ledger;
    if (!control || !ledger) throw new Error('runDays needs shared memory; use phaseOne/phaseTwo');
    const words = control.words;
    const W = this.workers;
    const T = world.params.tierCount;
    const slot = T * METRIC_COUNT;
    for (let day = from; day <= to; day++) {
      for (let w = 0; w < W; w++) world.announced[w].count = Atomics.load(words, newCustomerWord(w));
      if (day === 0) startPhase1(world);
      else dayPhase1(world, day);
      Atomics.store(words, logLengthWord(this.worker), world.log.length);
      if (world.log.overflowed) atomicMax(words, CONTROL.overflowNeeded, world.log.length);
      this.barrier();
      const needed = Atomics.load(words, CONTROL.overflowNeeded);
      if (needed > 0) {
        // Everyone saw the same flag after the barrier, so everyone stops at the same day.
        this.barrier();
        return { status: 'overflow', day: day - 1, needed };
      }
      for (let w = 0; w < W; w++) this.logViews[w].length = Atomics.load(words, logLengthWord(w));
      if (day === 0) startPhase2(world, this.logViews);
      else dayPhase2(world, day, this.logViews);
      Atomics.store(words, newCustomerWord(this.worker), world.newCustomers.count);
      control.counters.set(world.counters, (this.worker * 2 + (day & 1)) * slot);
      this.barrier(true);
      const perWorker: Float64Array[] = [];
      for (let w = 0; w < W; w++) perWorker.push(control.counters.subarray((w * 2 + (day & 1)) * slot, (w * 2 + (day & 1) + 1) * slot));
      ledger.record(day, perWorker);
      updateGlobals(world, ledger, day);
      if (Atomics.load(words, CONTROL.stopDecided) === 1) return { status: 'cancelled', day };
    }
    return { status: 'ok', day: to };
  }

  /** A reusable barrier for all workers; the last to arrive may decide to stop everyone. */
  private barrier(decideStop = false): void {
    const words = this.control!.words;
    const generation = Atomics.load(words, CONTROL.barrierGeneration);
    if (Atomics.add(words, CONTROL.barrierCount, 1) === this.workers - 1) {
      Atomics.store(words, CONTROL.barrierCount, 0);
      if (decideStop && Atomics.load(words, CONTROL.cancelRequested) === 1) Atomics.store(words, CONTROL.stopDecided, 1);
      Atomics.add(words, CONTROL.barrierGeneration, 1);
      Atomics.notify(words, CONTROL.barrierGeneration);
    } else {
      // With a core each, the others are usually a few microseconds away: waiting on the word for
      // a moment is cheaper than a sleep and a wake-up (tens of microseconds, twice a day).
      if (this.spin && spinUntilChanged(words, generation)) return;
      while (Atomics.load(words, CONTROL.barrierGeneration) === generation) Atomics.wait(words, CONTROL.barrierGeneration, generation, 1000);
    }
  }

  phaseOne(day: number, globals: { activeCustomers: number; adTargeting: number }, newCustomers: Int32Array[]): PhaseOneResult {
    const world = this.requireWorld();
    Object.assign(world.globals, globals);
    world.announced = newCustomers.map((list) => ({ list, count: list.length }));
    if (day === 0) startPhase1(world);
    else dayPhase1(world, day);
    const length = world.log.length;
    return { log: world.log.data.slice(0, length * RECORD_INTS), length };
  }

  phaseTwo(day: number, logs: PhaseOneResult[]): PhaseTwoResult {
    const world = this.requireWorld();
    const views = logs.map((l) => {
      const log = new RecordLog(0, false, l.log);
      log.length = l.length;
      return log;
    });
    if (day === 0) startPhase2(world, views);
    else dayPhase2(world, day, views);
    return { counters: world.counters.slice(), newCustomers: world.newCustomers.list.slice(0, world.newCustomers.count) };
  }

  flow(): Float64Array {
    return this.requireWorld().flow.slice();
  }

  snapshot(ids: Uint32Array): AgentSnapshot {
    const parts = this.parts;
    if (!parts) throw new Error('snapshot before build');
    const n = ids.length;
    const out = { tier: new Uint8Array(n), status: new Uint8Array(n), adoptDay: new Int16Array(n), firstChannel: new Int8Array(n), firstSource: new Int32Array(n) };
    const s = parts.state;
    for (let k = 0; k < n; k++) {
      const i = ids[k];
      out.tier[k] = parts.population.tier[i];
      out.status[k] = s.status[i];
      out.adoptDay[k] = s.adoptDay[i];
      out.firstChannel[k] = s.firstChannel[i];
      out.firstSource[k] = s.firstSource[i];
    }
    return out;
  }

  tiesAmong(ids: Uint32Array): Uint32Array {
    const parts = this.parts;
    if (!parts) throw new Error('tiesAmong before build');
    const position = new Map<number, number>();
    ids.forEach((id, k) => position.set(id, k));
    const pairs: number[] = [];
    const { offsets, neighbors } = parts.ties;
    ids.forEach((id, k) => {
      for (let e = offsets[id]; e < offsets[id + 1]; e++) {
        const other = position.get(neighbors[e]);
        if (other !== undefined && other > k) pairs.push(k, other);
      }
    });
    return Uint32Array.from(pairs);
  }

  fail(message: string): never {
    throw new Error(message);
  }

  private requireWorld(): World {
    if (!this.world) throw new Error('the worker has no world yet: call attach first');
    return this.world;
  }
}

/** Loads of the barrier word before sleeping: on the order of 100 microseconds. */
const BARRIER_SPINS = 20000;

/**
 * Whether the barrier's generation moves on within BARRIER_SPINS loads. A function of its own so
 * that the loop's optimised code ends in a plain return: code after a loop that was optimised
 * while it ran has no type feedback yet, and V8 would deoptimise there at every barrier.
 */
function spinUntilChanged(words: Int32Array, generation: number): boolean {
  for (let spin = 0; spin < BARRIER_SPINS; spin++) if (Atomics.load(words, CONTROL.barrierGeneration) !== generation) return true;
  return false;
}

function atomicMax(words: Int32Array, index: number, value: number): void {
  for (let current = Atomics.load(words, index); value > current; current = Atomics.load(words, index)) {
    if (Atomics.compareExchange(words, index, current, value) === current) return;
  }
}

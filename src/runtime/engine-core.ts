// What runs inside an engine worker (browser Web Worker or Node worker thread): builds or attaches
// to a world and drives the engine's day loop for its partition. On shared memory the workers run
// many days on their own, meeting at an Atomics barrier at the day's pauses; without it (a page on a
// plain static host) the coordinator answers each pause by message, carrying logs between workers.
import {
  Ledger,
  METRIC_COUNT,
  RECORD_INTS,
  RecordLog,
  WorldBuilder,
  agentRange,
  allocateLocal,
  cascadeOrder,
  cascadeRows,
  followShare,
  createParts,
  createWorld,
  dayLoop,
  networkReport,
  runBuildTasks,
  wordOfMouthKernel,
  type CascadeRows,
  type DayLoop,
  type NetworkReport,
  type ShareTrail,
  type SharedBuild,
  type WordOfMouthKernel,
  type World,
  type WorldParts,
} from '../engine/index.ts';
import { CONTROL, logLengthWord, newCustomerWord, type AgentSnapshot, type AttachRequest, type BuildRequest, type BuiltWorld, type EngineWorkerApi, type PhaseOneResult, type PhaseTwoResult, type RunReport, type SharedControl } from './protocol.ts';

export class EngineCore implements EngineWorkerApi {
  private parts: WorldParts | null = null;
  private world: World | null = null;
  private ledger: Ledger | null = null;
  private control: SharedControl | null = null;
  private worker = 0;
  private workers = 1;
  private logViews: RecordLog[] = [];
  private spin = false;
  /** The build this worker started (shared memory): it runs task 0 of every step and finishes it. */
  private builder: WorldBuilder | null = null;
  /** Transfer mode: the day loop between the coordinator's messages. */
  private days: DayLoop | null = null;
  /** Customers by day then agent, from the last orderCascades. */
  private cascades: Int32Array | null = null;

  build(request: BuildRequest): BuiltWorld {
    if (!request.shared) return this.keep(createParts(request.scenario, request.seed, request.params, allocateLocal, request.edgeList), false);
    const build = this.startBuild(request);
    for (let step = 0; step < build.steps.length; step++) this.buildTasks(request, build, step, 0, 1);
    return this.finishBuild();
  }

  startBuild(request: BuildRequest): SharedBuild {
    this.builder = WorldBuilder.shared(request);
    return this.builder.build;
  }

  buildTasks(request: BuildRequest, build: SharedBuild, step: number, worker: number, workers: number): void {
    runBuildTasks(request, build, step, worker, workers, this.builder ?? undefined);
  }

  finishBuild(): BuiltWorld {
    if (!this.builder) throw new Error('finishBuild before startBuild');
    const parts = this.builder.finish();
    this.builder = null;
    return this.keep(parts, true);
  }

  private keep(parts: WorldParts, shared: boolean): BuiltWorld {
    this.parts = parts;
    return { parts: shared ? parts : null, agents: parts.population.agents, ties: parts.ties.count, tierSizes: [...parts.population.tierSizes] };
  }

  attach(request: AttachRequest): { setupSeconds: number; wordOfMouth: WordOfMouthKernel } {
    const started = performance.now();
    const parts = request.parts ?? this.parts ?? createParts(request.scenario, request.seed, request.params, allocateLocal, request.edgeList);
    this.parts = parts;
    this.worker = request.worker;
    this.workers = request.workers;
    this.control = request.control ?? null;
    this.spin = request.spin ?? false;
    const control = request.control;
    const world = createWorld(request.scenario, request.seed, parts, request.params, { lo: request.lo, hi: request.hi, replica: !control }, control?.newCustomers.subarray(request.lo, request.hi));
    this.world = world;
    this.ledger = new Ledger(request.scenario.days, parts.population.tierSizes, control && request.worker === 0 ? control.series : undefined);
    if (control) {
      // Everyone's new customers are read in place; their counts come from the control words each day.
      world.announced = Array.from({ length: request.workers }, (_, w) => {
        if (w === request.worker) return world.newCustomers;
        const [lo, hi] = agentRange(parts.population.agents, w, request.workers);
        return { list: control.newCustomers.subarray(lo, hi), count: 0 };
      });
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

  /** The day loop on shared memory: each pause is a barrier, after which every worker's logs or counters are read in place. */
  runDays(from: number, to: number): RunReport {
    const world = this.requireWorld();
    const control = this.control;
    const ledger = this.ledger!;
    if (!control) throw new Error('runDays needs shared memory; use the transfer calls');
    const words = control.words;
    const W = this.workers;
    const slot = world.params.tierCount * METRIC_COUNT;
    const perWorker: Float64Array[] = new Array(W);
    for (let w = 0; w < W; w++) world.announced[w].count = Atomics.load(words, newCustomerWord(w));
    const days = dayLoop(world, ledger, from, to);
    for (let pause = days.next(); !pause.done; ) {
      const { day, kind } = pause.value;
      if (kind === 'records') {
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
        pause = days.next(this.logViews);
      } else if (kind === 'counters') {
        Atomics.store(words, newCustomerWord(this.worker), world.newCustomers.count);
        control.counters.set(world.counters, (this.worker * 2 + (day & 1)) * slot);
        this.barrier(true);
        for (let w = 0; w < W; w++) {
          perWorker[w] = control.counters.subarray((w * 2 + (day & 1)) * slot, (w * 2 + (day & 1) + 1) * slot);
          world.announced[w].count = Atomics.load(words, newCustomerWord(w));
        }
        pause = days.next(perWorker);
      } else {
        if (Atomics.load(words, CONTROL.stopDecided) === 1) return { status: 'cancelled', day };
        pause = days.next();
      }
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

  transferStart(from: number, to: number): PhaseOneResult {
    const world = this.requireWorld();
    this.days = dayLoop(world, this.ledger!, from, to);
    return this.logOf(this.days.next().value);
  }

  transferRecords(logs: PhaseOneResult[]): PhaseTwoResult {
    const world = this.requireWorld();
    const views = logs.map((l) => {
      const log = new RecordLog(0, false, l.log);
      log.length = l.length;
      return log;
    });
    const pause = this.requireDays().next(views).value;
    if (!pause || pause.kind !== 'counters') throw new Error('transferRecords out of turn');
    return { day: pause.day, counters: world.counters.slice(), newCustomers: world.newCustomers.list.slice(0, world.newCustomers.count) };
  }

  transferCounters(counters: Float64Array[], newCustomers: Int32Array[], more: boolean): PhaseOneResult | null {
    const world = this.requireWorld();
    world.announced = newCustomers.map((list) => ({ list, count: list.length }));
    const days = this.requireDays();
    const end = days.next(counters).value;
    if (!end || end.kind !== 'end') throw new Error('transferCounters out of turn');
    if (!more) return null;
    const next = days.next();
    return next.done ? null : this.logOf(next.value);
  }

  private logOf(pause: { kind: string } | void): PhaseOneResult {
    if (!pause || pause.kind !== 'records') throw new Error('expected the records pause of a day');
    const log = this.requireWorld().log;
    return { log: log.data.slice(0, log.length * RECORD_INTS), length: log.length };
  }

  private requireDays(): DayLoop {
    if (!this.days) throw new Error('transferStart first');
    return this.days;
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

  orderCascades(): number {
    const world = this.requireWorld();
    // A replica or the shared state holds everyone's first purchase, not only this worker's. The
    // old order goes first, so two are never held at once.
    this.cascades = null;
    this.cascades = cascadeOrder(world.state, world.days);
    return this.cascades.length;
  }

  cascadeRows(from: number, to: number): CascadeRows {
    if (!this.cascades) throw new Error('cascadeRows before orderCascades');
    const world = this.requireWorld();
    return cascadeRows(world.state, world.population, this.cascades, from, to);
  }

  followShare(agent: number, limit: number): ShareTrail {
    const world = this.requireWorld();
    return followShare(world.state, world.population, world.days, agent, limit);
  }

  networkReport(): NetworkReport {
    const world = this.requireWorld();
    return networkReport(world.scenario, world, world.seed);
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

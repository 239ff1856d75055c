// Runs the word-of-mouth step with the WebAssembly build of word-of-mouth.wat, over a world whose
// ties, status and word-of-mouth table live in a kernel memory (kernel-memory.ts). The module
// writes the slots itself; what else the TypeScript loop would do — queue arrivals, log today's
// conversions — it hands back in two lists of pairs, which are replayed here in the same order.
import { CH_DIRECT } from './parameters.ts';
import { EXPOSE } from './record-log.ts';
import { placeRegion } from './kernel-memory.ts';
import { WORD_OF_MOUTH_WASM } from './word-of-mouth-wasm.ts';
// Type imports only (world.ts makes this module's class): written so no import cycle appears.
type World = import('./world.ts').World;
type WorldParts = import('./world.ts').WorldParts;

type Propose = (
  day: number, last: number, lo: number, hi: number, backward: number, key: number, list: number, count: number,
  offsets: number, neighbors: number, status: number, slots: number, sources: number,
  arrivals: number, today: number, capacity: number,
) => number;

/** Sources copied into the memory per call. */
const LIST_BATCH = 8192;
/** Pairs each output holds at first, at most (grown for a longer row). */
const FIRST_CAPACITY = 65536;

/** How a world runs word of mouth along ties: compiled, in TypeScript (identical results), or not at all. */
export type WordOfMouthKernel = 'webassembly' | 'typescript' | 'off';

export function wordOfMouthKernel(world: World): WordOfMouthKernel {
  if (world.compiledWordOfMouth) return 'webassembly';
  return world.wordOfMouth.day.length > 0 ? 'typescript' : 'off';
}

let compiled: WebAssembly.Module | null = null;

function wordOfMouthModule(): WebAssembly.Module {
  if (!compiled) {
    const text = atob(WORD_OF_MOUTH_WASM);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    compiled = new WebAssembly.Module(bytes);
  }
  return compiled;
}

export class CompiledWordOfMouth {
  private readonly propose: Propose;
  private readonly arrivalCount: WebAssembly.Global;
  private readonly todayCount: WebAssembly.Global;
  private readonly list: Int32Array;
  private arrivals!: Int32Array;
  private today!: Int32Array;
  private capacity = 0;
  private readonly firstCapacity: number;
  /** Addresses of the world's arrays in the memory. */
  private readonly at: { offsets: number; neighbors: number; status: number; slots: number; sources: number };

  private constructor(private readonly memory: WebAssembly.Memory, parts: WorldParts) {
    const instance = new WebAssembly.Instance(wordOfMouthModule(), { env: { memory, log: Math.log } });
    const exports = instance.exports as { propose: Propose; arrivals: WebAssembly.Global; today: WebAssembly.Global };
    this.propose = exports.propose;
    this.arrivalCount = exports.arrivals;
    this.todayCount = exports.today;
    this.list = this.place(LIST_BATCH);
    // A small world needs little room: a batch's pairs are at most its rows' entries.
    this.firstCapacity = Math.max(1024, Math.min(FIRST_CAPACITY, parts.ties.neighbors.length));
    this.reserve(this.firstCapacity);
    this.at = {
      offsets: parts.ties.offsets.byteOffset,
      neighbors: parts.ties.neighbors.byteOffset,
      status: parts.state.status.byteOffset,
      slots: parts.wordOfMouth.day.byteOffset,
      sources: parts.state.wordOfMouthSource.byteOffset,
    };
  }

  /** The compiled step for a world, or null when its arrays are not all in a kernel memory. */
  static forWorld(parts: WorldParts): CompiledWordOfMouth | null {
    const memory = parts.kernelMemory;
    if (!memory || parts.wordOfMouth.day.length === 0) return null;
    try {
      return new CompiledWordOfMouth(memory, parts);
    } catch {
      // No room for the scratch, or WebAssembly refused the module: the TypeScript loop runs.
      return null;
    }
  }

  /** wordOfMouthProposals for one day. */
  run(world: World, day: number): void {
    const { lo, hi } = world.partition;
    const backward = hi >= world.population.agents ? 1 : 0;
    const key = world.keys.wordOfMouth | 0;
    const last = world.days;
    const at = this.at;
    const { offsets } = world.ties;
    const list = this.list;
    for (let w = 0; w < world.announced.length; w++) {
      const announced = world.announced[w];
      for (let k = 0; k < announced.count; ) {
        const batch = Math.min(announced.count - k, LIST_BATCH);
        // Copied by hand: a subarray would allocate every day.
        for (let i = 0; i < batch; i++) list[i] = announced.list[k + i];
        for (let done = 0; done < batch; ) {
          const reached = this.propose(
            day, last, lo, hi, backward, key, list.byteOffset + 4 * done, batch - done,
            at.offsets, at.neighbors, at.status, at.slots, at.sources,
            this.arrivals.byteOffset, this.today.byteOffset, this.capacity,
          );
          this.replay(world, day, this.arrivalCount.value as number, this.todayCount.value as number);
          if (reached === 0) {
            // The next source's row is longer than the outputs: make room for it.
            const source = list[done];
            this.reserve(offsets[source + 1] - offsets[source]);
          }
          done += reached;
        }
        k += batch;
      }
    }
  }

  private replay(world: World, day: number, arrivalCount: number, todayCount: number): void {
    const arrivals = this.arrivals;
    const queue = world.queues.wordOfMouth;
    for (let i = 0; i < 2 * arrivalCount; i += 2) queue.push(arrivals[i], arrivals[i + 1]);
    const today = this.today;
    const log = world.log;
    for (let i = 0; i < 2 * todayCount; i += 2) log.push(EXPOSE, CH_DIRECT, 1, today[i], today[i + 1], day);
  }

  private reserve(pairs: number): void {
    this.capacity = Math.max(pairs, this.firstCapacity);
    this.arrivals = this.place(2 * this.capacity);
    this.today = this.place(2 * this.capacity);
  }

  /** Int32s of this worker's own in the memory. */
  private place(ints: number): Int32Array {
    const region = placeRegion(this.memory, 4 * ints);
    if (!region) throw new RangeError('no room in the kernel memory for the word-of-mouth scratch');
    return new Int32Array(region.buffer, region.byteOffset, ints);
  }
}

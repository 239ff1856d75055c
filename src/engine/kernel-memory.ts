// The arrays the compiled word-of-mouth step reads (the ties, status, the word-of-mouth table and
// its sources) placed in one shared WebAssembly memory: a WebAssembly module can address only its
// memory. Each array takes whole 64 KiB pages, got by growing the memory; growing is atomic, so
// every worker can also place its own scratch there without a lock. Views made before a grow stay
// valid (a shared memory's buffer is never detached), and fresh pages are zero, as new arrays are.
import { type Allocate, type Arrays } from './memory.ts';

const PAGE = 65536;
/** 4 GiB, all a 32-bit WebAssembly memory can address. */
const MAX_PAGES = 65536;

export class KernelMemory {
  /** False once an array did not fit and was put in ordinary memory instead: then the compiled
   *  step cannot run on this world, and the TypeScript one does. */
  complete = true;

  private constructor(
    readonly memory: WebAssembly.Memory,
    private readonly fallback: Allocate,
  ) {}

  /** A kernel memory, or null where shared WebAssembly memory is not available. (`maximumPages`
   *  below 4 GiB only in tests, to see a world that does not fit fall back.) */
  static create(fallback: Allocate, maximumPages = MAX_PAGES): KernelMemory | null {
    if (typeof WebAssembly === 'undefined' || typeof SharedArrayBuffer === 'undefined') return null;
    try {
      // Page 0 stays empty: no array lives at address 0.
      return new KernelMemory(new WebAssembly.Memory({ initial: 1, maximum: maximumPages, shared: true }), fallback);
    } catch {
      return null;
    }
  }

  /** Start → length of every region handed out. */
  private readonly regions = new Map<number, number>();

  /** A region of `bytes` at a fresh address of the memory (its byteOffset), or elsewhere if full. */
  region(bytes: number): { buffer: ArrayBufferLike; byteOffset: number } {
    const placed = placeRegion(this.memory, bytes);
    if (!placed) {
      this.complete = false;
      return { buffer: this.fallback(bytes), byteOffset: 0 };
    }
    this.regions.set(placed.byteOffset, bytes);
    return placed;
  }

  /** Whether a view (perhaps a copy sent by another thread) is on a region of this memory. */
  holds(view: ArrayBufferView): boolean {
    const length = this.regions.get(view.byteOffset);
    return view.buffer instanceof SharedArrayBuffer && length !== undefined && view.byteLength <= length;
  }

  readonly arrays: Arrays = {
    u8: (n) => new Uint8Array(...this.view(n)),
    i8: (n) => new Int8Array(...this.view(n)),
    u16: (n) => new Uint16Array(...this.view(2 * n, n)),
    i16: (n) => new Int16Array(...this.view(2 * n, n)),
    u32: (n) => new Uint32Array(...this.view(4 * n, n)),
    i32: (n) => new Int32Array(...this.view(4 * n, n)),
    f32: (n) => new Float32Array(...this.view(4 * n, n)),
    f64: (n) => new Float64Array(...this.view(8 * n, n)),
  };

  private view(bytes: number, length = bytes): [ArrayBufferLike, number, number] {
    const { buffer, byteOffset } = this.region(bytes);
    return [buffer, byteOffset, length];
  }
}

/** Grows `memory` by the pages `bytes` need; returns where they start, or null if it cannot grow. */
export function placeRegion(memory: WebAssembly.Memory, bytes: number): { buffer: ArrayBufferLike; byteOffset: number } | null {
  try {
    const first = memory.grow(Math.ceil(bytes / PAGE));
    return { buffer: memory.buffer, byteOffset: first * PAGE };
  } catch {
    return null;
  }
}

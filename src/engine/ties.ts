// Compressed sparse rows of undirected ties, built from a list of pairs: each row sorted, no
// self-ties, no duplicate ties. Rows are sorted so a tie can be found by binary search and so the
// layout (and every result that walks it) is the same however the pairs were produced.
import { arrays, allocateLocal, type Allocate, type Arrays } from './memory.ts';

export interface Ties {
  readonly agents: number;
  /** Row i is neighbors[offsets[i] .. offsets[i+1]-1]. */
  readonly offsets: Uint32Array;
  readonly neighbors: Uint32Array;
  /** Undirected ties after removing duplicates. */
  readonly count: number;
}

/** A growable list of (u, v) pairs on typed arrays. */
export class PairList {
  u: Uint32Array;
  v: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.u = new Uint32Array(Math.max(16, capacity));
    this.v = new Uint32Array(Math.max(16, capacity));
  }
  push(a: number, b: number): void {
    if (this.length === this.u.length) {
      const grow = (x: Uint32Array) => {
        const y = new Uint32Array(Math.ceil(x.length * 1.5));
        y.set(x);
        return y;
      };
      this.u = grow(this.u);
      this.v = grow(this.v);
    }
    this.u[this.length] = a;
    this.v[this.length++] = b;
  }
}

const MAX_ENTRIES = 4294967295;

/** Rows from pairs; `hot` makes the rows (see kernel-memory.ts). */
export function tiesFromPairs(agents: number, pairs: Pick<PairList, 'u' | 'v' | 'length'>, allocate: Allocate = allocateLocal, hot: Arrays = arrays(allocate)): Ties {
  const m = pairs.length;
  if (2 * m > MAX_ENTRIES) throw new RangeError(`${m} ties exceed the ${MAX_ENTRIES / 2} a network can hold`);
  const offsets = hot.u32(agents + 1);
  const { u, v } = pairs;
  for (let e = 0; e < m; e++) {
    offsets[u[e] + 1]++;
    offsets[v[e] + 1]++;
  }
  for (let i = 0; i < agents; i++) offsets[i + 1] += offsets[i];
  const neighbors = hot.u32(2 * m);
  const fill = new Uint32Array(offsets.subarray(0, agents));
  for (let e = 0; e < m; e++) {
    const a = u[e];
    const b = v[e];
    neighbors[fill[a]++] = b;
    neighbors[fill[b]++] = a;
  }
  // Sort each row, drop self-ties and duplicates, and close the gaps in one left-to-right pass.
  let write = 0;
  let start = 0;
  for (let i = 0; i < agents; i++) {
    const end = offsets[i + 1];
    sortRow(neighbors, start, end);
    const rowStart = write;
    for (let k = start; k < end; k++) {
      const x = neighbors[k];
      if (x === i || (write > rowStart && neighbors[write - 1] === x)) continue;
      neighbors[write++] = x;
    }
    offsets[i] = rowStart;
    start = end;
  }
  offsets[agents] = write;
  // A view, not a copy: the few slots freed by duplicates stay unused rather than doubling memory.
  return { agents, offsets, neighbors: neighbors.subarray(0, write), count: write / 2 };
}

function sortRow(a: Uint32Array, start: number, end: number): void {
  if (end - start > 24) {
    a.subarray(start, end).sort();
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= start && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

/** Whether i and j are tied (binary search in i's sorted row). */
export function hasTie(ties: Ties, i: number, j: number): boolean {
  let lo = ties.offsets[i];
  let hi = ties.offsets[i + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = ties.neighbors[mid];
    if (x === j) return true;
    if (x < j) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

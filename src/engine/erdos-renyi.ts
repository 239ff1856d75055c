// A simple random graph with exactly round(agents · meanDegree / 2) ties, built in steps that
// several workers can share — the graph is the same however the steps are split.
//
// Rows are cut into chunks of 2^16 agents. The ties whose smaller end lies in a chunk are
// counted first (sequential binomials over chunks), then each chunk draws, row by row, how many of
// its ties start at agent u and which distinct agents above u they reach, from a stream of its
// own. (Binomial rather than hypergeometric counts: indistinguishable at these sizes.) Because u
// only increases, each row's "larger" neighbours come out sorted. The mirror entries (v gets u) are
// the one scattered write per tie — the bottleneck of graph building at 10^7 agents — so they are
// first partitioned into buckets of 2^16 rows, keeping each bucket's writes within a few megabytes.
import { binomial } from './distributions.ts';
import { allocateLocal, arrays, type Allocate, type Arrays } from './memory.ts';
import { stream } from './random.ts';
import type { Ties } from './ties.ts';

const CHUNK_BITS = 16;
const BUCKET_BITS = 16;

export interface ErdosRenyiJob {
  readonly agents: number;
  readonly seed: number;
  readonly ties: number;
  readonly chunks: number;
  readonly buckets: number;
  /** Where chunk c's forward entries start, and (at c = chunks) their total. */
  readonly chunkStart: Float64Array;
  readonly forwardCount: Uint32Array;
  readonly forward: Uint32Array;
  /** Mirror entries per [chunk * buckets + bucket]. */
  readonly chunkBucket: Uint32Array;
  readonly mirrorSource: Uint32Array;
  readonly mirrorTarget: Uint16Array;
  readonly backwardCount: Uint32Array;
  readonly offsets: Uint32Array;
  readonly neighbors: Uint32Array;
}

/**
 * Step 0 (one worker): how many ties each chunk holds, and every buffer the steps fill; the ties
 * themselves (offsets, neighbors) are made with `hot` (see kernel-memory.ts), the scratch with
 * `allocate`.
 */
export function planErdosRenyi(agents: number, meanDegree: number, seed: number, allocate: Allocate, hot?: Arrays): ErdosRenyiJob {
  const mem = arrays(allocate);
  const n = agents;
  const ties = n < 2 ? 0 : Math.min(Math.round((n * meanDegree) / 2), (n * (n - 1)) / 2);
  if (2 * ties > 4294967295) throw new RangeError(`${ties} ties exceed what one network can hold (2,147,483,647)`);
  const chunks = Math.max(1, Math.ceil(n / (1 << CHUNK_BITS)));
  const buckets = (n >>> BUCKET_BITS) + 1;
  const chunkStart = new Float64Array(allocate(8 * (chunks + 1)));
  const next = stream(seed, 'network');
  let left = ties;
  let pairsLeft = (n * (n - 1)) / 2;
  for (let c = 0; c < chunks; c++) {
    const lo = c << CHUNK_BITS;
    const hi = Math.min(n, (c + 1) << CHUNK_BITS);
    // Pairs whose smaller end lies in [lo, hi): Σ (n − 1 − u).
    const pairs = ((hi - lo) * (2 * n - 1 - lo - hi)) / 2;
    const k = c === chunks - 1 ? left : binomial(next, left, pairsLeft > 0 ? pairs / pairsLeft : 0);
    chunkStart[c + 1] = chunkStart[c] + k;
    left -= k;
    pairsLeft -= pairs;
  }
  return {
    agents: n,
    seed,
    ties,
    chunks,
    buckets,
    chunkStart,
    forwardCount: mem.u32(n),
    forward: mem.u32(ties),
    chunkBucket: mem.u32(chunks * buckets),
    mirrorSource: mem.u32(ties),
    mirrorTarget: mem.u16(ties),
    backwardCount: mem.u32(n),
    offsets: (hot ?? mem).u32(n + 1),
    neighbors: (hot ?? mem).u32(2 * ties),
  };
}

/** Step 1 (chunks shared among workers): each row's distinct larger neighbours, sorted. */
export function generateChunk(job: ErdosRenyiJob, c: number): void {
  const { agents: n, forward, forwardCount, chunkBucket, buckets } = job;
  const lo = c << CHUNK_BITS;
  const hi = Math.min(n, (c + 1) << CHUNK_BITS);
  const next = stream(job.seed, `network:${c}`);
  let left = job.chunkStart[c + 1] - job.chunkStart[c];
  let pairsLeft = 0;
  for (let u = lo; u < hi; u++) pairsLeft += n - 1 - u;
  let at = job.chunkStart[c];
  for (let u = lo; u < hi && u < n - 1; u++) {
    const above = n - 1 - u;
    const k = left === 0 ? 0 : Math.min(above, pairsLeft === above ? left : binomial(next, left, above / pairsLeft));
    pairsLeft -= above;
    left -= k;
    const start = at;
    for (let e = 0; e < k; e++) {
      for (;;) {
        const v = u + 1 + Math.floor(next() * above);
        let x = at;
        while (x > start && forward[x - 1] > v) x--;
        if (x > start && forward[x - 1] === v) continue;
        for (let y = at; y > x; y--) forward[y] = forward[y - 1];
        forward[x] = v;
        at++;
        chunkBucket[c * buckets + (v >>> BUCKET_BITS)]++;
        break;
      }
    }
    forwardCount[u] = k;
  }
}

/** Step 2 (chunks shared): mirror entries into buckets of v, u increasing within a bucket. */
export function partitionChunk(job: ErdosRenyiJob, c: number): void {
  const { agents: n, chunks, buckets, chunkBucket, forward, forwardCount, mirrorSource, mirrorTarget } = job;
  // Start of (bucket b, chunk c): every earlier bucket, then bucket b's entries of earlier chunks.
  const fill = new Float64Array(buckets);
  let position = 0;
  for (let b = 0; b < buckets; b++) {
    for (let k = 0; k < chunks; k++) {
      if (k === c) fill[b] = position;
      position += chunkBucket[k * buckets + b];
    }
  }
  const lo = c << CHUNK_BITS;
  const hi = Math.min(n, (c + 1) << CHUNK_BITS);
  for (let u = lo, read = job.chunkStart[c]; u < hi; u++) {
    for (let e = forwardCount[u]; e > 0; e--) {
      const v = forward[read++];
      const slot = fill[v >>> BUCKET_BITS]++;
      mirrorSource[slot] = u;
      mirrorTarget[slot] = v & 0xffff;
    }
  }
}

function bucketRange(job: ErdosRenyiJob, b: number): [number, number] {
  let start = 0;
  for (let k = 0; k < b * job.chunks; k++) start += job.chunkBucket[(k % job.chunks) * job.buckets + Math.floor(k / job.chunks)];
  let end = start;
  for (let k = 0; k < job.chunks; k++) end += job.chunkBucket[k * job.buckets + b];
  return [start, end];
}

/** Step 3 (buckets shared): how many smaller neighbours each row of the bucket has. */
export function countBucket(job: ErdosRenyiJob, b: number): void {
  const [start, end] = bucketRange(job, b);
  const base = b << BUCKET_BITS;
  for (let slot = start; slot < end; slot++) job.backwardCount[base + job.mirrorTarget[slot]]++;
}

/** Step 4 (one worker): row offsets. */
export function rowOffsets(job: ErdosRenyiJob): void {
  const { agents: n, offsets, forwardCount, backwardCount } = job;
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + forwardCount[i] + backwardCount[i];
}

/** Step 5a (chunks shared): each row's larger neighbours into its tail. */
export function fillChunk(job: ErdosRenyiJob, c: number): void {
  const { agents: n, offsets, forwardCount, forward, neighbors } = job;
  const lo = c << CHUNK_BITS;
  const hi = Math.min(n, (c + 1) << CHUNK_BITS);
  for (let u = lo, read = job.chunkStart[c]; u < hi; u++) {
    const tail = offsets[u + 1] - forwardCount[u];
    for (let e = 0; e < forwardCount[u]; e++) neighbors[tail + e] = forward[read++];
  }
}

/** Step 5b (buckets shared): each row's smaller neighbours, in increasing order, into its head. */
export function fillBucket(job: ErdosRenyiJob, b: number): void {
  const [start, end] = bucketRange(job, b);
  const base = b << BUCKET_BITS;
  const rows = Math.min(1 << BUCKET_BITS, job.agents - base);
  const cursor = new Uint32Array(Math.max(0, rows));
  for (let r = 0; r < rows; r++) cursor[r] = job.offsets[base + r];
  for (let slot = start; slot < end; slot++) job.neighbors[cursor[job.mirrorTarget[slot]]++] = job.mirrorSource[slot];
}

export function finishedTies(job: ErdosRenyiJob): Ties {
  const entries = job.offsets[job.agents];
  return { agents: job.agents, offsets: job.offsets, neighbors: job.neighbors.subarray(0, entries), count: entries / 2 };
}

/** Every step in turn, in this thread. */
export function erdosRenyiTies(agents: number, meanDegree: number, seed: number, allocate: Allocate = allocateLocal, hot?: Arrays): Ties {
  const job = planErdosRenyi(agents, meanDegree, seed, allocate, hot);
  for (let c = 0; c < job.chunks; c++) generateChunk(job, c);
  for (let c = 0; c < job.chunks; c++) partitionChunk(job, c);
  for (let b = 0; b < job.buckets; b++) countBucket(job, b);
  rowOffsets(job);
  for (let c = 0; c < job.chunks; c++) fillChunk(job, c);
  for (let b = 0; b < job.buckets; b++) fillBucket(job, b);
  return finishedTies(job);
}

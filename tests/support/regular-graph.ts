// A random d-regular graph for oracle tests, written as an edge-list CSV: the configuration model
// (stubs paired at random), then each self-tie or repeated tie swapped with a random other tie
// until none is left — a simple graph in which every agent has exactly d friends.
import { writeFileSync } from 'node:fs';

/** Mulberry32: a small seeded generator, so the test graph is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ties as two arrays u[i]–v[i]: n·d/2 of them. */
export function randomRegularGraph(n: number, d: number, seed: number): { u: Uint32Array; v: Uint32Array } {
  if ((n * d) % 2 !== 0) throw new Error('n·d must be even');
  const random = mulberry32(seed);
  const stubs = new Uint32Array(n * d);
  for (let i = 0; i < stubs.length; i++) stubs[i] = Math.floor(i / d);
  for (let i = stubs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [stubs[i], stubs[j]] = [stubs[j], stubs[i]];
  }
  const m = stubs.length / 2;
  const u = stubs.subarray(0, m).slice();
  const v = stubs.subarray(m).slice();
  const key = (a: number, b: number) => (a < b ? a * n + b : b * n + a);
  const count = new Map<number, number>();
  for (let e = 0; e < m; e++) count.set(key(u[e], v[e]), (count.get(key(u[e], v[e])) ?? 0) + 1);
  const bad = (e: number) => u[e] === v[e] || count.get(key(u[e], v[e]))! > 1;
  for (let e = 0; e < m; e++) {
    while (bad(e)) {
      // Swap ends with a random tie f: (a, b), (c, d) → (a, d), (c, b), kept only if both are new.
      const f = Math.floor(random() * m);
      const [a, b, c, dd] = [u[e], v[e], u[f], v[f]];
      if (f === e || a === dd || c === b || count.has(key(a, dd)) || count.has(key(c, b))) continue;
      for (const k of [key(a, b), key(c, dd)]) {
        const left = count.get(k)! - 1;
        if (left === 0) count.delete(k);
        else count.set(k, left);
      }
      v[e] = dd;
      v[f] = b;
      count.set(key(a, dd), 1);
      count.set(key(c, b), 1);
    }
  }
  return { u, v };
}

/** Writes the ties as `source,target` lines. */
export function writeEdgeList(file: string, ties: { u: Uint32Array; v: Uint32Array }): void {
  const lines = ['source,target'];
  for (let e = 0; e < ties.u.length; e++) lines.push(`${ties.u[e]},${ties.v[e]}`);
  writeFileSync(file, lines.join('\n') + '\n');
}

// The Watts–Strogatz small world (Nature 393, 1998): agents on a ring, each tied to the `degree`/2
// nearest on either side; then, lap by lap (nearest neighbours first), each tie (i, i+j) is rewired
// with chance β to (i, w), w drawn uniformly among agents that are neither i nor already tied to i.
// Ties stay n·degree/2, so the mean degree is exactly `degree`; β = 0 is the lattice, β = 1 close
// to a random graph. Built in one thread from the network stream, so the same for any workers.
import { allocateLocal, type Allocate, type Arrays } from './memory.ts';
import { stream } from './random.ts';
import { PairList, tiesFromPairs, type Ties } from './ties.ts';

export function smallWorldTies(agents: number, degree: number, rewiring: number, seed: number, allocate: Allocate = allocateLocal, hot?: Arrays): Ties {
  const half = degree / 2;
  if (!Number.isInteger(half) || degree >= agents) throw new RangeError(`a small world of ${agents} agents needs an even degree below the number of agents, got ${degree}`);
  const next = stream(seed, 'network');
  // removed[i·half + j − 1]: the lattice tie (i, i+j) was rewired away.
  const removed = new Uint8Array(agents * half);
  const rewired = new Set<number>();
  const pairs = new PairList((agents * degree) / 2);
  const key = (a: number, b: number) => (a < b ? a * agents + b : b * agents + a);
  const latticeTie = (a: number, b: number) => {
    const forward = (b - a + agents) % agents;
    if (forward >= 1 && forward <= half) return removed[a * half + forward - 1] === 0;
    const backward = agents - forward;
    return backward >= 1 && backward <= half && removed[b * half + backward - 1] === 0;
  };
  const tied = (a: number, b: number) => latticeTie(a, b) || rewired.has(key(a, b));
  for (let j = 1; j <= half; j++) {
    for (let i = 0; i < agents; i++) {
      if (next() >= rewiring) continue;
      let w: number;
      // An agent already tied to everyone keeps its tie (only possible for tiny rings).
      let tries = 0;
      do w = Math.floor(next() * agents);
      while ((w === i || tied(i, w)) && ++tries < 64 * agents);
      if (w === i || tied(i, w)) continue;
      removed[i * half + j - 1] = 1;
      rewired.add(key(i, w));
      pairs.push(i, w);
    }
  }
  for (let i = 0; i < agents; i++) for (let j = 1; j <= half; j++) if (removed[i * half + j - 1] === 0) pairs.push(i, (i + j) % agents);
  return tiesFromPairs(agents, pairs, allocate, hot);
}

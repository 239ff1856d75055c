// A random d-regular graph: every agent has exactly d friends, no self-ties, no duplicate ties.
//
// The pairing model with rejection (pair all d·n tie ends at random, start again on any loop or
// double tie) is exactly uniform but needs about e^((d²−1)/4) attempts — thousands at d = 6. So
// this is the sequential pairing of Steger and Wormald (1999): draw two unpaired ends at random
// and join them unless that makes a loop or a double tie; if no allowed pair is left, start again.
// Its graphs are asymptotically uniform for d small against n (d = o(n^(1/28)) proved, and
// indistinguishable from uniform in practice for any d ≪ n), and an attempt rarely fails.
import { allocateLocal, type Allocate, type Arrays } from './memory.ts';
import { stream, type Stream } from './random.ts';
import { PairList, tiesFromPairs, type Ties } from './ties.ts';

/** Consecutive refused draws after which the remaining ends are searched for an allowed pair. */
const REFUSALS_BEFORE_SEARCH = 256;
const ATTEMPTS = 100;

export function randomRegularTies(agents: number, degree: number, seed: number, allocate: Allocate = allocateLocal, hot?: Arrays): Ties {
  if ((agents * degree) % 2 !== 0 || degree >= agents) {
    throw new RangeError(`a ${degree}-regular graph on ${agents} agents needs agents·degree even and degree < agents`);
  }
  const next = stream(seed, 'network');
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const pairs = pairEnds(agents, degree, next);
    if (pairs) return tiesFromPairs(agents, pairs, allocate, hot);
  }
  throw new Error(`no ${degree}-regular graph on ${agents} agents after ${ATTEMPTS} attempts`);
}

/** One attempt: the pairs, or null when the ends left can no longer be paired. */
function pairEnds(agents: number, degree: number, next: Stream): PairList | null {
  const ends = new Uint32Array(agents * degree);
  for (let e = 0; e < ends.length; e++) ends[e] = Math.floor(e / degree);
  const friends = new Uint32Array(agents * degree);
  const count = new Uint32Array(agents);
  const pairs = new PairList((agents * degree) / 2);
  const tied = (a: number, b: number) => {
    for (let k = a * degree, end = k + count[a]; k < end; k++) if (friends[k] === b) return true;
    return false;
  };
  let left = ends.length;
  let refusals = 0;
  while (left > 0) {
    const x = Math.floor(next() * left);
    const y = Math.floor(next() * left);
    const a = ends[x];
    const b = ends[y];
    if (x === y || a === b || tied(a, b)) {
      if (++refusals >= REFUSALS_BEFORE_SEARCH) {
        if (!anyAllowedPair(ends, left, tied)) return null;
        refusals = 0;
      }
      continue;
    }
    refusals = 0;
    friends[a * degree + count[a]++] = b;
    friends[b * degree + count[b]++] = a;
    pairs.push(a, b);
    // Remove both ends: the larger position first, so the smaller one is not moved.
    const [high, low] = x > y ? [x, y] : [y, x];
    ends[high] = ends[--left];
    ends[low] = ends[--left];
  }
  return pairs;
}

function anyAllowedPair(ends: Uint32Array, left: number, tied: (a: number, b: number) => boolean): boolean {
  for (let x = 0; x < left; x++) for (let y = x + 1; y < left; y++) if (ends[x] !== ends[y] && !tied(ends[x], ends[y])) return true;
  return false;
}

// Two kinds of randomness, both derived from the run's seed:
//  - sequential streams (seedrandom xor128) for setup: population traits and the network, which
//    are built once, in one order, whatever the number of workers;
//  - counter-based draws for the daily kernel: a hash of (purpose key, agent, day, other), so a
//    draw does not depend on which worker makes it or in which order events are processed. This is
//    what makes results identical on 1, 2 or 4 workers (the Random123 idea).
import seedrandom from 'seedrandom';

export type Stream = () => number;

/** A named, seeded xor128 stream: uniform in [0, 1). */
export function stream(seed: number, purpose: string): Stream {
  return seedrandom.xor128(`${seed}:${purpose}`);
}

/** Keys of the kernel's counter-based draws, one per purpose. */
export interface DrawKeys {
  readonly external: number;
  readonly externalChannel: number;
  readonly seen: number;
  readonly convert: number;
  readonly share: number;
  readonly shareChoice: number;
  readonly recipient: number;
  readonly repeat: number;
  readonly wordOfMouth: number;
}

export function drawKeys(seed: number): DrawKeys {
  const next = stream(seed, 'kernel-keys');
  const key = () => Math.floor(next() * 4294967296) >>> 0;
  return {
    external: key(),
    externalChannel: key(),
    seen: key(),
    convert: key(),
    share: key(),
    shareChoice: key(),
    recipient: key(),
    repeat: key(),
    wordOfMouth: key(),
  };
}

// lowbias32 finaliser (Chris Wellons' hash-prospector): good avalanche for a few integer ops.
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

const TWO_POW_32 = 4294967296;

/** Uniform in (0, 1), a pure function of its four arguments. */
export function draw(key: number, a: number, b: number, c: number): number {
  let h = mix(key ^ mix(a));
  h = mix(h ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b));
  h = mix(h ^ Math.imul(c + 0x632be5ab, 0xc2b2ae35));
  return (h + 0.5) / TWO_POW_32;
}

/**
 * Uniform in (0, 1) from two integers, the cheaper draw for one per tie, in two steps for a loop
 * over many b with the same a: drawPairWith(pairKey(key, a), b).
 */
export function pairKey(key: number, a: number): number {
  return key ^ mix(a);
}

export function drawPairWith(keyed: number, b: number): number {
  return (mix(mix(keyed ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b))) + 0.5) / TWO_POW_32;
}

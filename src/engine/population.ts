// The consumers: per-agent traits as struct-of-arrays, drawn once at setup from per-tier
// distributions. Agents of a tier live in contiguous "neighbourhood" blocks of ids, and the blocks
// of all tiers are interleaved, so a contiguous id range (one worker's share) holds every tier.
import type { Scenario } from '../scenario/types.ts';
import { beta, logNormal } from './distributions.ts';
import { arrays, allocateLocal, type Allocate } from './memory.ts';
import { stream } from './random.ts';

/** The largest basket a Uint32Array of fen holds (42,949,672.95 yuan); larger draws are clipped. */
const MAX_BASKET_FEN = 2 ** 32 - 1;

export const WECHAT = 1;
export const QQ = 2;

export interface Population {
  readonly agents: number;
  readonly tierCount: number;
  /** Agents per tier. */
  readonly tierSizes: readonly number[];
  readonly tier: Uint8Array;
  /** Bit set of WECHAT | QQ. */
  readonly platforms: Uint8Array;
  /** Chance of reading a social app on a day. */
  readonly activity: Float32Array;
  /** Multiplier on every conversion chance. */
  readonly susceptibility: Float32Array;
  /** Chance of sharing after a purchase. */
  readonly sharing: Float32Array;
  /** Spend per purchase, in fen (1/100 yuan), integer so sums are exact in any order. */
  readonly basketFen: Uint32Array;
  /** Neighbourhood block b holds ids blockStart[b] .. blockStart[b+1]-1, all of one tier. */
  readonly blockStart: Uint32Array;
  readonly blockOf: Uint32Array;
}

/** Largest-remainder rounding of shares to whole agents, so tier sizes sum to `agents` exactly. */
export function tierSizes(agents: number, shares: readonly number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (agents * s) / total);
  const sizes = exact.map(Math.floor);
  let left = agents - sizes.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) sizes[order[k][1]]++;
  return sizes;
}

/**
 * Lays the population out: tier sizes, neighbourhood blocks and each agent's tier, with trait
 * arrays allocated but not drawn yet. With `givenTiers` (from an imported edge list) agents keep
 * those tiers and each agent is its own neighbourhood block.
 */
export function layoutPopulation(scenario: Scenario, seed: number, allocate: Allocate = allocateLocal, givenTiers?: Uint8Array): Population {
  const mem = arrays(allocate);
  const agents = scenario.population.agents;
  const tiers = scenario.tiers;
  const sizes = givenTiers ? countTiers(givenTiers, tiers.length) : tierSizes(agents, tiers.map((t) => t.share));
  const blockSize = givenTiers ? 1 : scenario.network.neighbourhood;

  // Lay out blocks: each tier cut into blocks, all blocks shuffled together.
  const blocks: number[] = [];
  const blockTier: number[] = [];
  const blockLength: number[] = [];
  for (let t = 0; t < tiers.length && !givenTiers; t++) {
    for (let left = sizes[t]; left > 0; left -= blockSize) {
      blockTier.push(t);
      blockLength.push(Math.min(blockSize, left));
      blocks.push(blocks.length);
    }
  }
  const layout = stream(seed, 'layout');
  for (let i = blocks.length - 1; i > 0; i--) {
    const j = Math.floor(layout() * (i + 1));
    const b = blocks[i];
    blocks[i] = blocks[j];
    blocks[j] = b;
  }
  const blockStart = mem.u32((givenTiers ? agents : blocks.length) + 1);
  const tier = mem.u8(agents);
  const blockOf = mem.u32(agents);
  let id = 0;
  if (givenTiers) {
    tier.set(givenTiers);
    for (let i = 0; i < agents; i++) blockStart[i] = blockOf[i] = i;
    blockStart[agents] = agents;
  }
  for (let b = 0; !givenTiers && b < blocks.length; b++) {
    blockStart[b] = id;
    const len = blockLength[blocks[b]];
    tier.fill(blockTier[blocks[b]], id, id + len);
    blockOf.fill(b, id, id + len);
    id += len;
  }
  if (!givenTiers) blockStart[blocks.length] = id;

  return {
    agents,
    tierCount: tiers.length,
    tierSizes: sizes,
    tier,
    platforms: mem.u8(agents),
    activity: mem.f32(agents),
    susceptibility: mem.f32(agents),
    sharing: mem.f32(agents),
    basketFen: mem.u32(agents),
    blockStart,
    blockOf,
  };
}

/** Agents per trait chunk: each chunk has a stream of its own, so chunks can be drawn anywhere. */
export const TRAIT_CHUNK = 1 << 16;

export function traitChunks(population: Population): number {
  return Math.ceil(population.agents / TRAIT_CHUNK);
}

/** Draws the traits of one chunk of agents — the same values whichever worker draws it. */
export function drawTraitChunk(scenario: Scenario, seed: number, population: Population, chunk: number): void {
  const tiers = scenario.tiers;
  const { tier, platforms, activity, susceptibility, sharing, basketFen } = population;
  const traits = stream(seed, `traits:${chunk}`);
  const end = Math.min(population.agents, (chunk + 1) * TRAIT_CHUNK);
  for (let i = chunk * TRAIT_CHUNK; i < end; i++) {
    const t = tiers[tier[i]];
    platforms[i] = (traits() < t.platforms.wechat ? WECHAT : 0) | (traits() < t.platforms.qq ? QQ : 0);
    activity[i] = beta(traits, t.activity.mean, t.activity.concentration);
    susceptibility[i] = logNormal(traits, t.susceptibility.median, t.susceptibility.sigma);
    sharing[i] = Math.min(1, logNormal(traits, t.sharing.median, t.sharing.sigma));
    // Clipped, not wrapped, at what a Uint32 of fen holds (the schema says so for basketYuan).
    basketFen[i] = Math.min(MAX_BASKET_FEN, Math.max(1, Math.round(logNormal(traits, t.basketYuan.median, t.basketYuan.sigma) * 100)));
  }
}

export function drawTraits(scenario: Scenario, seed: number, population: Population): void {
  for (let c = 0; c < traitChunks(population); c++) drawTraitChunk(scenario, seed, population, c);
}

export function createPopulation(scenario: Scenario, seed: number, allocate: Allocate = allocateLocal, givenTiers?: Uint8Array): Population {
  const population = layoutPopulation(scenario, seed, allocate, givenTiers);
  drawTraits(scenario, seed, population);
  return population;
}

function countTiers(tiers: Uint8Array, tierCount: number): number[] {
  const sizes = new Array<number>(tierCount).fill(0);
  for (let i = 0; i < tiers.length; i++) sizes[tiers[i]]++;
  return sizes;
}

// The map: each tier is a "city", drawn as a disc in a row from tier 1 (small and dense) to tier 4
// (large and spread). Agents are placed once, cheaply: each street (a run of neighbours) gets a
// spot in its city and its people scatter around it, so local clusters show as clumps of light.
import { viewRandom } from './view-random.ts';

/** Map coordinates: the canvas scales this box to fit. */
export const MAP_WIDTH = 1000;
export const MAP_HEIGHT = 440;
const LABEL_ROOM = 54;
const GAP = 18;
/** Room each city needs for its three short lines of label, however small its disc. */
const LABEL_WIDTH = 165;

export interface City {
  readonly tier: number;
  readonly x: number;
  readonly y: number;
  readonly radius: number;
}

export interface MapLayout {
  readonly cities: City[];
  /** x, y of each sampled agent, in map coordinates. */
  readonly x: Float32Array;
  readonly y: Float32Array;
}

/** Room per person grows with the tier: tier-1 cities are packed, tier-4 counties spread out. */
function spread(tier: number): number {
  return 1 + 0.3 * tier;
}

export function cityDiscs(sampledPerTier: readonly number[]): City[] {
  const raw = sampledPerTier.map((n, t) => Math.sqrt(Math.max(1, n)) * spread(t));
  const height = MAP_HEIGHT - LABEL_ROOM - GAP;
  const slots = (scale: number) => raw.map((r) => Math.max(2 * r * scale, LABEL_WIDTH));
  const fits = (scale: number) => slots(scale).reduce((a, b) => a + b, 0) + GAP * (raw.length - 1) <= MAP_WIDTH - 2 * GAP;
  // The largest scale at which every city and its label fit side by side (bisection: slots are
  // piecewise linear in the scale).
  let lo = 0;
  let hi = height / (2 * Math.max(...raw));
  if (fits(hi)) lo = hi;
  else for (let k = 0; k < 40; k++) [lo, hi] = fits((lo + hi) / 2) ? [(lo + hi) / 2, hi] : [lo, (lo + hi) / 2];
  const widths = slots(lo);
  const used = widths.reduce((a, b) => a + b, 0) + GAP * (raw.length - 1);
  let left = (MAP_WIDTH - used) / 2;
  return raw.map((r, tier) => {
    const city = { tier, x: left + widths[tier] / 2, y: LABEL_ROOM + (MAP_HEIGHT - LABEL_ROOM) / 2, radius: r * lo };
    left += widths[tier] + GAP;
    return city;
  });
}

/** A random point in a disc, uniform by area. */
function inDisc(random: () => number, radius: number): [number, number] {
  const r = radius * Math.sqrt(random());
  const a = 2 * Math.PI * random();
  return [r * Math.cos(a), r * Math.sin(a)];
}

/**
 * Places the sample. Streets are runs of consecutive ids of one tier, cut to `streetLength`;
 * each gets a centre in its city and a patch whose area is its share of the city.
 */
export function placeAgents(sample: Uint32Array, tier: Uint8Array, tierCount: number, streetLength: number, seed: number): MapLayout {
  const perTier = new Array<number>(tierCount).fill(0);
  for (let k = 0; k < tier.length; k++) perTier[tier[k]]++;
  const cities = cityDiscs(perTier);
  const random = viewRandom(seed, 'layout');
  const x = new Float32Array(sample.length);
  const y = new Float32Array(sample.length);
  let start = 0;
  while (start < sample.length) {
    let end = start + 1;
    while (end < sample.length && end - start < streetLength && sample[end] === sample[end - 1] + 1 && tier[end] === tier[start]) end++;
    const city = cities[tier[start]];
    const patch = city.radius * Math.sqrt((end - start) / Math.max(1, perTier[tier[start]])) * 1.6;
    const [cx, cy] = inDisc(random, Math.max(0, city.radius - patch));
    for (let k = start; k < end; k++) {
      const [dx, dy] = inDisc(random, patch);
      x[k] = city.x + cx + dx;
      y[k] = city.y + cy + dy;
    }
    start = end;
  }
  return { cities, x, y };
}

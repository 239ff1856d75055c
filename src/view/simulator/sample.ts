// Which agents the map shows. A world of a few thousand is shown whole. A larger one is shown as
// "streets": runs of consecutive ids, because the engine keeps each neighbourhood in a contiguous
// id block (engine/population.ts), so a street holds friends of friends and the map shows real
// local ties and the pulses along them, where a scattered random sample would show almost none.
import { viewRandom } from './view-random.ts';

export const SAMPLE_LIMIT = 3000;

/** Sorted agent ids to draw: everyone up to `limit`, else whole streets picked with the view's seed. */
export function chooseSample(agents: number, streetLength: number, seed: number, limit = SAMPLE_LIMIT): Uint32Array {
  if (agents <= limit) return Uint32Array.from({ length: agents }, (_, i) => i);
  const length = Math.max(1, Math.min(streetLength, limit));
  const slots = Math.floor(agents / length);
  const wanted = Math.min(slots, Math.floor(limit / length));
  const random = viewRandom(seed, 'sample');
  const picked = new Set<number>();
  while (picked.size < wanted) picked.add(Math.floor(random() * slots));
  const starts = [...picked].sort((a, b) => a - b);
  const ids = new Uint32Array(starts.length * length);
  starts.forEach((slot, k) => {
    for (let j = 0; j < length; j++) ids[k * length + j] = slot * length + j;
  });
  return ids;
}

/** Position of each id in a sorted sample, or −1: for finding a pulse's source among the drawn agents. */
export function positionIn(sample: Uint32Array, id: number): number {
  let lo = 0;
  let hi = sample.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = sample[mid];
    if (x === id) return mid;
    if (x < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

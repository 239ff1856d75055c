// A named seed set: agents who are customers on day 0 because the scenario names them (a list of
// agent numbers, or the k best-connected agents), beside each tier's random initialCustomers.
// Threshold cascades depend on who the seeds are (hubs or not), so a teacher can choose them.
import type { Scenario } from '../scenario/types.ts';
import type { Ties } from './ties.ts';

/**
 * Which of the agents lo..hi−1 are seeds: marks[i − lo] = 1. Every worker computes its own part
 * from the whole network, so the set does not depend on the split. Runs once, on day 0.
 */
export function seedMarks(scenario: Scenario, ties: Ties, lo: number, hi: number): Uint8Array | null {
  const seeds = scenario.seedCustomers;
  if (!seeds || (seeds.agents === undefined && seeds.highestDegree === undefined)) return null;
  const marks = new Uint8Array(hi - lo);
  for (const id of seeds.agents ?? []) if (id >= lo && id < hi) marks[id - lo] = 1;
  if (seeds.highestDegree !== undefined) markHighestDegree(ties, Math.min(seeds.highestDegree, ties.agents), lo, hi, marks);
  return marks;
}

/** The k agents of highest degree; among equal degrees at the cut, the smaller agent numbers. */
function markHighestDegree(ties: Ties, k: number, lo: number, hi: number, marks: Uint8Array): void {
  const { offsets, agents } = ties;
  const degree = (i: number) => offsets[i + 1] - offsets[i];
  let most = 0;
  for (let i = 0; i < agents; i++) most = Math.max(most, degree(i));
  const count = new Float64Array(most + 1);
  for (let i = 0; i < agents; i++) count[degree(i)]++;
  // The cut: every agent of degree above `cut`, and the first `atCut` agents of degree `cut`.
  let cut = most;
  let above = 0;
  while (above + count[cut] < k) above += count[cut--];
  const atCut = k - above;
  let taken = 0;
  for (let i = 0; i < hi; i++) {
    const d = degree(i);
    const chosen = d > cut || (d === cut && taken++ < atCut);
    if (chosen && i >= lo) marks[i - lo] = 1;
  }
}

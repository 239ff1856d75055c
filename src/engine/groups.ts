// WeChat / QQ groups: one post reaches every member. Sizes are heavy-tailed up to the cap; a
// `local` share of each group is a contiguous run of one tier's agents (neighbouring blocks, so
// groups overlap friend clusters), the rest are drawn from the whole population.
import type { Scenario } from '../scenario/types.ts';
import { arrays, allocateLocal, type Allocate } from './memory.ts';
import type { Population } from './population.ts';
import { stream } from './random.ts';
import { tierMembers } from './network.ts';
import { logNormal } from './distributions.ts';

export interface Groups {
  readonly count: number;
  /** Members of group g: members[memberOffsets[g] .. memberOffsets[g+1]-1]. */
  readonly memberOffsets: Uint32Array;
  readonly members: Uint32Array;
  /** Groups of agent i: groupsOf[groupOffsets[i] .. groupOffsets[i+1]-1]. */
  readonly groupOffsets: Uint32Array;
  readonly groupsOf: Uint32Array;
}

const SIZE_SIGMA = 1;

export function emptyGroups(agents: number, allocate: Allocate = allocateLocal): Groups {
  const mem = arrays(allocate);
  return { count: 0, memberOffsets: mem.u32(1), members: mem.u32(0), groupOffsets: mem.u32(agents + 1), groupsOf: mem.u32(0) };
}

export function generateGroups(scenario: Scenario, population: Population, seed: number, allocate: Allocate = allocateLocal): Groups {
  const { perAgent, meanSize, maxSize, local } = scenario.network.groups;
  const agents = population.agents;
  if (perAgent <= 0 || meanSize < 2 || agents < 2) return emptyGroups(agents, allocate);
  const mem = arrays(allocate);
  const next = stream(seed, 'groups');
  const count = Math.max(1, Math.round((agents * perAgent) / meanSize));
  const median = meanSize * Math.exp((-SIZE_SIGMA * SIZE_SIGMA) / 2);
  const cap = Math.min(maxSize, agents);

  const memberOffsets = mem.u32(count + 1);
  for (let g = 0; g < count; g++) {
    const size = Math.max(2, Math.min(cap, Math.round(logNormal(next, median, SIZE_SIGMA))));
    memberOffsets[g + 1] = memberOffsets[g] + size;
  }
  const members = mem.u32(memberOffsets[count]);
  const byTier = tierMembers(population);
  const tierWeights = population.tierSizes.map((n) => n / agents);
  for (let g = 0; g < count; g++) {
    const lo = memberOffsets[g];
    const size = memberOffsets[g + 1] - lo;
    let home = 0;
    for (let u = next(); home < tierWeights.length - 1 && u >= tierWeights[home]; home++) u -= tierWeights[home];
    const pool = byTier[home];
    const nLocal = Math.min(pool.length, Math.round(size * local));
    const start = Math.floor(next() * pool.length);
    for (let k = 0; k < size; k++) {
      members[lo + k] = k < nLocal ? pool[(start + k) % pool.length] : Math.floor(next() * agents);
    }
  }

  const groupOffsets = mem.u32(agents + 1);
  for (let k = 0; k < members.length; k++) groupOffsets[members[k] + 1]++;
  for (let i = 0; i < agents; i++) groupOffsets[i + 1] += groupOffsets[i];
  const groupsOf = mem.u32(members.length);
  const fill = new Uint32Array(groupOffsets.subarray(0, agents));
  for (let g = 0; g < count; g++) {
    for (let k = memberOffsets[g]; k < memberOffsets[g + 1]; k++) groupsOf[fill[members[k]]++] = g;
  }
  return { count, memberOffsets, members, groupOffsets, groupsOf };
}

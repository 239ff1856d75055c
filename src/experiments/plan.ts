// The list of runs an experiment makes and how it is split into shards. Runs are numbered
// replicate by replicate (every configuration of replicate 0, then of replicate 1 …), so an
// experiment stopped half-way holds complete pairs for its first replicates, and the ids — and
// hence the rows — do not depend on how the work was split or resumed.
import type { Design } from './design.ts';
import type { RunLabel } from './report.ts';
import { sha256Hex } from '../scenario/sha256.ts';
import { canonicalJson } from '../scenario/load.ts';

/** A run of the plan: its label in runs.csv (id = position in the whole experiment) and its world. */
export interface PlannedRun extends RunLabel {
  readonly configuration: number;
}

/** Shard `index` of `count`, counted from 1 like `--shard 2/4` (as in Jest and Playwright). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export function planRuns(design: Design): PlannedRun[] {
  const runs: PlannedRun[] = [];
  for (let replicate = 0; replicate < design.replicates; replicate++) {
    for (const c of design.configurations) {
      runs.push({ id: runs.length, configuration: c.index, variant: c.variant, replicate, seed: design.seeds[replicate], parameters: c.parameters });
    }
  }
  return runs;
}

/**
 * Runs go to shards round-robin by id: shards get equal shares of every variant and sweep point,
 * so they take about equally long even when one variant's world is larger.
 */
export function inShard(run: PlannedRun, shard: Shard | undefined): boolean {
  return !shard || run.id % shard.count === shard.index - 1;
}

/** Reads `2/4`; throws an Error with the reason otherwise. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new Error(`expected i/n such as 2/4, got "${text}"`);
  const [index, count] = [Number(match[1]), Number(match[2])];
  if (count < 1 || index < 1 || index > count) throw new Error(`expected i/n with 1 ≤ i ≤ n, got "${text}"`);
  return { index, count };
}

/**
 * Fingerprint of everything that decides the rows: the worlds (their resolved scenarios' hashes),
 * seeds and what is reported. A folder is resumed, or shards merged, only when it matches.
 */
export function planSha256(design: Design): string {
  return sha256Hex(
    canonicalJson({
      name: design.name,
      baseline: design.baseline,
      seeds: design.seeds,
      report: design.report,
      // An imported network is part of the world: a changed edge list is another plan.
      configurations: design.configurations.map((c) => ({ variant: c.variant, parameters: c.parameters, sha256: c.sha256, ...(c.network ? { edgeList: c.network.sha256 } : {}) })),
    }),
  );
}

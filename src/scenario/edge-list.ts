// Importing a network someone already has: a CSV of ties `source,target`, with optional
// `source_tier,target_tier` (1 = tier 1 …). Ids may be any text; agents are numbered in order of
// first appearance. Errors name the file and line. Browser-safe (csv-parse's sync parser).
import { parse } from 'csv-parse/sync';
import type { ImportedTies, Scenario } from './types.ts';

export interface EdgeList extends ImportedTies {
  readonly agents: number;
  /** The file's id of each agent. */
  readonly ids: string[];
}

export class EdgeListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EdgeListError';
  }
}

export function parseEdgeList(text: string, file: string, tierCount: number): EdgeList {
  let rows: string[][];
  try {
    rows = parse(text, { skip_empty_lines: true, trim: true, comment: '#', relax_column_count: false });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new EdgeListError(`${file}:${e.lines ?? '?'}: invalid CSV: ${e.message}`);
  }
  if (rows.length === 0) throw new EdgeListError(`${file}:1: empty edge list: expected a header "source,target"`);
  const header = rows[0].map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [s, t, st, tt] = [col('source'), col('target'), col('source_tier'), col('target_tier')];
  if (s < 0 || t < 0) throw new EdgeListError(`${file}:1: expected a header with "source" and "target" columns, got "${rows[0].join(',')}"`);
  const withTiers = st >= 0 && tt >= 0;
  const index = new Map<string, number>();
  const ids: string[] = [];
  const tierOf: number[] = [];
  const u: number[] = [];
  const v: number[] = [];
  const agentOf = (id: string, tier: number | undefined, line: number, column: string): number => {
    let a = index.get(id);
    if (a === undefined) {
      a = ids.length;
      index.set(id, a);
      ids.push(id);
      tierOf.push(tier ?? 0);
    } else if (tier !== undefined && tierOf[a] !== tier) {
      throw new EdgeListError(`${file}:${line} ${column}: agent "${id}" was in tier ${tierOf[a] + 1} earlier, got ${tier + 1}`);
    }
    return a;
  };
  const tierAt = (row: string[], c: number, line: number, column: string): number | undefined => {
    if (!withTiers) return undefined;
    const x = Number(row[c]);
    if (!Number.isInteger(x) || x < 1 || x > tierCount) throw new EdgeListError(`${file}:${line} ${column}: expected a tier number from 1 to ${tierCount}, got "${row[c]}"`);
    return x - 1;
  };
  for (let r = 1; r < rows.length; r++) {
    const line = r + 1;
    const row = rows[r];
    if (row[s] === '' || row[t] === '') throw new EdgeListError(`${file}:${line}: expected a source and a target id, got "${row.join(',')}"`);
    if (row[s] === row[t]) throw new EdgeListError(`${file}:${line}: a tie from "${row[s]}" to itself`);
    u.push(agentOf(row[s], tierAt(row, st, line, 'source_tier'), line, 'source_tier'));
    v.push(agentOf(row[t], tierAt(row, tt, line, 'target_tier'), line, 'target_tier'));
  }
  return { agents: ids.length, u: Uint32Array.from(u), v: Uint32Array.from(v), length: u.length, tiers: withTiers ? Uint8Array.from(tierOf) : undefined, ids };
}

/** The scenario as it runs on an imported network: as many agents as the file has. */
export function withEdgeListSize(scenario: Scenario, edges: EdgeList): Scenario {
  return { ...scenario, population: { ...scenario.population, agents: edges.agents } };
}

/** Named seed customers must be agents of the file (the scenario's own agent count does not apply). */
export function checkSeedCustomers(scenario: Scenario, edges: EdgeList, file: string): void {
  const seeds = scenario.seedCustomers;
  const outside = seeds?.agents?.find((id) => id >= edges.agents);
  if (outside !== undefined) throw new EdgeListError(`${file}: seedCustomers.agents: expected agent numbers below the ${edges.agents} agents of this edge list, got ${outside}`);
  if ((seeds?.highestDegree ?? 0) > edges.agents) throw new EdgeListError(`${file}: seedCustomers.highestDegree: expected at most the ${edges.agents} agents of this edge list, got ${seeds!.highestDegree}`);
}

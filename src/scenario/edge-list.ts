// Importing a network someone already has: a CSV of ties `source,target`, with optional
// `source_tier,target_tier` (1 = tier 1 …). Ids may be any text (a field with a comma or a quote
// is written in double quotes, "" for a quote); agents are numbered in order of first appearance.
// A line whose first character (after spaces) is `#` is a comment; `#` inside a field is text.
// Errors name the file and its real line. Read line by line into growing typed arrays, so a file
// of ten million ties costs its ties and its distinct ids, not a JS array per row. Browser-safe.
import type { ImportedTies, Scenario } from './types.ts';

export interface EdgeList extends ImportedTies {
  readonly agents: number;
}

export class EdgeListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EdgeListError';
  }
}

/** Longest id kept in a message, so a runaway field does not flood the terminal. */
const SHOWN = 60;
const show = (text: string) => JSON.stringify(text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text);

/** The fields of one CSV line (RFC 4180 quoting within the line), trimmed; a string says what is wrong. */
function splitFields(line: string): string[] | string {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (line[i] === '"') {
      let field = '';
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) return 'a quoted field is not closed on its line';
        field += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      while (line[i] === ' ' || line[i] === '\t') i++;
      if (i < line.length && line[i] !== ',') return 'text after a closing quote';
      fields.push(field);
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      const field = line.slice(i, end).trim();
      if (field.includes('"')) return 'a quote inside an unquoted field (quote the whole field, "" for a quote)';
      fields.push(field);
      i = end;
    }
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

/** A Uint32Array that doubles as it fills. */
class GrowingU32 {
  array = new Uint32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.array.length) {
      const next = new Uint32Array(this.array.length * 2);
      next.set(this.array);
      this.array = next;
    }
    this.array[this.length++] = x;
  }
  trimmed(): Uint32Array {
    return this.array.slice(0, this.length);
  }
}

export function parseEdgeList(text: string, file: string, tierCount: number): EdgeList {
  let header: string[] | undefined;
  let headerLine = 0;
  let s = -1;
  let t = -1;
  let st = -1;
  let tt = -1;
  const index = new Map<string, number>();
  const u = new GrowingU32();
  const v = new GrowingU32();
  const tierOf = new GrowingU32();
  const fail = (line: number, message: string, column?: string): never => {
    throw new EdgeListError(`${file}:${line}${column ? ` ${column}` : ''}: ${message}`);
  };
  const agentOf = (id: string, tier: number, line: number, column: string): number => {
    let a = index.get(id);
    if (a === undefined) {
      a = index.size;
      index.set(id, a);
      tierOf.push(tier);
    } else if (st >= 0 && tierOf.array[a] !== tier) {
      fail(line, `agent ${show(id)} was in tier ${tierOf.array[a] + 1} earlier, got ${tier + 1}`, column);
    }
    return a;
  };
  const tierAt = (row: string[], c: number, line: number, column: string): number => {
    if (c < 0) return 0;
    const x = Number(row[c]);
    if (row[c] === '' || !Number.isInteger(x) || x < 1 || x > tierCount) fail(line, `expected a tier number from 1 to ${tierCount}, got ${show(row[c])}`, column);
    return x - 1;
  };
  let line = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    let row = text.slice(start, end);
    start = end + 1;
    line++;
    if (row.endsWith('\r')) row = row.slice(0, -1);
    const trimmed = row.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const fields = splitFields(row);
    if (typeof fields === 'string') fail(line, fields);
    const cells = fields as string[];
    if (!header) {
      header = cells.map((h) => h.toLowerCase());
      headerLine = line;
      const col = (name: string) => header!.indexOf(name);
      [s, t, st, tt] = [col('source'), col('target'), col('source_tier'), col('target_tier')];
      if (s < 0 || t < 0) fail(line, `expected a header with "source" and "target" columns, got ${show(row)}`);
      if ((st < 0) !== (tt < 0)) fail(line, `a header with ${st < 0 ? 'target_tier' : 'source_tier'} needs ${st < 0 ? 'source_tier' : 'target_tier'} too: give both tier columns or neither`);
      continue;
    }
    if (cells.length !== header.length) fail(line, `expected ${header.length} fields like the header on line ${headerLine}, got ${cells.length}`);
    if (cells[s] === '' || cells[t] === '') fail(line, `expected a source and a target id, got ${show(row)}`);
    if (cells[s] === cells[t]) fail(line, `a tie from ${show(cells[s])} to itself`);
    if (u.length >= 0xffffffff) fail(line, 'more than 4,294,967,295 ties');
    u.push(agentOf(cells[s], tierAt(cells, st, line, 'source_tier'), line, 'source_tier'));
    v.push(agentOf(cells[t], tierAt(cells, tt, line, 'target_tier'), line, 'target_tier'));
  }
  if (!header) fail(Math.max(1, line), 'empty edge list: expected a header "source,target" and one tie per line');
  if (u.length === 0) fail(line, `no ties after the header on line ${headerLine}: expected one tie per line, e.g. "a,b"`);
  const tiers = st >= 0 ? Uint8Array.from(tierOf.array.subarray(0, tierOf.length)) : undefined;
  return { agents: index.size, u: u.trimmed(), v: v.trimmed(), length: u.length, tiers };
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

// The edge-list format: line numbers are the file's own, `#` starts a comment only at the start of a
// line, ids are any text (quoted when they hold a comma or a quote), and a file that gives no ties
// or only one tier column is an error.
import { describe, expect, it } from 'vitest';
import { EdgeListError, parseEdgeList } from '../../src/scenario/edge-list.ts';

const parse = (text: string) => parseEdgeList(text, 'ties.csv', 4);

function refusal(text: string): string {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof EdgeListError) return error.message;
    throw error;
  }
  throw new Error('expected an EdgeListError');
}

/** The ties as pairs of ids, in file order, from the agents' order of first appearance. */
function ties(text: string, ids: readonly string[]): string[] {
  const edges = parse(text);
  return Array.from(edges.u, (u, k) => `${ids[u]}–${ids[edges.v[k]]}`);
}

describe('parseEdgeList', () => {
  it('reports the file’s own line, counting comments and blank lines', () => {
    const lines = ['# exported 2016-01-04', '', 'source,target', '# the village', 'a,b', '', '  # indented comment', 'b,c', 'c,c'];
    // The self-loop is on the 9th line of the file (the issue saw it reported at 3).
    expect(lines.indexOf('c,c') + 1).toBe(9);
    expect(refusal(lines.join('\n'))).toBe('ties.csv:9: a tie from "c" to itself');
    expect(refusal(lines.join('\r\n'))).toBe('ties.csv:9: a tie from "c" to itself');
  });

  it('takes # inside a field as part of the id', () => {
    expect(ties('source,target\nuser#1,user#2\na,b#c\n', ['user#1', 'user#2', 'a', 'b#c'])).toEqual(['user#1–user#2', 'a–b#c']);
    expect(parse('source,target\nuser#1,user#2\na,b#c\n').agents).toBe(4);
  });

  it('reads quoted ids with commas and doubled quotes', () => {
    expect(ties('source,target\n"Li, Wei","say ""hi"""\n', ['Li, Wei', 'say "hi"'])).toEqual(['Li, Wei–say "hi"']);
    expect(refusal('source,target\n"open,b\n')).toBe('ties.csv:2: a quoted field is not closed on its line');
    expect(refusal('source,target\na"b,c\n')).toBe('ties.csv:2: a quote inside an unquoted field (quote the whole field, "" for a quote)');
  });

  it.each([
    ['', 'ties.csv:1: empty edge list: expected a header "source,target" and one tie per line'],
    // The line named is the file's last: a final line break ends a line, it does not start one.
    ['# only a comment\n\n', 'ties.csv:2: empty edge list: expected a header "source,target" and one tie per line'],
    ['source,target\n', 'ties.csv:1: no ties after the header on line 1: expected one tie per line, e.g. "a,b"'],
    ['source,target\n# none yet\n', 'ties.csv:2: no ties after the header on line 1: expected one tie per line, e.g. "a,b"'],
  ])('refuses a file without ties: %j', (text, message) => {
    expect(refusal(text)).toBe(message);
  });

  it('refuses one tier column without the other, even with an impossible tier in it', () => {
    expect(refusal('source,target,source_tier\na,b,9\n')).toBe('ties.csv:1: a header with source_tier needs target_tier too: give both tier columns or neither');
    expect(refusal('# x\nsource,target,target_tier\na,b,1\n')).toBe('ties.csv:2: a header with target_tier needs source_tier too: give both tier columns or neither');
  });

  it('refuses rows with another number of fields than the header, at their line', () => {
    expect(refusal('source,target\na,b\n\nb,c,d\n')).toBe('ties.csv:4: expected 2 fields like the header on line 1, got 3');
  });

  it('keeps tiers per agent in order of first appearance', () => {
    const edges = parse('source,target,source_tier,target_tier\nx,y,2,4\ny,z,4,1\n');
    expect([edges.agents, edges.length, Array.from(edges.tiers!)]).toEqual([3, 2, [1, 3, 0]]);
    expect(refusal('source,target,source_tier,target_tier\nx,y,2,4\ny,z,3,1\n')).toBe('ties.csv:3 source_tier: agent "y" was in tier 4 earlier, got 3');
  });

  it('holds 10⁵ ties in typed arrays sized to the ties', () => {
    const rows = Array.from({ length: 100_000 }, (_, k) => `n${k},n${k + 1}`);
    const edges = parse(`source,target\n${rows.join('\n')}\n`);
    expect(edges.u).toBeInstanceOf(Uint32Array);
    expect([edges.length, edges.u.length, edges.v.length]).toEqual([100_000, 100_000, 100_000]);
  });
});

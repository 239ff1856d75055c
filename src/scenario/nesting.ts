// A bound on how deeply input may nest, checked before anything recursive sees it: the JSON
// parser, the document builder, the `extends` merge, the override walk, key sorting and zod all
// recurse once per level, so 2,000 levels of `"mixing": {…}` in a 4 KB file would overflow the
// stack. The check itself is one pass over jsonc-parser's tokens, with no recursion.
import { createScanner } from 'jsonc-parser';
import type { PathSegment } from './path.ts';

/** The deepest nesting accepted; scenario and experiment fields go no deeper than 6. */
export const MAX_NESTING = 32;

export interface TooDeep {
  /** Character offset of the `{` or `[` that opens one level too many. */
  readonly offset: number;
  /** The field that value belongs to. */
  readonly path: PathSegment[];
}

// jsonc-parser's SyntaxKind values: it is a const enum, which isolated modules cannot import.
const SyntaxKind = { OpenBraceToken: 1, CloseBraceToken: 2, OpenBracketToken: 3, CloseBracketToken: 4, CommaToken: 5, StringLiteral: 10, EOF: 17 } as const;

interface Level {
  readonly object: boolean;
  key: string;
  index: number;
  expectKey: boolean;
}

/** Where `text` (JSON with comments) first nests deeper than `limit`, or undefined. */
export function firstTooDeep(text: string, limit = MAX_NESTING): TooDeep | undefined {
  const scanner = createScanner(text, true);
  const levels: Level[] = [];
  for (let token: number = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const top = levels[levels.length - 1];
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (levels.length === limit) {
        return { offset: scanner.getTokenOffset(), path: levels.map((level) => (level.object ? level.key : level.index)) };
      }
      levels.push({ object: token === SyntaxKind.OpenBraceToken, key: '', index: 0, expectKey: true });
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      levels.pop();
    } else if (token === SyntaxKind.CommaToken && top) {
      top.index++;
      top.expectKey = true;
    } else if (token === SyntaxKind.StringLiteral && top?.object && top.expectKey) {
      top.key = scanner.getTokenValue();
      top.expectKey = false;
    }
  }
  return undefined;
}

/** Whether a parsed value nests deeper than `limit` (bounded recursion: it stops at the limit). */
export function nestsDeeperThan(value: unknown, limit = MAX_NESTING): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  for (const item of Object.values(value)) if (nestsDeeperThan(item, limit - 1)) return true;
  return false;
}

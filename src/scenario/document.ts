// Reads one scenario file into a plain value plus the line:column of every key and value in it,
// so later checks can point at the exact spot in the file the user has to edit.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { filePosition, issueAt, type ScenarioIssue, type SourcePosition } from './issues.ts';
import { formatPath, isPrototypeKey, PROTOTYPE_KEY_MESSAGE, type PathSegment } from './path.ts';
import { firstTooDeep, MAX_NESTING } from './nesting.ts';

/** Where a field was written: its value and, for object members, its key. */
export interface FieldSource {
  value: SourcePosition;
  key?: SourcePosition;
}

/** Field path (formatPath form, "" for the root) → where it was written. */
export type SourceMap = Map<string, FieldSource>;

export interface ScenarioDocument {
  value: unknown;
  sources: SourceMap;
  issues: ScenarioIssue[];
}

const PARSE_ERROR_WORDS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a field name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'expected the end of the file',
  InvalidCommentToken: 'malformed comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'a raw control character or line break inside a string',
};

/** Turns character offsets into 1-based line and column. */
export function lineLocator(text: string, file: string): (offset: number) => SourcePosition {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return filePosition(file, lo + 1, offset - lineStarts[lo] + 1);
  };
}

/**
 * Parses JSON with comments and trailing commas (scenario files are written by hand, and a
 * comment next to a number is worth having). Only the first syntax error is reported: the parser's
 * recovery makes the later ones echoes of the first.
 */
export function parseDocument(input: string, file: string): ScenarioDocument {
  // A byte-order mark is not part of the JSON (the Node door strips it too; this is for pasted text).
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const locate = lineLocator(text, file);
  const deep = firstTooDeep(text);
  if (deep) {
    const issue = issueAt(locate(deep.offset), formatPath(deep.path), `nested more than ${MAX_NESTING} levels deep; no field is nested so deep`);
    return { value: undefined, sources: new Map(), issues: [issue] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || root === undefined) {
    // No error but no tree cannot happen with jsonc-parser; 4 is its ValueExpected, for safety.
    const first = errors[0] ?? { error: 4, offset: 0, length: 0 };
    return { value: undefined, sources: new Map(), issues: [issueAt(locate(first.offset), '', `invalid JSON: ${describeParseError(text, first)}`)] };
  }
  const sources: SourceMap = new Map();
  const issues: ScenarioIssue[] = [];
  const build = (node: Node, path: PathSegment[], key?: SourcePosition): unknown => {
    sources.set(formatPath(path), { value: locate(node.offset), key });
    if (node.type === 'array') return (node.children ?? []).map((child, i) => build(child, [...path, i]));
    if (node.type !== 'object') return node.value;
    const object: Record<string, unknown> = {};
    const firstLine = new Map<string, number>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode) continue;
      const name = keyNode.value as string;
      const keyPosition = locate(keyNode.offset);
      if (isPrototypeKey(name)) {
        // Assigning it would replace the object's prototype (and `share` could come from there).
        issues.push(issueAt(keyPosition, formatPath([...path, name]), `"${name}" ${PROTOTYPE_KEY_MESSAGE}`));
        continue;
      }
      const earlier = firstLine.get(name);
      if (earlier !== undefined) {
        // JSON.parse would silently keep the last one; a duplicate is almost always an edit slip.
        issues.push(issueAt(keyPosition, formatPath([...path, name]), `field given twice (first on line ${earlier})`));
      } else firstLine.set(name, keyPosition.line);
      object[name] = build(valueNode, [...path, name], keyPosition);
    }
    return object;
  };
  const value = build(root, []);
  return { value, sources, issues };
}

function describeParseError(text: string, error: ParseError): string {
  const words = PARSE_ERROR_WORDS[printParseErrorCode(error.error)] ?? printParseErrorCode(error.error);
  if (error.offset >= text.length) return `${words}, got the end of the file`;
  const found = text.slice(error.offset, error.offset + Math.max(1, Math.min(error.length, 20)));
  // A string token already shows its quotes; quoting it again would read "\"share\"".
  return `${words}, got ${found.startsWith('"') ? found : JSON.stringify(found)}`;
}

/**
 * Where to point for a field: its own value (or key), else the nearest enclosing value that was
 * written down — for a missing field that is the object it is missing from.
 */
export function sourceAt(sources: SourceMap, path: readonly PropertyKey[], kind: 'value' | 'key' = 'value'): SourcePosition {
  const own = sources.get(formatPath(path));
  if (own) return (kind === 'key' ? own.key : undefined) ?? own.value;
  for (let n = path.length - 1; n >= 0; n--) {
    const enclosing = sources.get(formatPath(path.slice(0, n)));
    if (enclosing) return enclosing.value;
  }
  throw new Error('sourceAt: the scenario root has no source position');
}

/** Is `path` equal to `prefix` or inside it? ("" contains everything.) */
export function isWithin(path: string, prefix: string): boolean {
  return prefix === '' || path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

// Runs the zod schema and turns each zod issue into a line that names the file position, the field
// and what was expected versus found, in words derived from the schema itself.
import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { sourceAt, type SourceMap } from './document.ts';
import { describeExpected, fieldAt, listWords, objectKeys, type Schema } from './fields.ts';
import { issueAt, showValue, type ScenarioIssue } from './issues.ts';
import { formatPath, getPath, type PathSegment } from './path.ts';
import { scenarioObjectSchema, type Scenario } from './schema.ts';

// zod gives this message to every issue whose schema did not set its own, so the schema's own
// words ("a real calendar date") can be told apart from zod's generic English.
const NO_CUSTOM_MESSAGE = '\u0000';

/**
 * Whether `key` is close enough to `field` to be a slip for it: the same letters in another case,
 * at most 2 edits or a third of the key's length, or one a start of the other (`adReach` for
 * `adReachPerDay`, at least 4 letters). Anything further is a different word, and naming a field
 * for it would mislead (`comment` is not a slip for `payment`).
 */
export function isCloseTo(key: string, field: string): boolean {
  // Only ever a field name's length of the key is lowercased or compared: a 10 MB key stays cheap.
  const [shorter, longer] = key.length <= field.length ? [key, field] : [field, key];
  if (shorter.length >= 4 && longer.slice(0, shorter.length).toLowerCase() === shorter.toLowerCase()) return true;
  const allowed = Math.max(2, Math.floor(key.length / 3));
  if (Math.abs(key.length - field.length) > allowed) return false;
  return key.toLowerCase() === field.toLowerCase() || distance(key.toLowerCase(), field.toLowerCase()) <= allowed;
}

/** The closest of `fields` that is close to `key` (isCloseTo), or undefined. */
function closestOf(key: string, fields: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const field of fields) {
    if (!isCloseTo(key, field)) continue;
    const d = field.toLowerCase() === key.toLowerCase() ? -1 : distance(key, field);
    if (d < bestDistance) [best, bestDistance] = [field, d];
  }
  return best;
}

export interface FieldGuess {
  readonly field: string;
  /** The guess is already written next to the typo (so the typo is a second copy of it). */
  readonly used: boolean;
}

/**
 * The field name `key` was probably meant to be: the closest unused field if one is close, else a
 * close field already written beside it. Undefined when nothing is close.
 */
export function guessField(key: string, fields: readonly string[], used: readonly string[] = []): FieldGuess | undefined {
  const unused = closestOf(key, fields.filter((field) => !used.includes(field)));
  if (unused !== undefined) return { field: unused, used: false };
  const taken = closestOf(key, fields.filter((field) => used.includes(field)));
  return taken === undefined ? undefined : { field: taken, used: true };
}

/** The name of the closest field when it is close (see guessField), whether used or not. */
export function nearestField(key: string, fields: readonly string[], used: readonly string[] = []): string | undefined {
  return guessField(key, fields, used)?.field;
}

/**
 * "unknown field, did you mean …?" (with where that field is already set, when it is), or the
 * list of fields when nothing is close. `lineOf` gives the line of a field already written.
 */
export function unknownFieldMessage(key: string, fields: readonly string[] | undefined, used: readonly string[] = [], lineOf?: (field: string) => number | undefined): string {
  if (!fields || fields.length === 0) return 'unknown field';
  const guess = guessField(key, fields, used);
  if (guess && !guess.used) return `unknown field, did you mean "${guess.field}"?`;
  if (guess) {
    const line = lineOf?.(guess.field);
    return `unknown field, did you mean "${guess.field}"? it is already set${line !== undefined ? ` on line ${line}` : ''}`;
  }
  return `unknown field, expected one of ${listWords(fields.map((field) => `"${field}"`))}`;
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  expected?: string;
  values?: unknown[];
  /** invalid_union: each branch's issues, paths relative to the union's value. */
  errors?: ZodIssueLike[][];
}

/**
 * A union whose value has the shape of one branch (an object where a text or {"en", "zh"} may be)
 * reports that branch's own problems ("title.zh: missing"), not "expected a string or an object".
 */
function unionBranchIssues(issue: ZodIssueLike): ZodIssueLike[] {
  const matched = issue.code === 'invalid_union' ? issue.errors?.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0)) : undefined;
  return matched ? matched.flatMap((i) => unionBranchIssues({ ...i, path: [...issue.path, ...i.path] })) : [issue];
}

function expectedWords(issue: ZodIssueLike, field: Schema | undefined): string {
  if (issue.code === 'custom' && issue.message !== NO_CUSTOM_MESSAGE) return issue.message;
  if (field) return describeExpected(field);
  if (issue.code === 'invalid_type' && issue.expected) return `a ${issue.expected}`;
  if (issue.code === 'invalid_value' && issue.values) return `one of ${listWords(issue.values.map((v) => JSON.stringify(v)))}`;
  return issue.message === NO_CUSTOM_MESSAGE ? 'a valid value' : issue.message;
}

/** Zod issues on `input` as scenario issues; one per field (the first zod found is the clearest). */
export function schemaIssues(schema: Schema, input: unknown, sources: SourceMap, issues: readonly ZodIssueLike[]): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  const seen = new Set<string>();
  const add = (path: PropertyKey[], issue: ScenarioIssue) => {
    const key = formatPath(path);
    if (!seen.has(key)) out.push(issue);
    seen.add(key);
  };
  for (const issue of issues.flatMap(unionBranchIssues)) {
    if (issue.code === 'unrecognized_keys') {
      const object = getPath(input, issue.path as PathSegment[]);
      const present = object && typeof object === 'object' ? Object.keys(object) : [];
      const objectField = fieldAt(schema, issue.path);
      const fields = objectField && objectKeys(objectField);
      for (const key of issue.keys ?? []) {
        const path = [...issue.path, key];
        const at = sourceAt(sources, path, 'key');
        // A field written next to the typo in the same file was not what the typo meant; one
        // from an extended file or the scenario (when the typo is in a --set) may well be.
        const used = present.filter((name) => sources.get(formatPath([...issue.path, name]))?.key?.file === at.file);
        const lineOf = (name: string) => sources.get(formatPath([...issue.path, name]))?.key?.line;
        add(path, issueAt(at, formatPath(path), unknownFieldMessage(key, fields, used, lineOf)));
      }
      continue;
    }
    const value = getPath(input, issue.path as PathSegment[]);
    const expected = expectedWords(issue, fieldAt(schema, issue.path));
    const message = value === undefined && issue.code === 'invalid_type' ? `missing, expected ${expected}` : `expected ${expected}, got ${showValue(value)}`;
    add(issue.path, issueAt(sourceAt(sources, issue.path), formatPath(issue.path), message));
  }
  return out;
}

export type ValidationResult = { scenario: Scenario; issues: [] } | { scenario: undefined; issues: ScenarioIssue[] };

/** Validates a merged scenario value against the scenario schema, filling defaults. */
export function validateScenario(input: unknown, sources: SourceMap): ValidationResult {
  const result = z.safeParse(scenarioObjectSchema, input, { error: () => NO_CUSTOM_MESSAGE });
  if (result.success) return { scenario: result.data, issues: [] };
  return { scenario: undefined, issues: schemaIssues(scenarioObjectSchema, input, sources, result.error.issues) };
}

/**
 * Each top-level field validated on its own, keeping the ones that pass. Cross-field rules run on
 * this, so a mistake in one top-level field does not hide a cross-field problem in another.
 */
export function validFields(input: unknown): Partial<Scenario> {
  const part: Record<string, unknown> = {};
  if (!input || typeof input !== 'object') return part;
  for (const [key, field] of Object.entries(scenarioObjectSchema.shape)) {
    const result = z.safeParse(field as Schema, (input as Record<string, unknown>)[key]);
    // An optional field left out stays as a key with value undefined: known to be valid, unset.
    if (result.success) part[key] = result.data;
  }
  return part as Partial<Scenario>;
}

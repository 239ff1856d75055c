// `--set path=value` from the command line (and sweeps in experiments): applied to the merged
// scenario before validation, so an override is checked exactly like a value written in a file,
// and its errors point at the `--set` that caused them.
import { isWithin, type SourceMap } from './document.ts';
import type { ScenarioLayer } from './extends.ts';
import { ScenarioError, issueAt, type ScenarioIssue, type SourcePosition } from './issues.ts';
import { interventionIndex, leverChanges } from './levers.ts';
import { formatPath, isPrototypeKey, parsePath, PROTOTYPE_KEY_MESSAGE, setPath, type PathSegment } from './path.ts';
import { MAX_NESTING, nestsDeeperThan } from './nesting.ts';

/**
 * One override: a field path and its new value; `text` is how it was typed, for messages. With
 * `lever`, `path` is the id of one of the scenario's levers, which decides what changes.
 */
export interface Override {
  path: string;
  value: unknown;
  text?: string;
  lever?: boolean;
}

/** A field an override changed, as a concrete path (`tiers[3].offlinePerDay`), and the override. */
export interface AppliedOverride {
  /** How the override reads in messages: `--set tiers[3].offlinePerDay=0`, `--lever rural-promoters=0`. */
  readonly where: string;
  readonly path: string;
}

/** The value of `--set path=value`: JSON if it parses (0.002, false, [1,2]), else the raw string. */
export function parseOverrideValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Reads `tiers[3].offlinePerDay=0.002` as an Override; throws a ScenarioError if there is no `=`. */
export function parseOverride(text: string): Override {
  const equals = text.indexOf('=');
  if (equals <= 0) {
    const where = `--set ${text}`;
    throw new ScenarioError([issueAt({ file: '--set', line: 1, column: 1, where }, '', 'expected path=value, e.g. tiers[3].offlinePerDay=0.002')]);
  }
  return { path: text.slice(0, equals), value: parseOverrideValue(text.slice(equals + 1)), text };
}

/** Reads `--lever rural-promoters=0` as an Override; throws a ScenarioError if there is no `=`. */
export function parseLever(text: string): Override {
  const equals = text.indexOf('=');
  if (equals <= 0) {
    throw new ScenarioError([issueAt({ file: '--set', line: 1, column: 1, where: `--lever ${text}` }, '', 'expected lever=value, e.g. rural-promoters=0')]);
  }
  return { path: text.slice(0, equals), value: parseOverrideValue(text.slice(equals + 1)), text, lever: true };
}

/** `interventions["rural promoters start in tier 4"].value` → `interventions[1].value`: interventions by name. */
function byIndex(root: unknown, segments: PathSegment[]): PathSegment[] {
  if (segments[0] !== 'interventions' || typeof segments[1] !== 'string') return segments;
  return ['interventions', interventionIndex(root, segments[1]), ...segments.slice(2)];
}

/** The first key inside a value that would reach a prototype (call only on a value of bounded depth). */
function prototypeKeyWithin(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (isPrototypeKey(key)) return key;
    const inner = prototypeKeyWithin(item);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** What makes an override's value unusable before it is set anywhere, or undefined. */
function valueProblem(value: unknown): string | undefined {
  if (nestsDeeperThan(value, MAX_NESTING - 1)) return `the value nests more than ${MAX_NESTING - 1} levels deep; no field is nested so deep`;
  const key = prototypeKeyWithin(value);
  return key === undefined ? undefined : `the value has a field "${key}", which ${PROTOTYPE_KEY_MESSAGE}`;
}

/** Every path inside a value (the value itself included), for pointing nested errors at the --set. */
function pathsWithin(value: unknown, path: PathSegment[], out: PathSegment[][] = []): PathSegment[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => pathsWithin(item, [...path, i], out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsWithin(item, [...path, key], out);
  return out;
}

function recordSources(sources: SourceMap, segments: PathSegment[], value: unknown, atPath: SourcePosition, atValue: SourcePosition): void {
  const key = formatPath(segments);
  for (const existing of [...sources.keys()]) if (isWithin(existing, key)) sources.delete(existing);
  // Containers the override had to create exist only because of it: point them at the --set too.
  for (let n = 1; n < segments.length; n++) {
    const prefix = formatPath(segments.slice(0, n));
    if (!sources.has(prefix)) sources.set(prefix, { value: atPath, key: atPath });
  }
  for (const inner of pathsWithin(value, segments)) sources.set(formatPath(inner), { value: atValue, key: inner.length === segments.length ? atPath : atValue });
}

/**
 * Applies overrides in order to a merged layer, in place. Positions: file "--set", line = which
 * override (1-based), column = where its path or its value starts within `path=value`.
 */
export function applyOverrides(layer: ScenarioLayer, overrides: readonly Override[], issues: ScenarioIssue[]): AppliedOverride[] {
  const applied: AppliedOverride[] = [];
  overrides.forEach((override, i) => {
    const text = override.text ?? `${override.path}=${JSON.stringify(override.value)}`;
    const where = `${override.lever ? '--lever' : '--set'} ${text}`;
    const atPath: SourcePosition = { file: '--set', line: i + 1, column: 1, where };
    const atValue: SourcePosition = { ...atPath, column: Math.max(1, text.indexOf('=') + 2) };
    let changes: { segments: PathSegment[]; value: unknown }[];
    try {
      const problem = valueProblem(override.value);
      if (problem) throw new Error(problem);
      if (override.lever) changes = leverChanges(layer.value, override.path, override.value);
      else {
        const segments = byIndex(layer.value, parsePath(override.path));
        // Files are merged before overrides apply, so a late `extends` would be silently ignored.
        if (segments[0] === 'extends') throw new Error('extends cannot be overridden: the files are merged before --set applies');
        changes = [{ segments, value: override.value }];
      }
      for (const change of changes) setPath(layer.value, change.segments, change.value);
    } catch (error) {
      issues.push(issueAt(atPath, override.path, (error as Error).message));
      return;
    }
    for (const change of changes) {
      recordSources(layer.sources, change.segments, change.value, atPath, atValue);
      applied.push({ where, path: formatPath(change.segments) });
    }
  });
  return applied;
}

// `"extends": "base.json"`: a scenario builds on another. Objects merge key by key, deepest file
// last; arrays and plain values are replaced whole, because merging two tier lists item by item
// would silently mix tiers from two files. Each value keeps the file position it came from.
import { isWithin, parseDocument, sourceAt, type SourceMap } from './document.ts';
import { issueAt, showValue, type ScenarioIssue } from './issues.ts';
import { formatPath, type PathSegment } from './path.ts';
import { InputFileError } from './input-text.ts';

/** A merged scenario value (before validation) and where each of its fields was written. */
export interface ScenarioLayer {
  value: Record<string, unknown>;
  sources: SourceMap;
}

/** Reads a file by path; undefined (or an Error thrown, whose message says why) when it cannot be read. */
export type ReadFile = (path: string) => string | undefined;

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Resolves `relative` against the folder of `fromFile`, with "/" separators ("a/b/../c" → "a/c"). */
export function resolveRelative(fromFile: string, relative: string): string {
  const parts = relative.startsWith('/') ? [] : fromFile.split(/[\\/]/).slice(0, -1);
  for (const part of relative.split(/[\\/]/)) {
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..' && parts[parts.length - 1] !== '') parts.pop();
    else if (part !== '.' && !(part === '' && parts.length > 0)) parts.push(part);
  }
  return parts.join('/');
}

function copySourcesWithin(from: SourceMap, to: SourceMap, prefix: string): void {
  for (const key of [...to.keys()]) if (isWithin(key, prefix)) to.delete(key);
  for (const [key, source] of from) if (isWithin(key, prefix)) to.set(key, source);
}

/** `over` on top of `base`: objects merge recursively, anything else in `over` replaces whole. */
function mergeValue(base: unknown, over: unknown, path: PathSegment[], sources: SourceMap, overSources: SourceMap): unknown {
  const key = formatPath(path);
  if (!isPlainObject(base) || !isPlainObject(over)) {
    copySourcesWithin(overSources, sources, key);
    return over;
  }
  const own = overSources.get(key);
  if (own) sources.set(key, own);
  const merged: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(over)) merged[name] = mergeValue(base[name], value, [...path, name], sources, overSources);
  return merged;
}

/**
 * Parses a scenario file and, recursively, the files it extends, merged into one layer. Problems
 * go into `issues`; undefined means the layer could not be built at all (bad JSON, missing or
 * cyclic `extends`), when validating what is left would only produce confusing errors.
 */
export function loadLayer(text: string, file: string, readFile: ReadFile, issues: ScenarioIssue[], chain: string[] = []): ScenarioLayer | undefined {
  const document = parseDocument(text, file);
  issues.push(...document.issues);
  if (document.value === undefined) return undefined;
  if (!isPlainObject(document.value)) {
    issues.push(issueAt(sourceAt(document.sources, []), '', `expected an object of scenario fields, got ${showValue(document.value)}`));
    return undefined;
  }
  const { extends: extended, ...value } = document.value;
  const layer: ScenarioLayer = { value, sources: document.sources };
  if (extended === undefined) return layer;
  const keyAt = sourceAt(document.sources, ['extends'], 'key');
  if (typeof extended !== 'string' || extended === '') {
    issues.push(issueAt(sourceAt(document.sources, ['extends']), 'extends', `expected the path of a scenario file, got ${showValue(extended)}`));
    return undefined;
  }
  const baseFile = resolveRelative(file, extended);
  const visited = [...chain, file];
  if (visited.includes(baseFile)) {
    const cycle = [...visited.slice(visited.indexOf(baseFile)), baseFile].join(' → ');
    issues.push(issueAt(keyAt, 'extends', `"${extended}" extends in a cycle: ${cycle}`));
    return undefined;
  }
  let baseText: string | undefined;
  let why = '';
  try {
    baseText = readFile(baseFile);
  } catch (error) {
    why = `: ${error instanceof InputFileError ? error.reason : (error as Error).message}`;
  }
  if (baseText === undefined) {
    issues.push(issueAt(keyAt, 'extends', `cannot read the extended file "${extended}" (looked for ${baseFile})${why}`));
    return undefined;
  }
  const base = loadLayer(baseText, baseFile, readFile, issues, visited);
  if (!base) return undefined;
  const sources = new Map(base.sources);
  return { value: mergeValue(base.value, layer.value, [], sources, layer.sources) as Record<string, unknown>, sources };
}

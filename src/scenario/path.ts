// Field paths such as `tiers[3].offlinePerDay`: the one notation used by interventions, `--set`
// overrides, `notes` keys and error messages. The engine applies interventions with these too.

/** One step of a path: an object key or an array index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Names that reach an object's prototype when used as keys (`x.__proto__.polluted = 1` changes
 * every object). No field is called so, so they are refused in paths and in files alike.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isPrototypeKey(key: PropertyKey): boolean {
  return typeof key === 'string' && PROTOTYPE_KEYS.has(key);
}

export const PROTOTYPE_KEY_MESSAGE = 'is not allowed as a field name (it would reach the object prototype)';

/** Most steps a path may take: the nesting bound of every input (nesting.ts). */
const MAX_SEGMENTS = 32;

/**
 * Splits `tiers[3].offlinePerDay` into `['tiers', 3, 'offlinePerDay']`. Keys that are not plain
 * identifiers (a `notes` key is itself a path) are written as JSON strings in brackets:
 * `notes["tiers[3].offlinePerDay"]`. Throws an Error saying where the path stops making sense.
 */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`invalid path "${path}": ${what} at character ${i + 1}`);
  };
  while (i < path.length) {
    const ch = path[i];
    if (ch === '[') {
      const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(path.slice(i));
      const index = /^\[(\d+)\]/.exec(path.slice(i));
      if (quoted) segments.push(JSON.parse(quoted[1]) as string);
      else if (index) segments.push(Number(index[1]));
      else fail('expected an index like [3] or a quoted key like ["a.b"]');
      i += (quoted ?? index)![0].length;
    } else {
      if (segments.length > 0) {
        if (ch !== '.') fail('expected "." or "["');
        i++;
      }
      let end = i;
      while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
      if (end === i) fail('expected a field name');
      segments.push(path.slice(i, end));
      i = end;
    }
  }
  if (segments.length === 0) fail('expected a field name');
  if (segments.length > MAX_SEGMENTS) throw new Error(`invalid path: more than ${MAX_SEGMENTS} steps; no field is nested so deep`);
  const forbidden = segments.find(isPrototypeKey);
  if (forbidden !== undefined) throw new Error(`invalid path: "${String(forbidden)}" ${PROTOTYPE_KEY_MESSAGE}`);
  return segments;
}

/** The inverse of parsePath: `['tiers', 3, 'x']` → `tiers[3].x`; the empty path is `""`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** `tiers[3].offlinePerDay` → `tiers[].offlinePerDay`, the form SETUP_ONLY_FIELDS is written in. */
export function genericPath(segments: readonly PropertyKey[]): string {
  return formatPath(segments).replace(/\[\d+\]/g, '[]');
}

function toSegments(path: string | readonly PathSegment[]): readonly PathSegment[] {
  return typeof path === 'string' ? parsePath(path) : path;
}

/**
 * The concrete paths of a path with `[]` (every item of that list) in `root` as it stands:
 * `tiers[].share` gives `tiers[0].share` … for each tier. Where a `[]` meets no list, `notAList`
 * decides: by default that branch gives no path.
 */
export function itemPaths(root: unknown, path: string, notAList: (prefix: readonly PathSegment[]) => PathSegment[][] = () => []): PathSegment[][] {
  const parts = path.split('[]');
  let found: PathSegment[][] = [parts[0] === '' ? [] : parsePath(parts[0])];
  for (const rest of parts.slice(1)) {
    const tail = rest === '' ? [] : parsePath(rest.startsWith('.') ? rest.slice(1) : rest);
    found = found.flatMap((prefix) => {
      const list = getPath(root, prefix);
      return Array.isArray(list) ? list.map((_, i) => [...prefix, i, ...tail]) : notAList(prefix);
    });
  }
  return found;
}

/** The value at a path, or undefined when any step is missing. */
export function getPath(root: unknown, path: string | readonly PathSegment[]): unknown {
  let node: unknown = root;
  for (const segment of toSegments(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    if (typeof segment === 'number' && !Array.isArray(node)) return undefined;
    // Own fields only: `constructor` or `toString` are not fields of a scenario.
    if (!Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

/**
 * Sets the value at a path in place. Missing object keys on the way are created as objects, so
 * `payment.closedLoop` works even where `payment` was left to its default; an array index must
 * already exist, because a half-made array item is never what was meant.
 */
export function setPath(root: object, path: string | readonly PathSegment[], value: unknown): void {
  const segments = toSegments(path);
  let node = root as Record<PropertyKey, unknown>;
  segments.forEach((segment, i) => {
    const here = formatPath(segments.slice(0, i)) || 'the scenario';
    if (isPrototypeKey(segment)) throw new Error(`"${String(segment)}" ${PROTOTYPE_KEY_MESSAGE}`);
    if (typeof segment === 'number') {
      if (!Array.isArray(node)) throw new Error(`${here} is not a list, so it has no item [${segment}]`);
      if (segment >= node.length) throw new Error(`${here} has ${node.length} items, so it has no item [${segment}]`);
    } else if (Array.isArray(node)) {
      throw new Error(`${here} is a list: expected an index like [0], got "${segment}"`);
    }
    if (i === segments.length - 1) {
      node[segment] = value;
      return;
    }
    const next = Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (next === undefined) node[segment] = typeof segments[i + 1] === 'number' ? [] : {};
    else if (next === null || typeof next !== 'object') {
      throw new Error(`${formatPath(segments.slice(0, i + 1))} is ${JSON.stringify(next)}, not an object`);
    }
    node = node[segment] as Record<PropertyKey, unknown>;
  });
}

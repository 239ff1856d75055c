// A lever (`--lever rural-promoters=0`) means what the scenario's `levers` list says it means: the
// fields and interventions it moves, and how. It is expanded here into plain field changes on the
// merged scenario, before validation, so a lever is checked like any value written in a file.
import { isPlainObject } from './extends.ts';
import { formatPath, getPath, itemPaths, parsePath, type PathSegment } from './path.ts';
import { unwrap, type Schema } from './fields.ts';
import { leverSchema, scenarioObjectSchema, type Lever } from './schema.ts';

/** One field a lever sets, and its new value. */
export interface LeverChange {
  readonly segments: PathSegment[];
  readonly value: unknown;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The concrete paths of a lever's path with `[]`; a `[]` on something that is not a list is an error. */
const expand = (root: unknown, path: string) =>
  itemPaths(root, path, (prefix) => {
    throw new Error(`${formatPath(prefix)} is not a list`);
  });

/** The value at a path, or the schema's default for it when the scenario leaves it out. */
function writtenOrDefault(root: unknown, segments: readonly PathSegment[]): unknown {
  const written = getPath(root, segments);
  if (written !== undefined) return written;
  let schema: Schema | undefined = scenarioObjectSchema;
  for (const segment of segments) {
    const { def } = unwrap(schema);
    schema = typeof segment === 'number' ? def.element : def.shape?.[segment];
    if (!schema) return undefined;
  }
  return unwrap(schema).defaultValue;
}

/** The index of the intervention with this name; throws an Error listing the names there are. */
export function interventionIndex(root: unknown, name: string): number {
  const list = isPlainObject(root) && Array.isArray(root.interventions) ? root.interventions : [];
  const index = list.findIndex((iv) => isPlainObject(iv) && iv.name === name);
  if (index >= 0) return index;
  const names = list.map((iv) => (isPlainObject(iv) && typeof iv.name === 'string' ? `"${iv.name}"` : undefined)).filter(Boolean);
  throw new Error(`no intervention named "${name}" in this scenario${names.length > 0 ? `; its interventions: ${names.join(', ')}` : ' (it has none)'}`);
}

/**
 * The value an intervention's field has the day before it starts: the scenario's value with the
 * earlier interventions on the same field applied (a ramp still under way counts in part).
 */
function valueBefore(root: unknown, index: number): number {
  const list = (root as { interventions: Record<string, unknown>[] }).interventions;
  const target = list[index];
  let value = writtenOrDefault(root, parsePath(String(target.path)));
  const earlier = list
    .map((iv, order) => ({ iv, order }))
    .filter(({ iv, order }) => order !== index && iv.path === target.path && String(iv.from) < String(target.from))
    .sort((a, b) => String(a.iv.from).localeCompare(String(b.iv.from)) || a.order - b.order);
  for (const { iv } of earlier) {
    if (iv.to === undefined || typeof iv.value !== 'number' || String(iv.to) < String(target.from)) value = iv.value;
    else if (typeof value === 'number') {
      const f = daysBetween(String(iv.from), String(target.from)) - 1;
      value = value + (iv.value - value) * Math.min(1, Math.max(0, f / daysBetween(String(iv.from), String(iv.to))));
    }
  }
  if (typeof value !== 'number') throw new Error(`the value of ${String(target.path)} before "${String(target.name)}" is not a number, so the lever cannot add to it`);
  return value;
}

function checkValue(lever: Lever, value: unknown): void {
  if (lever.kind === 'switch' && typeof value !== 'boolean') throw new Error(`expected true or false, got ${JSON.stringify(value)}`);
  if (lever.kind === 'choice' && !lever.options!.includes(value as string)) throw new Error(`expected one of ${lever.options!.map((o) => `"${o}"`).join(', ')}, got ${JSON.stringify(value)}`);
  if (lever.kind === 'number') {
    const { min, max } = lever.range!;
    if (typeof value !== 'number' || !(value >= min && value <= max)) throw new Error(`expected a number in [${min}, ${max}]${lever.unit ? ` (${typeof lever.unit === 'string' ? lever.unit : lever.unit.en})` : ''}, got ${JSON.stringify(value)}`);
  }
}

/** The scenario's lever with this id, checked; throws an Error naming the levers there are. */
export function findLever(root: unknown, id: string): Lever {
  const list = isPlainObject(root) && Array.isArray(root.levers) ? root.levers : [];
  const written = list.find((lever) => isPlainObject(lever) && lever.id === id);
  if (!written) {
    const ids = list.map((lever) => (isPlainObject(lever) ? `"${String(lever.id)}"` : '')).filter(Boolean);
    throw new Error(`no lever "${id}" in this scenario${ids.length > 0 ? `; its levers: ${ids.join(', ')}` : ' (it declares none in "levers")'}`);
  }
  const parsed = leverSchema.safeParse(written);
  if (!parsed.success) throw new Error(`the lever "${id}" is not valid (see its entry in "levers")`);
  return parsed.data;
}

/** The field changes that set lever `id` to `value` in the merged scenario `root`. Throws an Error saying why not. */
export function leverChanges(root: unknown, id: string, value: unknown): LeverChange[] {
  const lever = findLever(root, id);
  checkValue(lever, value);
  const changes: LeverChange[] = [];
  for (const move of lever.moves) {
    if (move.intervention !== undefined) {
      const index = interventionIndex(root, move.intervention);
      const segments: PathSegment[] = ['interventions', index, 'value'];
      const current = getPath(root, segments);
      if (move.as === 'increase') changes.push({ segments, value: valueBefore(root, index) + (value as number) });
      else if (move.as === 'factor') changes.push({ segments, value: Number(current) * (value as number) });
      else changes.push({ segments, value });
      continue;
    }
    if (move.as === 'increase') throw new Error(`"as": "increase" moves an intervention, not the field ${move.path}`);
    for (const segments of expand(root, move.path!)) {
      const current = writtenOrDefault(root, segments);
      if (move.as === 'factor' && typeof current !== 'number') throw new Error(`${formatPath(segments)} is not a number, so the lever cannot multiply it`);
      changes.push({ segments, value: move.as === 'factor' ? (current as number) * (value as number) : value });
    }
  }
  return changes;
}

/**
 * The value lever `lever` has in the scenario as written, so a control starts where the file is:
 * "increase" reads the intervention's step over the value before it, "factor" reads 1, "value" the
 * first thing it moves. Read from a validated scenario (defaults filled in).
 */
export function leverSetting(root: unknown, lever: Lever): unknown {
  const [move] = lever.moves;
  if (move.as === 'factor') return 1;
  if (move.intervention === undefined) return writtenOrDefault(root, expand(root, move.path!)[0] ?? []);
  const index = interventionIndex(root, move.intervention);
  const value = getPath(root, ['interventions', index, 'value']);
  // Rounded to 12 significant digits: a difference of two decimals must not show as 0.0013000000000000002.
  return move.as === 'increase' ? Number(((value as number) - valueBefore(root, index)).toPrecision(12)) : value;
}

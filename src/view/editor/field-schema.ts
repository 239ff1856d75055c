// The editor's form is read off the scenario's JSON Schema (the same text `npm run schema` writes to
// scenarios/schema.json, made here from src/scenario/schema.ts at load), so a field added to the
// schema appears in the page with its meaning, unit, range and default and nothing is listed twice.
import { isContainer, listFields } from '../../scenario/fields.ts';
import { canChangeDuringRun } from '../../scenario/interventions.ts';
import { scenarioJsonSchema } from '../../scenario/reference.ts';
import { scenarioObjectSchema } from '../../scenario/schema.ts';

/** The parts of a JSON Schema node the form reads. */
export interface SchemaNode {
  type?: string | string[];
  description?: string;
  unit?: string;
  default?: unknown;
  enum?: string[];
  properties?: Record<string, SchemaNode>;
  /** Fields of this object a file must write (they have no default). */
  required?: string[];
  items?: SchemaNode;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
}

/** How a field is edited in the page. */
export type FieldKind = 'group' | 'list' | 'number' | 'whole' | 'switch' | 'choice' | 'text' | 'scalar' | 'json';

export interface FieldSchema {
  readonly root: SchemaNode;
  /** What a field accepts, in the command line's words, by generic path (`tiers[].share`). */
  readonly expected: ReadonlyMap<string, string>;
  /** The fields an intervention may change (generic paths), offered when one is written. */
  readonly changeable: readonly string[];
}

export function loadFieldSchema(): FieldSchema {
  const root = JSON.parse(scenarioJsonSchema()) as SchemaNode;
  const fields = listFields(scenarioObjectSchema);
  const expected = new Map(fields.map((entry) => [entry.path, entry.expected]));
  const changeable = fields.filter((entry) => !isContainer(entry.shape.schema) && canChangeDuringRun(entry.path)).map((entry) => entry.path);
  return { root, expected, changeable };
}

export function kindOf(node: SchemaNode): FieldKind {
  if (Array.isArray(node.type)) return 'scalar';
  if (node.enum) return 'choice';
  switch (node.type) {
    case 'object':
      return node.properties ? 'group' : 'json';
    case 'array':
      return node.items?.type === 'object' && node.items.properties ? 'list' : 'json';
    case 'number':
      return 'number';
    case 'integer':
      return 'whole';
    case 'boolean':
      return 'switch';
    case 'string':
      return 'text';
    default:
      return 'json';
  }
}

/**
 * The default a node's own `default` gives, else the one its enclosing group's default gives for
 * it (a tier's `platforms.qq` has no default of its own in JSON Schema terms once nested).
 */
export function defaultAt(root: SchemaNode, path: readonly (string | number)[]): unknown {
  let node: SchemaNode | undefined = root;
  let inherited: unknown;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') {
      inherited = undefined;
      node = node.items;
      continue;
    }
    inherited = inherited !== null && typeof inherited === 'object' ? (inherited as Record<string, unknown>)[segment] : undefined;
    node = node.properties?.[segment];
    if (node?.default !== undefined) inherited = node.default;
  }
  return inherited;
}

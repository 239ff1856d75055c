// Reads the zod schema as data: which fields exist under a path, their meaning, unit, default and
// allowed values. Error messages, intervention checks and the README reference all describe a
// field the same way because they all come through here.
import { z } from 'zod';

export type Schema = z.core.$ZodType;

/** The parts of zod's internal definitions this file reads (zod 4 keeps them on `_zod.def`). */
interface SchemaDef {
  type: string;
  innerType?: Schema;
  defaultValue?: unknown;
  shape?: Record<string, Schema>;
  element?: Schema;
  valueType?: Schema;
  options?: Schema[];
  entries?: Record<string, string | number>;
  format?: string;
  checks?: { _zod: { def: CheckDef } }[];
}

interface CheckDef {
  check: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  format?: string;
  error?: (issue: unknown) => unknown;
}

const defOf = (schema: Schema): SchemaDef => schema._zod.def as unknown as SchemaDef;

/** A field's schema with its default/optional wrappers taken off, and what they said. */
export interface FieldShape {
  schema: Schema;
  def: SchemaDef;
  hasDefault: boolean;
  defaultValue: unknown;
  optional: boolean;
  description?: string;
  unit?: string;
}

/** Takes off `.default()` / `.optional()` wrappers; the outermost `.meta()` wins. */
export function unwrap(schema: Schema): FieldShape {
  const shape: FieldShape = { schema, def: defOf(schema), hasDefault: false, defaultValue: undefined, optional: false };
  for (;;) {
    const meta = z.globalRegistry.get(shape.schema) as { description?: string; unit?: string } | undefined;
    shape.description ??= meta?.description;
    shape.unit ??= meta?.unit;
    if (shape.def.type === 'default' && !shape.hasDefault) {
      shape.hasDefault = true;
      shape.defaultValue = shape.def.defaultValue;
    } else if (shape.def.type === 'optional') shape.optional = true;
    else if (shape.def.type !== 'default') return shape;
    shape.schema = shape.def.innerType!;
    shape.def = defOf(shape.schema);
  }
}

/** The keys an object field accepts, or undefined when it is not a fixed-shape object. */
export function objectKeys(schema: Schema): string[] | undefined {
  const { def } = unwrap(schema);
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}

/** The schema of the field at a path, or undefined when the schema has no such field. */
export function fieldAt(root: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let schema: Schema | undefined = root;
  for (const segment of path) {
    if (!schema) return undefined;
    const { def } = unwrap(schema);
    if (def.type === 'object') schema = typeof segment === 'string' ? def.shape?.[segment] : undefined;
    else if (def.type === 'array') schema = typeof segment === 'number' ? def.element : undefined;
    else if (def.type === 'record') schema = typeof segment === 'string' ? def.valueType : undefined;
    else return undefined;
  }
  return schema;
}

export function isContainer(schema: Schema): boolean {
  const { type } = unwrap(schema).def;
  return type === 'object' || type === 'array' || type === 'record';
}

/** The allowed values of an enum field, or undefined. */
export function enumOptions(schema: Schema): string[] | undefined {
  const { def } = unwrap(schema);
  return def.type === 'enum' && def.entries ? Object.values(def.entries).map(String) : undefined;
}

const checksOf = (def: SchemaDef): CheckDef[] => (def.checks ?? []).map((check) => check._zod.def);

/** The message given to `.regex(re, message)` / `.refine(fn, message)`, if it was a plain string. */
function checkMessage(check: CheckDef): string | undefined {
  try {
    const message = check.error?.({});
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

function describeNumber(def: SchemaDef): string {
  const noun = def.format && /int/.test(def.format) ? 'an integer' : 'a number';
  const checks = checksOf(def);
  const low = checks.find((c) => c.check === 'greater_than');
  const high = checks.find((c) => c.check === 'less_than');
  if (low && high) return `${noun} in ${low.inclusive ? '[' : '('}${low.value}, ${high.value}${high.inclusive ? ']' : ')'}`;
  if (low) return `${noun} ${low.inclusive ? '≥' : '>'} ${low.value}`;
  if (high) return `${noun} ${high.inclusive ? '≤' : '<'} ${high.value}`;
  return noun;
}

function describeString(def: SchemaDef): string {
  const checks = checksOf(def);
  const pattern = checks.find((c) => c.check === 'string_format' && c.format === 'regex');
  const patternWords = pattern && checkMessage(pattern);
  if (patternWords) return /^an? /.test(patternWords) ? patternWords : `a string of ${patternWords}`;
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  return min > 0 ? 'a non-empty string' : 'a string';
}

function describeLength(def: SchemaDef): string {
  const checks = checksOf(def);
  const min = checks.find((c) => c.check === 'min_length')?.minimum;
  const max = checks.find((c) => c.check === 'max_length')?.maximum;
  if (min !== undefined && max !== undefined) return `a list of ${min} to ${max} items`;
  if (min !== undefined) return `a list of at least ${min} item${min === 1 ? '' : 's'}`;
  if (max !== undefined) return `a list of at most ${max} items`;
  return 'a list';
}

/** "a, b or c" */
export function listWords(words: readonly string[], last = 'or'): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

/** What a field accepts, in words: `a number in [0, 1]`, `one of "a", "b"`, `true or false`. */
export function describeExpected(schema: Schema): string {
  const { def } = unwrap(schema);
  switch (def.type) {
    case 'number':
      return describeNumber(def);
    case 'string':
      return describeString(def);
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${listWords(enumOptions(schema)!.map((o) => JSON.stringify(o)))}`;
    case 'array':
      return describeLength(def);
    case 'object':
      return 'an object';
    case 'record':
      return `an object whose values are each ${describeExpected(def.valueType!)}`;
    case 'union':
      // "true or false" would read as two alternatives in a list of alternatives.
      return listWords((def.options ?? []).map((option) => (unwrap(option).def.type === 'boolean' ? 'a boolean' : describeExpected(option))));
    default:
      return `a ${def.type}`;
  }
}

/** One row of the field reference: every field of the schema, depth first, in schema order. */
export interface FieldEntry {
  /** Generic path, `[]` standing for any index: `tiers[].share`. */
  path: string;
  shape: FieldShape;
  expected: string;
}

export function listFields(root: Schema): FieldEntry[] {
  const entries: FieldEntry[] = [];
  const visit = (schema: Schema, path: string) => {
    const shape = unwrap(schema);
    if (path !== '') entries.push({ path, shape, expected: describeExpected(schema) });
    if (shape.def.type === 'object') {
      for (const [key, child] of Object.entries(shape.def.shape ?? {})) visit(child, path === '' ? key : `${path}.${key}`);
    } else if (shape.def.type === 'array') visit(shape.def.element!, `${path}[]`);
  };
  visit(root, '');
  return entries;
}

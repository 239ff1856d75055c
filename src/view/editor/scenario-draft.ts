// The scenario being edited: the file's own fields (what a download writes), the fields it inherits
// through `extends` (read by the loader's own merge), and the validation of the file as it now
// stands by the loader the command line uses, so the page shows the command line's messages.
import { loadLayer, resolveRelative, isPlainObject, type ReadFile } from '../../scenario/extends.ts';
import { ScenarioError, type ScenarioIssue } from '../../scenario/issues.ts';
import { resolveScenario, type ResolvedScenario } from '../../scenario/load.ts';
import { parseDocument } from '../../scenario/document.ts';
import { getPath, setPath, type PathSegment } from '../../scenario/path.ts';
import type { SchemaNode } from './field-schema.ts';

export type Validation = { readonly resolved: ResolvedScenario; readonly issues: readonly [] } | { readonly resolved: undefined; readonly issues: readonly ScenarioIssue[] };

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Keys in the schema's order at every depth (unknown keys after, as written), so downloads are stable. */
function ordered(value: unknown, node: SchemaNode | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, node?.items));
  if (!isPlainObject(value)) return value;
  const known = Object.keys(node?.properties ?? {});
  const keys = [...known.filter((k) => Object.hasOwn(value, k)), ...Object.keys(value).filter((k) => !known.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, ordered(value[k], node?.properties?.[k])]));
}

/** Empty objects left behind by cleared fields say nothing a file needs to say. */
function prune(value: Record<string, unknown>): void {
  for (const [key, child] of Object.entries(value)) {
    if (!isPlainObject(child)) continue;
    prune(child);
    if (Object.keys(child).length === 0) delete value[key];
  }
}

export class ScenarioDraft {
  private constructor(
    /** The file's name: messages name it and its `extends` is resolved from its folder. */
    readonly file: string,
    private own: Record<string, unknown>,
    /** The file's own fields as opened, to tell an edit back to the inherited value from a field the file always set. */
    private readonly opened: Record<string, unknown>,
    private readonly schema: SchemaNode,
    private readonly readFile: ReadFile,
  ) {}

  /** A draft of a file's text; a ScenarioError when the text is not a JSON object (nothing to edit). */
  static open(text: string, file: string, schema: SchemaNode, readFile: ReadFile): ScenarioDraft {
    const document = parseDocument(text, file);
    if (document.issues.length > 0 && document.value === undefined) throw new ScenarioError(document.issues);
    if (!isPlainObject(document.value)) throw new ScenarioError([{ file, line: 1, column: 1, where: `${file}:1:1`, path: '', message: 'expected an object of scenario fields' }]);
    return new ScenarioDraft(file, clone(document.value), clone(document.value), schema, readFile);
  }

  /** What the file inherits through `extends` (the merged files below it), before defaults. */
  inherited(): Record<string, unknown> {
    const extended = this.own.extends;
    if (typeof extended !== 'string' || extended === '') return {};
    const layer = loadLayer(JSON.stringify({ extends: extended }), this.file, this.readFile, []);
    return layer?.value ?? {};
  }

  /** The file's own value at a path (undefined when the file leaves it to `extends` or the default). */
  ownValue(path: readonly PathSegment[]): unknown {
    return getPath(this.own, path);
  }

  /** The value the file's own fields and `extends` give a path, defaults aside. */
  writtenValue(path: readonly PathSegment[], inherited = this.inherited()): unknown {
    const own = this.ownValue(path);
    return own !== undefined ? own : this.inheritedValue(path, inherited);
  }

  /**
   * What the loader would take without the file's own value: inherited when the list or object
   * around it comes from the extended file. A list the file writes replaces the inherited one whole.
   */
  inheritedValue(path: readonly PathSegment[], inherited = this.inherited()): unknown {
    for (let n = 1; n < path.length; n++) if (Array.isArray(getPath(this.own, path.slice(0, n)))) return undefined;
    return getPath(inherited, path);
  }

  /**
   * Sets (or, with undefined, clears) a field. Editing inside a list the file inherits first copies
   * the list into the file, as the loader replaces lists whole. A value equal to what the field
   * would have anyway, on a field the opened file did not set, is not written. Returns whether a
   * list was copied in (the form then shows its other items as the file's own).
   */
  set(path: readonly PathSegment[], value: unknown, fallback: unknown): boolean {
    const inherited = this.inherited();
    let copied = false;
    for (let n = 1; n < path.length; n++) {
      const prefix = path.slice(0, n);
      if (typeof path[n] !== 'number' || this.ownValue(prefix) !== undefined) continue;
      const list = getPath(inherited, prefix);
      if (!Array.isArray(list)) continue;
      setPath(this.own, prefix, clone(list));
      copied = true;
    }
    const anyway = this.inheritedValue(path, inherited) ?? fallback;
    const openedWith = getPath(this.opened, path);
    if (value === undefined || (openedWith === undefined && anyway !== undefined && same(value, anyway))) {
      const parent = getPath(this.own, path.slice(0, -1));
      // A list item is never cleared this way (it is removed); only object fields are.
      if (isPlainObject(parent)) delete parent[path[path.length - 1] as string];
      prune(this.own);
      return copied;
    }
    setPath(this.own, path, value);
    return copied;
  }

  /** Adds an item to a list (copying an inherited list in first); returns its index. */
  append(path: readonly PathSegment[], item: unknown): number {
    const list = [...((this.writtenValue(path) as unknown[] | undefined) ?? []), item];
    setPath(this.own, path, clone(list));
    return list.length - 1;
  }

  remove(path: readonly PathSegment[], index: number): void {
    const list = [...((this.writtenValue(path) as unknown[] | undefined) ?? [])];
    list.splice(index, 1);
    setPath(this.own, path, clone(list));
  }

  /** The file as a download writes it: the file's own fields in the schema's order, 2-space JSON. */
  text(): string {
    return `${JSON.stringify(ordered(this.own, this.schema), null, 2)}\n`;
  }

  /** The command line's validation of `text()`: every issue, located in that text. */
  validate(): Validation {
    try {
      return { resolved: resolveScenario(this.text(), this.file, this.readFile), issues: [] };
    } catch (error) {
      if (error instanceof ScenarioError) return { resolved: undefined, issues: error.issues };
      throw error;
    }
  }

  /** The file that `extends` names, as the loader looks for it. */
  extendedFile(): string | undefined {
    const extended = this.own.extends;
    return typeof extended === 'string' && extended !== '' ? resolveRelative(this.file, extended) : undefined;
  }
}

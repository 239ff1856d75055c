// The form: one collapsible group per schema group (population, tiers — one per tier — network,
// channels, payment, …), one row per field with its meaning, unit, allowed values and default. An
// input holds what the file itself writes; an empty one shows, greyed, what the field gets anyway.
import type { ScenarioIssue } from '../../scenario/issues.ts';
import { formatPath, genericPath, parsePath, type PathSegment } from '../../scenario/path.ts';
import { t } from '../shared/language.ts';
import { defaultAt, kindOf, type FieldKind, type FieldSchema, type SchemaNode } from './field-schema.ts';
import type { ScenarioDraft } from './scenario-draft.ts';
import { fieldDescription, fieldExpected, fieldUnit } from './field-words.ts';

export interface FormEvents {
  /** A field changed: validate and redraw what depends on it. */
  edited(): void;
  /** Items were added or removed: the whole form is drawn again. */
  reshaped(): void;
  /** A new item for a list (an intervention on the chosen date, …). */
  newItem(list: readonly PathSegment[]): unknown;
}

/** Fields that name another field: their input suggests the ones an intervention may change. */
const PATH_FIELDS = ['interventions[].path', 'levers[].moves[].path'];

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** An input's text as the value the file gets. Text that does not fit the field is kept as text, so the loader says what is wrong. */
export function readInput(kind: FieldKind, text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  switch (kind) {
    case 'number':
    case 'whole':
      return JSON_NUMBER.test(trimmed) ? Number(trimmed) : text;
    case 'switch':
      return trimmed === 'true';
    case 'scalar':
      return trimmed === 'true' ? true : trimmed === 'false' ? false : JSON_NUMBER.test(trimmed) ? Number(trimmed) : text;
    case 'json':
      try {
        return JSON.parse(trimmed) as unknown;
      } catch {
        return text;
      }
    default:
      return text;
  }
}

const shown = (value: unknown): string => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
/** A value in a field's help line: a long one (an inherited `notes`) is cut, the input itself shows it whole. */
const brief = (value: unknown): string => {
  const text = shown(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export class FieldForm {
  private readonly open = new Set<string>(['$general']);
  private counter = 0;
  private draft: ScenarioDraft | undefined;
  private inherited: Record<string, unknown> = {};

  constructor(
    private readonly container: HTMLElement,
    private readonly schema: FieldSchema,
    private readonly events: FormEvents,
  ) {}

  render(draft: ScenarioDraft): void {
    this.draft = draft;
    this.inherited = draft.inherited();
    const root = this.schema.root.properties ?? {};
    const general = Object.entries(root).filter(([, node]) => !['group', 'list'].includes(kindOf(node)));
    const groups = Object.entries(root).filter(([, node]) => ['group', 'list'].includes(kindOf(node)));
    const required = this.schema.root.required ?? [];
    const rows = general.map(([key, node]) => this.row([key], key, node, undefined, required.includes(key)));
    rows.push(...this.unknownRows([], this.schema.root));
    const sections = [this.group(['$general'], t('editor.general'), '', rows)];
    for (const [key, node] of groups) sections.push(kindOf(node) === 'list' ? this.list([key], node) : this.object([key], node));
    this.container.replaceChildren(...sections);
  }

  /** Opens the groups around a field (an item chosen on the calendar) and puts the cursor in it. */
  reveal(path: readonly PathSegment[]): void {
    for (let n = 1; n <= path.length; n++) this.open.add(formatPath(path.slice(0, n)));
    for (const details of this.container.querySelectorAll<HTMLDetailsElement>('details')) if (this.open.has(details.dataset.path ?? '')) details.open = true;
    const target = this.container.querySelector<HTMLElement>(`[data-path="${CSS.escape(formatPath(path))}"]`);
    target?.scrollIntoView({ block: 'start' });
    target?.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
  }

  /** Opens the field an issue names (or the nearest group that is drawn). */
  revealIssue(path: string): void {
    let segments: PathSegment[];
    try {
      segments = parsePath(path);
    } catch {
      return;
    }
    for (let n = segments.length; n > 0; n--) {
      if (this.container.querySelector(`[data-path="${CSS.escape(formatPath(segments.slice(0, n)))}"]`)) return this.reveal(segments.slice(0, n));
    }
  }

  /** Puts each issue of the edited file next to its field (or the nearest group that is drawn). */
  showIssues(issues: readonly ScenarioIssue[], file: string): void {
    for (const slot of this.container.querySelectorAll<HTMLElement>('.problem')) {
      slot.hidden = true;
      slot.textContent = '';
    }
    for (const input of this.container.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
    for (const group of this.container.querySelectorAll('.holds-problem')) group.classList.remove('holds-problem');
    for (const issue of issues) {
      if (issue.file !== file) continue;
      let segments: PathSegment[];
      try {
        segments = parsePath(issue.path);
      } catch {
        segments = [];
      }
      for (let n = segments.length; n >= 0; n--) {
        const holder = this.container.querySelector<HTMLElement>(`[data-path="${CSS.escape(n === 0 ? '$general' : formatPath(segments.slice(0, n)))}"]`);
        const slot = holder?.querySelector<HTMLElement>(':scope > .problem');
        if (!holder || !slot) continue;
        slot.hidden = false;
        slot.textContent = `${slot.textContent ? `${slot.textContent}\n` : ''}${issue.where} ${issue.path}: ${issue.message}`;
        holder.querySelector(':scope > .control')?.setAttribute('aria-invalid', 'true');
        // A closed group says it holds a problem, so it can be found without opening every one.
        for (let group = holder.closest('details'); group; group = group.parentElement?.closest('details') ?? null) group.classList.add('holds-problem');
        break;
      }
    }
  }

  private group(path: PathSegment[], title: string, description: string, rows: Node[], extra: Node[] = []): HTMLDetailsElement {
    const key = formatPath(path) || '$general';
    const details = element('details', { className: 'group', open: this.open.has(key) });
    details.dataset.path = key;
    details.addEventListener('toggle', () => (details.open ? this.open.add(key) : this.open.delete(key)));
    const summary = element('summary', {}, element('span', { className: 'group-name', textContent: title }), ' ', element('span', { className: 'group-help', textContent: description }));
    details.append(summary, element('p', { className: 'problem', hidden: true }), ...extra, ...rows);
    return details;
  }

  private object(path: PathSegment[], node: SchemaNode): HTMLDetailsElement {
    const rows = Object.entries(node.properties ?? {}).map(([key, child]) => {
      const kind = kindOf(child);
      const at = [...path, key];
      return kind === 'group' ? this.object(at, child) : kind === 'list' ? this.list(at, child) : this.row(at, key, child, undefined, node.required?.includes(key) ?? false);
    });
    rows.push(...this.unknownRows(path, node));
    return this.group(path, String(path[path.length - 1]), fieldDescription(node.description ?? ''), rows);
  }

  /** Fields the schema does not know, shown so they can be cleared (the loader names each, with the field it guesses was meant). */
  private unknownRows(path: PathSegment[], node: SchemaNode): HTMLElement[] {
    const own = path.length === 0 ? this.draft!.ownValue([]) : this.draft!.ownValue(path);
    const unknown = own !== null && typeof own === 'object' && !Array.isArray(own) ? Object.keys(own).filter((k) => !(k in (node.properties ?? {}))) : [];
    return unknown.map((key) => this.row([...path, key], key, {}, t('editor.unknown')));
  }

  private list(path: PathSegment[], node: SchemaNode): HTMLDetailsElement {
    const items = (this.draft!.writtenValue(path, this.inherited) as unknown[] | undefined) ?? [];
    const rows: Node[] = items.map((item, i) => {
      const name = item !== null && typeof item === 'object' ? ((item as Record<string, unknown>).name ?? (item as Record<string, unknown>).id) : undefined;
      const inner = this.object([...path, i], node.items!);
      const summary = inner.querySelector('summary')!;
      summary.querySelector('.group-name')!.textContent = `${formatPath([...path, i])}${typeof name === 'string' ? ` · ${name}` : ''}`;
      const remove = element('button', { type: 'button', className: 'remove', textContent: t('editor.remove', { item: formatPath([...path, i]) }) });
      remove.dataset.testid = `remove:${formatPath([...path, i])}`;
      remove.addEventListener('click', () => {
        this.draft!.remove(path, i);
        this.events.reshaped();
      });
      inner.append(remove);
      return inner;
    });
    const add = element('button', { type: 'button', className: 'add', textContent: t('editor.add', { list: String(path[path.length - 1]) }) });
    add.dataset.testid = `add:${formatPath(path)}`;
    add.disabled = node.maxItems !== undefined && items.length >= node.maxItems;
    add.addEventListener('click', () => {
      const index = this.draft!.append(path, this.events.newItem(path));
      this.open.add(formatPath(path));
      this.open.add(formatPath([...path, index]));
      this.events.reshaped();
    });
    rows.push(add);
    return this.group(path, String(path[path.length - 1]), fieldDescription(node.description ?? ''), rows);
  }

  private row(path: PathSegment[], key: string, node: SchemaNode, note?: string, required = false): HTMLElement {
    const draft = this.draft!;
    const kind = note ? 'json' : kindOf(node);
    const id = `field-${++this.counter}`;
    const fallback = defaultAt(this.schema.root, path);
    const inherited = draft.inheritedValue(path, this.inherited);
    const control = this.control(kind, node, draft.ownValue(path), inherited ?? fallback);
    Object.assign(control, { id, className: 'control' });
    control.dataset.testid = `field:${formatPath(path)}`;
    control.setAttribute('aria-describedby', `${id}-help ${id}-problem`);
    control.addEventListener('change', () => {
      if (draft.set(path, readInput(kind, control.value), fallback)) this.events.reshaped();
      else this.events.edited();
    });
    const unit = node.unit ? element('span', { className: 'unit', textContent: fieldUnit(node.unit) }) : '';
    const label = element('label', { htmlFor: id }, element('code', { textContent: key }), ' ', unit);
    const facts = [node.description !== undefined ? fieldDescription(node.description) : (note ?? '')];
    const expected = this.schema.expected.get(genericPath(path));
    if (expected) facts.push(`${t('editor.allowed')}: ${fieldExpected(expected)}`);
    if (fallback !== undefined) facts.push(`${t('editor.default')}: ${brief(fallback)}`);
    else if (required) facts.push(t('editor.required'));
    if (inherited !== undefined) facts.push(`${t('editor.inherited', { file: draft.extendedFile() ?? '' })}: ${brief(inherited)}`);
    const help = element('p', { className: 'help', id: `${id}-help`, textContent: facts.filter(Boolean).join(' · ') });
    const wrapper = element('div', { className: 'field' }, label, control, help, element('p', { className: 'problem', id: `${id}-problem`, hidden: true }));
    if (PATH_FIELDS.includes(genericPath(path))) wrapper.append(this.pathChoices(control, id));
    wrapper.dataset.path = formatPath(path);
    return wrapper;
  }

  /** The fields an intervention (or a lever) may move, with this scenario's tiers, as the input's suggestions. */
  private pathChoices(control: HTMLElement, id: string): HTMLDataListElement {
    const tiers = (this.draft!.writtenValue(['tiers'], this.inherited) as unknown[] | undefined)?.length ?? 0;
    const list = element('datalist', { id: `${id}-paths` });
    for (const path of this.schema.changeable) {
      const concrete = path.startsWith('tiers[].') ? Array.from({ length: tiers }, (_, i) => path.replace('tiers[]', `tiers[${i}]`)) : [path];
      for (const choice of concrete) list.append(new Option(choice, choice));
    }
    control.setAttribute('list', list.id);
    return list;
  }

  private control(kind: FieldKind, node: SchemaNode, own: unknown, anyway: unknown): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
    if (kind === 'switch' || kind === 'choice') {
      const select = element('select');
      select.append(new Option(`${t('editor.unset')} (${shown(anyway)})`, ''));
      for (const option of kind === 'switch' ? ['true', 'false'] : (node.enum ?? [])) select.append(new Option(option, option));
      // A value the list does not offer (a typo in the file) stays visible, so the loader's message about it makes sense.
      const current = shown(own);
      if (own !== undefined && ![...select.options].some((o) => o.value === current)) select.append(new Option(current, current));
      select.value = own === undefined ? '' : current;
      return select;
    }
    if (kind === 'json') return element('textarea', { rows: 2, value: shown(own), placeholder: shown(anyway) });
    const numeric = kind === 'number' || kind === 'whole';
    const input = element('input', { type: 'text', value: shown(own), placeholder: shown(anyway) });
    if (numeric) input.inputMode = kind === 'whole' ? 'numeric' : 'decimal';
    return input;
  }
}

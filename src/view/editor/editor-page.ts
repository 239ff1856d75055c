// The scenario editor page: open a bundled scenario or a file, edit it in a form drawn from the
// schema and on the calendar, see the command line's verdict on every change, and take the file
// away — as a download, as a link to the simulator, or into the compare page as baseline or variant.
import { ScenarioError, type ScenarioIssue } from '../../scenario/issues.ts';
import type { PathSegment } from '../../scenario/path.ts';
import { bundledEntry, bundledText, catalog, DEFAULT_SCENARIO_ID, readBundled } from '../shared/catalog.ts';
import { download } from '../shared/downloads.ts';
import { decodeScenarioText, encodeScenarioText, SCENARIO_TEXT_PARAM } from '../shared/scenario-text.ts';
import { acceptScenarioFiles } from '../simulator/scenario-file.ts';
import { CalendarStrip, type CalendarItem } from './calendar-strip.ts';
import { onLanguageChange, t, withLanguage } from '../shared/language.ts';
import { FieldForm } from './field-form.ts';
import { defaultAt, loadFieldSchema, type FieldSchema } from './field-schema.ts';
import { ScenarioDraft } from './scenario-draft.ts';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

export class EditorPage {
  private readonly schema: FieldSchema = loadFieldSchema();
  private readonly form: FieldForm;
  private readonly calendar: CalendarStrip;
  private readonly picker = byId<HTMLSelectElement>('scenario-picker');
  private draft: ScenarioDraft | undefined;
  /** The bundled scenario the draft started from, the compare page's baseline for "use as variant". */
  private bundledId: string | undefined;
  /** The file's text as opened (in the download's form), to tell an untouched bundled scenario by its id. */
  private openedText = '';
  /** Files opened from disk or a link, by their picker choice, so choosing one again reopens it. */
  private readonly loaded = new Map<string, { readonly file: string; readonly text: string }>();
  /** Counts edits, so a link encoded for an older text is never shown for a newer one. */
  private edits = 0;

  constructor() {
    this.form = new FieldForm(byId('fields'), this.schema, {
      edited: () => this.refresh(),
      reshaped: () => this.redraw(),
      newItem: (list) => this.newItem(list),
    });
    this.calendar = new CalendarStrip(byId('calendar'), {
      pick: (list, index) => this.form.reveal([list, index]),
      add: (list, date) => {
        const index = this.draft?.append([list], list === 'interventions' ? { name: t('editor.newIntervention'), path: '', value: 0, from: date } : { name: t('editor.newFestival'), monthDay: date.slice(5) });
        if (index === undefined) return;
        this.redraw();
        this.form.reveal([list, index]);
      },
    });
  }

  async open(): Promise<void> {
    onLanguageChange(() => this.redraw());
    for (const entry of catalog()) this.picker.add(new Option(entry.title, entry.id));
    this.picker.addEventListener('change', () => this.openBundled(this.picker.value));
    acceptScenarioFiles(byId('scenario-file'), byId('drop-hint'), (text, name) => this.openText(text, name, undefined), (error, name) => this.showIssues(error.issues, t('editor.cannotOpen', { file: name })));
    byId('download').addEventListener('click', () => this.draft && download(baseName(this.draft.file), new Blob([this.draft.text()], { type: 'application/json' })));
    const params = new URLSearchParams(location.search);
    const carried = params.get(SCENARIO_TEXT_PARAM);
    if (carried) {
      try {
        const { file, text } = await decodeScenarioText(carried);
        this.openText(text, file, undefined);
        return;
      } catch (error) {
        // The default world opens first (which clears the list), then the reason shows.
        this.openBundled(DEFAULT_SCENARIO_ID);
        this.showIssues([{ file: '', line: 1, column: 1, where: 'link', path: '', message: (error as Error).message }], t('editor.cannotOpen', { file: SCENARIO_TEXT_PARAM }));
        return;
      }
    }
    this.openBundled(params.get('scenario') ?? DEFAULT_SCENARIO_ID);
  }

  /** A choice of the picker: a bundled scenario, or a file opened earlier in this page (as it was opened). */
  private openBundled(id: string): void {
    const loaded = this.loaded.get(id);
    if (loaded) return this.openText(loaded.text, loaded.file, undefined);
    const entry = bundledEntry(id) ?? bundledEntry(DEFAULT_SCENARIO_ID);
    if (entry) this.openText(bundledText(entry), entry.file, entry.id);
  }

  private openText(text: string, file: string, bundledId: string | undefined): void {
    try {
      this.draft = ScenarioDraft.open(text, file, this.schema.root, readBundled);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      this.showIssues(error.issues, t('editor.cannotOpen', { file }));
      return;
    }
    this.bundledId = bundledId;
    this.openedText = this.draft.text();
    if (bundledId) this.picker.value = bundledId;
    else {
      const id = `file:${file}`;
      if (!this.loaded.has(id)) this.picker.add(new Option(baseName(file), id));
      this.loaded.set(id, { file, text });
      this.picker.value = id;
    }
    byId('file-name').textContent = file;
    this.redraw();
  }

  private redraw(): void {
    if (!this.draft) return;
    this.form.render(this.draft);
    const extended = this.draft.extendedFile();
    byId('extends-note').hidden = !extended;
    byId('extends-note').textContent = extended ? t('editor.extendsNote', { file: extended }) : '';
    this.refresh();
  }

  /** What a new list item starts as: a festival or intervention from the calendar, else a copy of the last item. */
  private newItem(list: readonly PathSegment[]): unknown {
    const written = (this.draft?.writtenValue(list) as unknown[] | undefined) ?? [];
    const start = String(this.value(['start']));
    if (list.length === 1 && list[0] === 'interventions') return { name: t('editor.newIntervention'), path: '', value: 0, from: start };
    if (list.length === 1 && list[0] === 'festivals') return { name: t('editor.newFestival'), monthDay: start.slice(5) };
    return written.length > 0 ? JSON.parse(JSON.stringify(written[written.length - 1])) : {};
  }

  /** A field's value as the file, `extends` and the defaults give it. */
  private value(path: readonly PathSegment[]): unknown {
    return this.draft?.writtenValue(path) ?? defaultAt(this.schema.root, path);
  }

  /** Validates the file as it now stands and redraws the verdict, the calendar and the links. */
  private refresh(): void {
    const draft = this.draft!;
    const edit = ++this.edits;
    const { issues, resolved } = draft.validate();
    this.form.showIssues(issues, draft.file);
    this.showIssues(issues, '');
    const verdict = byId('verdict');
    verdict.textContent = issues.length === 0 ? t('editor.valid') : t('editor.invalid', { count: issues.length });
    verdict.className = issues.length === 0 ? 'verdict valid' : 'verdict invalid';
    const items = (list: string) => (this.value([list]) as CalendarItem[] | undefined) ?? [];
    this.calendar.render(this.value(['start']), this.value(['days']), items('festivals'), items('interventions'));
    const links = ['permalink', 'use-baseline', 'use-variant'].map((id) => byId<HTMLAnchorElement>(id));
    for (const link of links) {
      link.removeAttribute('href');
      link.setAttribute('aria-disabled', 'true');
    }
    byId('links-note').textContent = resolved ? '' : t('editor.needsValid');
    const fileText = draft.text();
    const pristine = this.bundledId !== undefined && fileText === this.openedText;
    void encodeScenarioText({ file: draft.file, text: fileText }).then((encoded) => {
      if (edit !== this.edits) return;
      const text = `${SCENARIO_TEXT_PARAM}=${encoded}`;
      // The editor's own address holds the file as it stands, valid or not: a reload or a shared link opens it again.
      history.replaceState(null, '', `${location.pathname}${withLanguage(pristine ? `?scenario=${encodeURIComponent(this.bundledId!)}` : `?${text}`)}`);
      if (!resolved) return;
      const id = `file:${baseName(draft.file)}`;
      const baseline = this.bundledId ?? DEFAULT_SCENARIO_ID;
      const hrefs = [`./index.html?${text}`, `./compare.html?baseline=${encodeURIComponent(id)}&${text}`, `./compare.html?baseline=${encodeURIComponent(baseline)}&variant=${encodeURIComponent(id)}&${text}`];
      links.forEach((link, i) => {
        link.href = hrefs[i];
        link.removeAttribute('aria-disabled');
      });
    });
  }

  /** The command line's lines, one row each: place, field, what was expected and what was found. */
  private showIssues(issues: readonly ScenarioIssue[], title: string): void {
    const panel = byId('issues');
    panel.hidden = issues.length === 0;
    if (issues.length === 0) return panel.replaceChildren();
    const table = document.createElement('table');
    table.createCaption().textContent = title ? `${title} — ${t('editor.issues')}` : t('editor.issues');
    const head = table.createTHead().insertRow();
    for (const text of [t('editor.where'), t('editor.field'), t('editor.problem')]) head.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: text }));
    const body = table.createTBody();
    for (const issue of issues) {
      const row = body.insertRow();
      row.className = 'issue';
      row.insertCell().textContent = issue.where;
      const field = row.insertCell();
      field.textContent = issue.path || t('editor.wholeFile');
      if (issue.path && issue.file === this.draft?.file) {
        // The field's name takes the reader to it in the form.
        const go = Object.assign(document.createElement('button'), { type: 'button', className: 'to-field', textContent: issue.path });
        go.addEventListener('click', () => this.form.revealIssue(issue.path));
        field.replaceChildren(go);
      }
      row.insertCell().textContent = issue.message;
    }
    panel.replaceChildren(table);
  }

}

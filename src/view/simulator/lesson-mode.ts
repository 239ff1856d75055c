// Lesson mode's part of the page: the lesson picker, opening a chapter's world, playing it at the
// chapter's speed, and measuring its end for the reveal. The App gives it the page's world and
// playback; the panel (lesson-panel.ts) holds the chapter's stage and draws it.
import { chapterDays, chapterOverrides } from '../../experiments/lesson-file.ts';
import { measureRun } from '../../experiments/lesson-measures.ts';
import type { LessonChapter } from '../../experiments/lesson-schema.ts';
import { language, onLanguageChange, t } from '../shared/language.ts';
import { lessonEntries, lessonTitle, loadLesson } from './lesson-catalog.ts';
import { LessonPanel } from './lesson-panel.ts';
import type { LoadedRun, Playback } from './playback.ts';
import type { ViewAddress } from './permalink.ts';

export interface LessonHost {
  readonly playback: Playback;
  /** Opens a bundled scenario with a seed (null: its own) and overrides at day 0; the problem, or null. */
  openScenario(id: string, seed: number | null, overrides: string[]): unknown;
  showError(title: string, error: unknown): void;
  writeAddress(): void;
}

export class LessonMode {
  private readonly panel: LessonPanel;
  /** The run whose end was measured, so it is measured once. */
  private measuredRun: LoadedRun | null = null;

  constructor(
    panelElement: HTMLElement,
    private readonly picker: HTMLSelectElement,
    private readonly speedSelect: HTMLSelectElement,
    private readonly host: LessonHost,
  ) {
    this.panel = new LessonPanel(panelElement, {
      open: (chapter, index) => this.openChapter(chapter, index),
      run: (chapter) => this.runChapter(chapter),
      moved: () => host.writeAddress(),
      close: () => this.close(),
    });
    this.fillPicker();
    onLanguageChange(() => this.fillPicker());
    picker.addEventListener('change', () => (picker.value ? this.open(picker.value, 0) : this.close()));
  }

  get active(): boolean {
    return this.panel.active;
  }

  /** Opens a bundled lesson at a chapter; false (with the problem shown) when it cannot. */
  open(id: string, chapter: number): boolean {
    let lesson;
    try {
      lesson = loadLesson(id);
    } catch (error) {
      this.host.showError(t('lesson.cannotOpen', { id }), error);
      return false;
    }
    if (!lesson) {
      this.host.showError(t('lesson.unknown', { id }), new Error(t('lesson.pickOne')));
      return false;
    }
    this.picker.value = id;
    this.panel.show(id, lesson, chapter);
    return true;
  }

  close(): void {
    this.panel.hide();
    this.picker.value = '';
    this.host.writeAddress();
  }

  /** Whether Play or Step may go: not before the class has committed to a prediction. */
  mayPlay(): boolean {
    return this.panel.mayPlay();
  }

  /** The world started playing. */
  started(): void {
    this.panel.started();
  }

  /** A world advanced: at the end of a chapter's world, its measure goes to the reveal. */
  advanced(run: LoadedRun): void {
    if (this.panel.active && run.sim.done && this.measuredRun !== run) {
      this.measuredRun = run;
      void this.measure(run);
    }
  }

  /** The lesson's part of the permalink. */
  address(): Pick<ViewAddress, 'lesson' | 'chapter'> {
    return this.panel.active ? { lesson: this.panel.id, chapter: this.panel.chapterIndex } : {};
  }

  private fillPicker(): void {
    const chosen = this.picker.value;
    this.picker.replaceChildren(new Option(t('lesson.none'), ''));
    for (const entry of lessonEntries()) this.picker.add(new Option(lessonTitle(entry, language()), entry.id));
    this.picker.value = chosen;
  }

  /** A chapter's world: its scenario and seed, its overrides, and its last day as the run's end. */
  private openChapter(chapter: LessonChapter, index: number): void {
    const world = loadLesson(this.panel.id)?.worlds[index];
    if (!world) return;
    const overrides = [...chapterOverrides(chapter).map((o) => o.text!), `days=${chapterDays(chapter, world)}`];
    const failure = this.host.openScenario(chapter.scenario.id, chapter.scenario.seed ?? null, overrides);
    if (failure) this.host.showError(t('lesson.worldFailed'), failure);
  }

  private runChapter(chapter: LessonChapter): void {
    const speed = chapter.run.speed === 'max' ? Infinity : chapter.run.speed;
    this.host.playback.speed = speed;
    const option = [...this.speedSelect.options].find((o) => (o.value === 'max' ? Infinity : Number(o.value)) === speed);
    if (option) this.speedSelect.value = option.value;
    this.host.playback.play();
  }

  private async measure(run: LoadedRun): Promise<void> {
    const { flow } = await run.sim.result();
    const chapter = loadLesson(this.panel.id)?.lesson.chapters[this.panel.chapterIndex];
    if (run !== this.host.playback.current || !chapter) return;
    this.panel.finished(measureRun(chapter.measure, { start: run.scenario.start, series: run.sim.series, flow, lastDay: run.sim.day }));
  }
}

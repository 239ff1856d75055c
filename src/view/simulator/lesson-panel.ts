// Lesson mode: one chapter at a time, question → prediction → run → reveal. The class commits to
// a prediction before the world may play (the run button and Play stay shut until then); the
// reveal sets the prediction beside the measure of the run and explains the mechanism. Keys for a
// presenter: N / PageDown next chapter, B / PageUp previous, Enter commits, R reveals.
import type { LessonDocument } from '../../experiments/lesson-file.ts';
import { choiceHolding, isPercent } from '../../experiments/lesson-measures.ts';
import type { LessonChapter } from '../../experiments/lesson-schema.ts';
import { formatNumber, formatPercent, language, localeOf, onLanguageChange, setLanguage, t } from '../shared/language.ts';
import { measureName } from './measure-name.ts';

export type LessonStage = 'question' | 'committed' | 'running' | 'ran' | 'revealed';

export interface LessonActions {
  /** Opens the chapter's world at day 0 (paused). */
  open(chapter: LessonChapter, index: number): void;
  /** Plays the opened world to its end at the chapter's speed. */
  run(chapter: LessonChapter): void;
  /** Chapter changed: the permalink follows. */
  moved(): void;
  close(): void;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/** Form fields that type text keep their keys (a slider and a radio button still take Enter). */
function typingText(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['range', 'radio', 'checkbox', 'button'].includes(target.type);
}

export class LessonPanel {
  private lessonDocument: LessonDocument | null = null;
  private lessonId = '';
  private index = 0;
  private stage: LessonStage = 'question';
  private guess: number | null = null;
  private result: number | null = null;
  private hint: 'commitFirst' | '' = '';

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: LessonActions,
  ) {
    document.addEventListener('keydown', (event) => this.key(event));
    onLanguageChange(() => this.render());
  }

  get active(): boolean {
    return this.lessonDocument !== null;
  }

  get id(): string {
    return this.lessonId;
  }

  get chapterIndex(): number {
    return this.index;
  }

  get currentStage(): LessonStage {
    return this.stage;
  }

  private get chapter(): LessonChapter {
    return this.lessonDocument!.lesson.chapters[this.index];
  }

  show(id: string, lesson: LessonDocument, chapter: number): void {
    Object.assign(this, { lessonDocument: lesson, lessonId: id });
    this.root.hidden = false;
    this.goTo(Math.max(0, Math.min(chapter, lesson.lesson.chapters.length - 1)));
  }

  hide(): void {
    this.lessonDocument = null;
    this.root.hidden = true;
    this.root.replaceChildren();
  }

  /** Whether Play may start: only once the class has committed to a prediction. */
  mayPlay(): boolean {
    if (!this.active || this.stage !== 'question') return true;
    this.hint = 'commitFirst';
    this.render();
    return false;
  }

  /** The world started playing (by the run button or by Play). */
  started(): void {
    if (this.active && this.stage === 'committed') this.setStage('running');
  }

  /** The world played to its end; `value` is the chapter's measure of it. */
  finished(value: number): void {
    if (!this.active || (this.stage !== 'running' && this.stage !== 'committed')) return;
    this.result = value;
    this.setStage('ran');
  }

  goTo(index: number): void {
    if (!this.lessonDocument || index < 0 || index >= this.lessonDocument.lesson.chapters.length) return;
    this.index = index;
    const prediction = this.chapter.prediction;
    this.guess = prediction.kind === 'slider' ? (prediction.start ?? prediction.min + Math.round((prediction.max - prediction.min) / 2 / prediction.step) * prediction.step) : null;
    this.result = null;
    this.hint = '';
    this.setStage('question');
    this.actions.open(this.chapter, index);
    this.actions.moved();
  }

  commit(): void {
    if (this.stage !== 'question' || this.guess === null) return;
    this.hint = '';
    this.setStage('committed');
  }

  reveal(): void {
    if (this.stage === 'ran') this.setStage('revealed');
  }

  private run(): void {
    if (this.stage === 'committed') this.actions.run(this.chapter);
  }

  private setStage(stage: LessonStage): void {
    this.stage = stage;
    this.render();
  }

  private key(event: KeyboardEvent): void {
    if (!this.active || event.altKey || event.ctrlKey || event.metaKey || typingText(event.target)) return;
    const key = event.key;
    if (key === 'n' || key === 'N' || key === 'PageDown') this.goTo(this.index + 1);
    else if (key === 'b' || key === 'B' || key === 'PageUp') this.goTo(this.index - 1);
    else if (key === 'r' || key === 'R') this.reveal();
    else if (key === 'Enter' && !(event.target instanceof HTMLButtonElement)) this.commit();
    else return;
    event.preventDefault();
  }

  private format(value: number): string {
    const measure = this.chapter.measure;
    return isPercent(measure) ? formatPercent(value / 100) : formatNumber(value, 0);
  }

  private predictionText(): string {
    const prediction = this.chapter.prediction;
    if (this.guess === null) return '–';
    if (prediction.kind === 'choice') return prediction.options[this.guess].label[language()];
    return `${formatNumber(this.guess)} ${prediction.unit[language()]}`;
  }

  private predictionControl(locked: boolean): HTMLElement {
    const prediction = this.chapter.prediction;
    const box = element('fieldset', { className: 'lesson-prediction', disabled: locked }, element('legend', { textContent: t('lesson.prediction') }));
    if (prediction.kind === 'choice') {
      prediction.options.forEach((option, k) => {
        const radio = element('input', { type: 'radio', name: 'lesson-choice', value: String(k), checked: this.guess === k });
        radio.dataset.testid = `lesson-choice-${k}`;
        radio.addEventListener('change', () => (this.guess = k));
        box.append(element('label', { className: 'lesson-option' }, radio, ` ${option.label[language()]}`));
      });
    } else {
      const output = element('output', { textContent: this.predictionText() });
      const slider = element('input', { type: 'range', min: String(prediction.min), max: String(prediction.max), step: String(prediction.step), value: String(this.guess) });
      slider.dataset.testid = 'lesson-slider';
      slider.setAttribute('aria-label', t('lesson.prediction'));
      slider.addEventListener('input', () => {
        this.guess = Number(slider.value);
        output.textContent = this.predictionText();
      });
      box.append(element('div', { className: 'lesson-slider' }, slider, output));
    }
    return box;
  }

  private button(text: string, testid: string, enabled: boolean, click: () => void): HTMLButtonElement {
    const b = element('button', { type: 'button', textContent: text, disabled: !enabled });
    b.dataset.testid = testid;
    b.addEventListener('click', click);
    return b;
  }

  private revealBox(): HTMLElement {
    const chapter = this.chapter;
    const value = this.result ?? 0;
    const resultCell = element('td', { className: 'lesson-result', textContent: this.format(value) });
    resultCell.dataset.testid = 'lesson-result';
    resultCell.dataset.value = String(value);
    const table = element(
      'table',
      { className: 'lesson-compare' },
      element('tr', {}, element('th', { scope: 'row', textContent: t('lesson.predicted') }), element('td', { textContent: this.predictionText() })),
      element('tr', {}, element('th', { scope: 'row', textContent: t('lesson.result') }), resultCell),
    );
    const box = element('div', { className: 'lesson-reveal' }, element('p', { className: 'lesson-measure', textContent: t('lesson.measured', { measure: measureName(chapter.measure) }) }), table);
    box.dataset.testid = 'lesson-reveal-panel';
    const prediction = chapter.prediction;
    if (prediction.kind === 'choice') {
      const holding = choiceHolding(prediction.options, value);
      box.append(element('p', { className: 'lesson-verdict', textContent: holding < 0 ? t('lesson.noAnswer') : holding === this.guess ? t('lesson.inside') : t('lesson.outside', { label: prediction.options[holding].label[language()] }) }));
    }
    box.append(element('p', { className: 'lesson-explanation', textContent: chapter.reveal[language()] }));
    return box;
  }

  private render(): void {
    if (!this.lessonDocument) return;
    const lesson = this.lessonDocument.lesson;
    const chapter = this.chapter;
    const stage = this.stage;
    this.root.lang = localeOf(language());
    this.root.dataset.stage = stage;
    // The page's language switch, repeated where the class looks (the lesson is the page's language).
    const switcher = this.button(t('language.switch'), 'lesson-language', true, () => setLanguage(language() === 'en' ? 'zh' : 'en'));
    switcher.title = t('language.switchLabel');
    switcher.lang = localeOf(language() === 'en' ? 'zh' : 'en');
    const close = this.button('×', 'lesson-close', true, () => this.actions.close());
    close.setAttribute('aria-label', t('lesson.close'));
    const runText = stage === 'running' ? t('lesson.running') : t('lesson.run');
    const children: HTMLElement[] = [
      element('div', { className: 'lesson-head' }, element('h2', { textContent: lesson.title[language()] }), switcher, close),
      element('p', { className: 'lesson-progress', textContent: `${t('lesson.chapter', { n: this.index + 1, of: lesson.chapters.length })} · ${chapter.title[language()]}` }),
      element('p', { className: 'lesson-question', textContent: chapter.question[language()] }),
      this.predictionControl(stage !== 'question'),
      element(
        'div',
        { className: 'lesson-actions' },
        this.button(stage === 'question' ? t('lesson.commit') : t('lesson.committed'), 'lesson-commit', stage === 'question', () => this.commit()),
        this.button(runText, 'lesson-run', stage === 'committed', () => this.run()),
        this.button(t('lesson.reveal'), 'lesson-reveal', stage === 'ran', () => this.reveal()),
      ),
    ];
    if (this.hint) children.push(element('p', { className: 'lesson-hint', role: 'status', textContent: t(`lesson.${this.hint}`) }));
    if (stage === 'revealed') children.push(this.revealBox());
    children.push(
      element(
        'nav',
        { className: 'lesson-nav' },
        this.button(t('lesson.previous'), 'lesson-previous', this.index > 0, () => this.goTo(this.index - 1)),
        this.button(t('lesson.next'), 'lesson-next', this.index < lesson.chapters.length - 1, () => this.goTo(this.index + 1)),
      ),
    );
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.testid;
    this.root.replaceChildren(...children);
    // Re-rendering replaces the buttons: keep the keyboard where it was.
    if (focused && this.root.contains(document.activeElement) === false) (this.root.querySelector(`[data-testid="${focused}"]:not(:disabled)`) as HTMLElement | null)?.focus();
  }
}

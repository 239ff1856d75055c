// Play, step, reset and speed, by button and by key: space plays or pauses, → steps one day, P
// switches presenter mode.
import { onLanguageChange, t } from '../shared/language.ts';

type PlayState = 'paused' | 'playing' | 'waiting';

export interface TransportActions {
  toggle(): void;
  step(): void;
  reset(): void;
  /** Days per second; Infinity for as fast as possible. */
  speed(daysPerSecond: number): void;
  /** Presenter mode on or off. */
  presenter(): void;
}

export interface TransportElements {
  readonly play: HTMLButtonElement;
  readonly step: HTMLButtonElement;
  readonly reset: HTMLButtonElement;
  readonly speed: HTMLSelectElement;
  readonly presenter: HTMLButtonElement;
}

export function readSpeed(select: HTMLSelectElement): number {
  return select.value === 'max' ? Infinity : Number(select.value);
}

/** A form field keeps its own keys: a slider uses the arrows, a checkbox and a file picker use space. */
function typingInto(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** The speed list's "N days/s" in the page's language (the slow and fastest entries are the page's own keys). */
function labelSpeeds(select: HTMLSelectElement): void {
  for (const option of select.options) if (/^\d+$/.test(option.value)) option.textContent = t('simulator.speeds.perSecond', { count: Number(option.value) });
}

export function wireTransport(elements: TransportElements, actions: TransportActions): void {
  labelSpeeds(elements.speed);
  showPlaying(elements.play, 'paused');
  onLanguageChange(() => {
    labelSpeeds(elements.speed);
    showPlaying(elements.play, (elements.play.dataset.state ?? 'paused') as PlayState);
  });
  elements.play.addEventListener('click', () => actions.toggle());
  elements.step.addEventListener('click', () => actions.step());
  elements.reset.addEventListener('click', () => actions.reset());
  elements.speed.addEventListener('change', () => actions.speed(readSpeed(elements.speed)));
  elements.presenter.addEventListener('click', () => actions.presenter());
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || typingInto(event.target)) return;
    if (event.key === ' ') {
      // A focused button would also "click" on space: handle it once, here.
      event.preventDefault();
      actions.toggle();
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      actions.step();
    } else if (event.key === 'p' || event.key === 'P') actions.presenter();
  });
}

/** The play button names what it will do, or that it will play once the world is ready. */
export function showPlaying(play: HTMLButtonElement, state: PlayState): void {
  play.dataset.state = state;
  play.textContent = state === 'playing' ? t('simulator.pause') : state === 'waiting' ? t('simulator.playsWhenReady') : t('simulator.play');
  play.setAttribute('aria-pressed', String(state !== 'paused'));
}

/**
 * Presenter mode: the whole screen, large type (chart text 18 px and more at 1920 × 1080, see
 * style.css). Full screen is asked for, but a browser may refuse it (no user gesture, an iframe):
 * the large type applies either way.
 */
export function togglePresenter(button: HTMLButtonElement): void {
  const on = document.documentElement.classList.toggle('presenter');
  button.setAttribute('aria-pressed', String(on));
  if (on && !document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => undefined);
  if (!on && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}

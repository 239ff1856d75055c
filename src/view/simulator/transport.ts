// Play, step, reset and speed, by button and by key: space plays or pauses, → steps one day.

export interface TransportActions {
  toggle(): void;
  step(): void;
  reset(): void;
  /** Days per second; Infinity for as fast as possible. */
  speed(daysPerSecond: number): void;
}

export interface TransportElements {
  readonly play: HTMLButtonElement;
  readonly step: HTMLButtonElement;
  readonly reset: HTMLButtonElement;
  readonly speed: HTMLSelectElement;
}

export function readSpeed(select: HTMLSelectElement): number {
  return select.value === 'max' ? Infinity : Number(select.value);
}

/** A form field keeps its own keys: a slider uses the arrows, a checkbox and a file picker use space. */
function typingInto(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export function wireTransport(elements: TransportElements, actions: TransportActions): void {
  elements.play.addEventListener('click', () => actions.toggle());
  elements.step.addEventListener('click', () => actions.step());
  elements.reset.addEventListener('click', () => actions.reset());
  elements.speed.addEventListener('change', () => actions.speed(readSpeed(elements.speed)));
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || typingInto(event.target)) return;
    if (event.key === ' ') {
      // A focused button would also "click" on space: handle it once, here.
      event.preventDefault();
      actions.toggle();
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      actions.step();
    }
  });
}

/** The play button names what it will do. */
export function showPlaying(play: HTMLButtonElement, playing: boolean): void {
  play.textContent = playing ? 'Pause' : 'Play';
  play.setAttribute('aria-pressed', String(playing));
}

// The run's calendar as a strip from `start` to `start + days`: every festival day (with its
// pre-heat) and every intervention (a step, or a ramp to its `to`) is a mark; choosing one opens its
// fields in the form. New ones are added on a chosen date, which the date input keeps inside the run.
import { dateOfDay, dayOfDate } from '../../engine/calendar.ts';
import { formatDate, t } from '../shared/language.ts';

export interface CalendarItem {
  readonly name?: unknown;
  readonly monthDay?: unknown;
  readonly preheatDays?: unknown;
  readonly from?: unknown;
  readonly to?: unknown;
}

export interface CalendarEvents {
  pick(list: 'festivals' | 'interventions', index: number): void;
  add(list: 'festivals' | 'interventions', date: string): void;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: unknown): value is string => typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

export class CalendarStrip {
  private readonly strip: HTMLElement;
  private readonly notices: HTMLUListElement;
  private readonly date: HTMLInputElement;
  private readonly label: HTMLLabelElement;
  private readonly buttons: HTMLButtonElement[];
  private readonly legend: HTMLUListElement;

  constructor(container: HTMLElement, events: CalendarEvents) {
    this.strip = Object.assign(document.createElement('div'), { className: 'strip' });
    this.strip.dataset.testid = 'calendar';
    this.notices = Object.assign(document.createElement('ul'), { className: 'notice', hidden: true });
    this.notices.dataset.testid = 'calendar-notices';
    this.date = Object.assign(document.createElement('input'), { type: 'date', id: 'calendar-date' });
    this.date.dataset.testid = 'calendar-date';
    this.label = Object.assign(document.createElement('label'), { htmlFor: 'calendar-date' });
    this.buttons = (['interventions', 'festivals'] as const).map((list) => {
      const button = Object.assign(document.createElement('button'), { type: 'button' });
      button.dataset.testid = `calendar-add-${list}`;
      button.addEventListener('click', () => isDate(this.date.value) && events.add(list, this.date.value));
      return button;
    });
    const tools = Object.assign(document.createElement('div'), { className: 'calendar-tools' });
    tools.append(this.label, this.date, ...this.buttons);
    this.strip.addEventListener('click', (event) => {
      const mark = (event.target as HTMLElement).closest<HTMLElement>('[data-list]');
      if (mark) events.pick(mark.dataset.list as 'festivals' | 'interventions', Number(mark.dataset.index));
    });
    this.legend = Object.assign(document.createElement('ul'), { className: 'legend' });
    container.append(this.strip, this.legend, tools, this.notices);
  }

  render(start: unknown, days: unknown, festivals: readonly CalendarItem[], interventions: readonly CalendarItem[]): void {
    this.strip.replaceChildren();
    this.label.textContent = `${t('editor.date')} `;
    this.buttons[0].textContent = t('editor.addIntervention');
    this.buttons[1].textContent = t('editor.addFestival');
    this.legend.replaceChildren(
      ...(['festivals', 'interventions'] as const).map((list) => {
        const item = document.createElement('li');
        item.append(Object.assign(document.createElement('span'), { className: `swatch ${list}` }), t(list === 'festivals' ? 'editor.festivalKey' : 'editor.interventionKey'));
        return item;
      }),
    );
    const notices: string[] = [];
    if (!isDate(start) || typeof days !== 'number' || !(days >= 1)) {
      this.notices.hidden = true;
      return;
    }
    const end = dateOfDay(start, days);
    const at = (day: number) => `${Math.max(0, Math.min(100, (day / days) * 100)).toFixed(3)}%`;
    const shownDate = (date: string) => formatDate(date);
    Object.assign(this.date, { min: start, max: end });
    if (!isDate(this.date.value) || this.date.value < start || this.date.value > end) this.date.value = start;
    const firstYear = Number(start.slice(0, 4));
    const lastYear = Number(end.slice(0, 4));
    for (let year = firstYear + 1; year <= lastYear; year++) {
      const tick = Object.assign(document.createElement('span'), { className: 'year', textContent: String(year) });
      tick.style.left = at(dayOfDate(start, `${year}-01-01`));
      this.strip.append(tick);
    }
    festivals.forEach((festival, index) => {
      if (typeof festival.monthDay !== 'string' || !/^\d{2}-\d{2}$/.test(festival.monthDay)) return;
      const preheat = typeof festival.preheatDays === 'number' ? festival.preheatDays : 7;
      for (let year = firstYear; year <= lastYear; year++) {
        const date = `${year}-${festival.monthDay}`;
        const day = dayOfDate(start, date);
        if (!isDate(date) || day < 0 || day > days) continue;
        this.strip.append(this.mark('festivals', index, `${t('editor.festival')}: ${String(festival.name ?? '')}, ${shownDate(date)}`, at(day - preheat), at(day), String(festival.name ?? '')));
      }
    });
    // Each intervention on the first lane where it overlaps none (a step is drawn a little wide), so every mark can be chosen.
    const laneEnds: number[] = [];
    interventions.forEach((intervention, index) => {
      if (!isDate(intervention.from)) return;
      const from = dayOfDate(start, intervention.from);
      const what = `${t('editor.intervention')} ${String(intervention.name ?? `interventions[${index}]`)}`;
      if (from < 0 || from > days) {
        notices.push(t('editor.outside', { what, date: formatDate(intervention.from), end: formatDate(end) }));
        return;
      }
      const to = Math.max(from, isDate(intervention.to) ? dayOfDate(start, intervention.to) : from);
      const period = isDate(intervention.to) ? `${shownDate(intervention.from)} – ${shownDate(intervention.to)}` : shownDate(intervention.from);
      let lane = laneEnds.findIndex((last) => last < from);
      if (lane < 0) lane = laneEnds.push(0) - 1;
      laneEnds[lane] = Math.max(to, from + days * 0.03);
      const mark = this.mark('interventions', index, `${what}, ${period}`, at(from), at(to), String(intervention.name ?? ''));
      mark.style.top = `${2.1 + lane * 1.1}rem`;
      this.strip.append(mark);
    });
    this.strip.style.height = `${2.3 + Math.max(1, laneEnds.length) * 1.1}rem`;
    this.notices.replaceChildren(...notices.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
    this.notices.hidden = notices.length === 0;
  }

  private mark(list: 'festivals' | 'interventions', index: number, label: string, left: string, right: string, name: string): HTMLButtonElement {
    const mark = Object.assign(document.createElement('button'), { type: 'button', className: `mark ${list}`, title: label });
    mark.setAttribute('aria-label', label);
    mark.dataset.list = list;
    mark.dataset.index = String(index);
    mark.dataset.testid = `mark:${list}[${index}]`;
    mark.style.left = left;
    mark.style.width = `max(0.6rem, calc(${right} - ${left}))`;
    mark.append(Object.assign(document.createElement('span'), { className: 'mark-name', textContent: name }));
    return mark;
  }
}

// The headline figures beside the article's, for the days run so far: a figure whose dates the
// run has not reached yet says so instead of showing a number that would still change. Each says
// how it relates to the article's (headline-relation.ts), except where it does not apply.
import { dateOfDay, dayOfDate } from '../../engine/calendar.ts';
import { headline, representedPeople, type Headline } from '../../engine/headline.ts';
import type { DailySeries } from '../../engine/metrics.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { fillRelation, relationNote } from './headline-relation.ts';
import { formatDate, formatLargeCount, formatPercent, onLanguageChange, t } from '../shared/language.ts';

type FigureKey = Exclude<keyof Headline, 'peak_day_date'>;

interface Row {
  readonly key: FigureKey;
  readonly label: () => string;
  /** The last date the figure needs, or null when any day will do. */
  readonly needs: string | null;
  readonly show: (value: number) => string;
  /** A national figure: meaningless where one agent is one person (a village of 300). */
  readonly national?: true;
}

const percent = (x: number) => formatPercent(x, 0);
const growth = (x: number) => `${x >= 0 ? '+' : '−'}${formatPercent(Math.abs(x), 0)}`;
const people = (x: number) => formatLargeCount(x);

const ROWS: Row[] = [
  { key: 'social_share_of_new_buyers_2015_11_11', label: () => t('simulator.headline.socialShare'), needs: '2015-11-11', show: percent },
  { key: 'social_gmv_growth_q1_2016', label: () => t('simulator.headline.gmvGrowth'), needs: '2016-03-31', show: growth },
  { key: 'customer_share_tiers_3_4', label: () => t('simulator.headline.lowTiers'), needs: null, show: percent },
  { key: 'interactions_national', label: () => t('simulator.headline.interactions'), needs: null, show: people, national: true },
  { key: 'peak_day_data_events_national', label: () => t('simulator.headline.dataEvents'), needs: null, show: people, national: true },
];

export class HeadlinePanel {
  private readonly cells: Array<{ model: HTMLTableCellElement; row: Row; note: HTMLDetailsElement }> = [];
  private shown: Parameters<HeadlinePanel['update']> | null = null;

  constructor(private readonly table: HTMLTableElement) {
    this.build();
    onLanguageChange(() => {
      this.build();
      if (this.shown) this.update(...this.shown);
    });
  }

  private build(): void {
    const table = this.table;
    table.replaceChildren();
    this.cells.length = 0;
    table.createCaption().textContent = t('simulator.headline.caption');
    const head = table.createTHead().insertRow();
    for (const key of ['figure', 'model', 'article'] as const) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = t(`simulator.headline.${key}`);
      head.append(th);
    }
    const body = table.createTBody();
    for (const row of ROWS) {
      const tr = body.insertRow();
      tr.dataset.figure = row.key;
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = row.label();
      const note = relationNote(row.key);
      name.append(note);
      tr.append(name);
      const model = tr.insertCell();
      model.className = 'model';
      const article = tr.insertCell();
      article.className = 'article';
      this.cells.push({ model, row, note });
    }
  }

  /** Figures from days 0..day only: the series is cut at `day` so later (empty) days cannot count. */
  update(scenario: Scenario, series: DailySeries, day: number): void {
    this.shown = [scenario, series, day];
    const figures = day < 0 ? null : headline(scenario, { ...series, days: day });
    // The article's values do not depend on the run; day 0 is always there to ask with.
    const articles = headline(scenario, { ...series, days: 0 });
    const village = representedPeople(scenario) === 1;
    for (const { model, row, note } of this.cells) {
      (model.parentElement as HTMLTableRowElement).hidden = village && row.national === true;
      fillRelation(note, row.key, representedPeople(scenario));
      // A figure the run cannot have (its dates outside the run, tiers 3–4 in a world without them) has nothing to relate.
      note.hidden = (row.needs !== null && dayOfDate(scenario.start, row.needs) > scenario.days) || (row.key === 'customer_share_tiers_3_4' && series.tiers !== 4);
      const figure = figures?.[row.key];
      const article = model.nextElementSibling as HTMLTableCellElement;
      const articleValue = articles[row.key].article;
      article.textContent = articleValue === null ? '—' : row.show(articleValue);
      if (row.needs && dayOfDate(scenario.start, row.needs) > day) {
        model.textContent = dayOfDate(scenario.start, row.needs) > scenario.days ? t('simulator.headline.outside') : t('simulator.headline.after', { date: formatDate(row.needs) });
        model.classList.add('pending');
      } else {
        model.classList.remove('pending');
        let text = figure?.value === null || figure === undefined ? '—' : row.show(figure.value);
        if (row.key === 'interactions_national' && day < 730 && day < scenario.days) text = t('simulator.headline.to', { value: text, date: formatDate(dateOfDay(scenario.start, day)) });
        if (row.key === 'peak_day_data_events_national' && figures?.peak_day_date) text = t('simulator.headline.on', { value: text, date: formatDate(figures.peak_day_date) });
        model.textContent = text;
      }
    }
  }
}

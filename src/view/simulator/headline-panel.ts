// The headline figures beside the article's, for the days run so far: a figure whose dates the
// run has not reached yet says so instead of showing a number that would still change. Each says
// how it relates to the article's (headline-relation.ts), except where it does not apply.
import { dateOfDay, dayOfDate } from '../../engine/calendar.ts';
import { headline, representedPeople, type Headline } from '../../engine/headline.ts';
import type { DailySeries } from '../../engine/metrics.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { fillRelation, relationNote } from './headline-relation.ts';

type FigureKey = Exclude<keyof Headline, 'peak_day_date'>;

interface Row {
  readonly key: FigureKey;
  readonly label: string;
  /** The last date the figure needs, or null when any day will do. */
  readonly needs: string | null;
  readonly show: (value: number) => string;
  /** A national figure: meaningless where one agent is one person (a village of 300). */
  readonly national?: true;
}

const percent = (x: number) => `${(x * 100).toFixed(0)} %`;
const growth = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(0)} %`;
function people(x: number): string {
  if (x >= 1e9) return `${(x / 1e9).toFixed(2)} billion`;
  if (x >= 1e6) return `${(x / 1e6).toFixed(0)} million`;
  return Math.round(x).toLocaleString('en-US');
}

const ROWS: Row[] = [
  { key: 'social_share_of_new_buyers_2015_11_11', label: 'Social share of new buyers, 11.11 2015', needs: '2015-11-11', show: percent },
  { key: 'social_gmv_growth_q1_2016', label: 'Social GMV growth, Q1 2016 on Q1 2015', needs: '2016-03-31', show: growth },
  { key: 'customer_share_tiers_3_4', label: 'Customers living in tiers 3–4', needs: null, show: percent },
  { key: 'interactions_national', label: 'Interactions, first two years (national)', needs: null, show: people, national: true },
  { key: 'peak_day_data_events_national', label: 'Data events, busiest day (national)', needs: null, show: people, national: true },
];

export class HeadlinePanel {
  private readonly cells: Array<{ model: HTMLTableCellElement; row: Row; note: HTMLDetailsElement }> = [];

  constructor(private readonly table: HTMLTableElement) {
    table.innerHTML = '<caption>Headline figures: this run beside the article</caption><thead><tr><th scope="col">figure</th><th scope="col">model</th><th scope="col">article</th></tr></thead>';
    const body = table.createTBody();
    for (const row of ROWS) {
      const tr = body.insertRow();
      tr.dataset.figure = row.key;
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = row.label;
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
        model.textContent = dayOfDate(scenario.start, row.needs) > scenario.days ? 'outside the run' : `after ${row.needs}`;
        model.classList.add('pending');
      } else {
        model.classList.remove('pending');
        let text = figure?.value === null || figure === undefined ? '—' : row.show(figure.value);
        if (row.key === 'interactions_national' && day < 730 && day < scenario.days) text += ` (to ${dateOfDay(scenario.start, day)})`;
        if (row.key === 'peak_day_data_events_national' && figures?.peak_day_date) text += ` (${figures.peak_day_date})`;
        model.textContent = text;
      }
    }
  }
}

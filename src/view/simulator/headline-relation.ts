// How each headline figure relates to the article's (seed/DIGEST.md F2–F8): what the model counts,
// what the article counted, and whether the scenario was calibrated to it — said in the page, so a
// model figure beside an article figure is never read as the same measure.
import type { HeadlineKey } from '../../engine/headline.ts';
import { formatCount, t } from '../shared/language.ts';

/** The catalogue's note for each figure (simulator.relation.*). */
const NOTES = {
  social_share_of_new_buyers_2015_11_11: 'socialShare',
  social_gmv_growth_q1_2016: 'socialGrowth',
  customer_share_tiers_3_4: 'lowTiers',
  interactions_national: 'interactions',
  peak_day_data_events_national: 'peakDay',
} as const satisfies Record<HeadlineKey, string>;

/** A note under the figure's name, open to read without hovering: `details` with a short summary. */
export function relationNote(key: HeadlineKey): HTMLDetailsElement {
  const details = document.createElement('details');
  details.className = 'relation';
  details.dataset.relation = key;
  details.append(document.createElement('summary'), document.createElement('p'));
  return details;
}

/** Fills the note in the page's language: national figures name how many people one agent stands for. */
export function fillRelation(details: HTMLDetailsElement, key: HeadlineKey, representedPeople: number): void {
  details.querySelector('summary')!.textContent = t('simulator.relation.summary');
  details.querySelector('p')!.textContent = t(`simulator.relation.${NOTES[key]}`, { people: formatCount(representedPeople) });
}

// The markers on the time axis: the engine's festival days, and the scenario's interventions
// labelled with the value they set when a lever moved it — "closed-loop checkout → false" must not
// read as if the checkout still arrived.
import { dayOfDate, type Marker } from '../../engine/calendar.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { t } from '../shared/language.ts';

export function runMarkers(scenario: Scenario, file: Scenario | null, engineMarkers: readonly Marker[]): Marker[] {
  const interventions = scenario.interventions.map((iv, k): Marker => {
    const name = iv.name ?? `${iv.path} → ${String(iv.value)}`;
    const original = file?.interventions[k];
    const moved = iv.name !== undefined && original?.path === iv.path && original.value !== iv.value;
    const shown = iv.value === true ? t('markers.on') : iv.value === false ? t('markers.off') : String(iv.value);
    return { kind: 'intervention', day: dayOfDate(scenario.start, iv.from), date: iv.from, name: moved ? `${name} → ${shown}` : name };
  });
  return [...engineMarkers.filter((m) => m.kind === 'festival'), ...interventions].sort((a, b) => a.day - b.day);
}

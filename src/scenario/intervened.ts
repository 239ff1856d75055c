// An override on a field that an intervention also changes sets only the value before the
// intervention, which still fires on its date: "no promoters" typed as --set would quietly keep the
// promoters' arrival. Such overrides are not errors (the value before may be what was meant), but
// they are said, with the intervention and its date, on stderr and in the run's records.
import { isWithin } from './document.ts';
import type { AppliedOverride } from './overrides.ts';
import type { Scenario } from './schema.ts';

export interface OverrideWarning {
  /** The override as typed: `--set tiers[3].offlinePerDay=0`. */
  readonly override: string;
  readonly field: string;
  readonly intervention: string;
  readonly from: string;
  readonly message: string;
}

const DAY_MS = 86_400_000;
const lastDate = (scenario: Scenario) => new Date(Date.parse(`${scenario.start}T00:00:00Z`) + scenario.days * DAY_MS).toISOString().slice(0, 10);

/** One warning per override and intervention that touch the same field (interventions that never start in the run are left out). */
export function intervenedFieldWarnings(applied: readonly AppliedOverride[], scenario: Scenario): OverrideWarning[] {
  const warnings: OverrideWarning[] = [];
  const end = lastDate(scenario);
  for (const override of applied) {
    if (isWithin(override.path, 'interventions') || isWithin(override.path, 'levers')) continue;
    scenario.interventions.forEach((iv, k) => {
      if (iv.from > end || !(isWithin(iv.path, override.path) || isWithin(override.path, iv.path))) return;
      const name = iv.name ?? `interventions[${k}]`;
      const change = iv.to ? `ramping to ${JSON.stringify(iv.value)} by ${iv.to}` : `setting ${JSON.stringify(iv.value)}`;
      const lever = (scenario.levers ?? []).find((l) => l.moves.some((m) => m.intervention === iv.name));
      const how = iv.name ? `interventions[${JSON.stringify(iv.name)}].value` : `interventions[${k}].value`;
      const message =
        `${override.where} sets ${iv.path} only until ${iv.from}: the intervention "${name}" changes it from that date (${change}); ` +
        `to move the intervention, ${lever ? `use --lever ${lever.id}=… or ` : ''}--set '${how}=…'`;
      warnings.push({ override: override.where, field: iv.path, intervention: name, from: iv.from, message });
    });
  }
  return warnings;
}

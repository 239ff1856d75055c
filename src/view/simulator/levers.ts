// The main levers a strategist pulls, as sliders and switches. Each lever writes ordinary
// overrides (so the permalink carries it) and re-runs the scenario. A lever that a scenario already
// pulls at a date (an intervention on the same field) moves that intervention's value instead of
// the starting value: "rural promoters at 0.003" then means "promoters arrive as scheduled, at 0.003".
import { getPath } from '../../scenario/path.ts';
import type { Scenario } from '../../scenario/schema.ts';

export type LeverValue = number | boolean | string;

export interface Lever {
  readonly id: string;
  readonly label: string;
  readonly control: { kind: 'range'; min: number; max: number; step: number } | { kind: 'toggle' } | { kind: 'choice'; options: readonly string[] };
  /** The value shown, read from the scenario as run; `file` is the scenario without overrides. */
  read(scenario: Scenario, file: Scenario): LeverValue;
  /** The overrides that set the lever to `value` (value undefined: the path returns to its file value). */
  write(value: LeverValue, file: Scenario): Array<[path: string, value: LeverValue | undefined]>;
  /** Whether the lever means anything for this scenario. */
  applies(file: Scenario): boolean;
  format(value: LeverValue): string;
}

/** The path that decides a field's value once the scenario's own levers have been pulled. */
export function governingPath(scenario: Scenario, field: string): string {
  let at = -1;
  scenario.interventions.forEach((iv, k) => {
    if (iv.path === field) at = k;
  });
  return at < 0 ? field : `interventions[${at}].value`;
}

/** A lever on one field; the override is dropped when the value equals the file's. */
function fieldLever(spec: Omit<Lever, 'read' | 'write' | 'applies'> & { field: (s: Scenario) => string | null }): Lever {
  return {
    ...spec,
    applies: (file) => spec.field(file) !== null,
    read: (scenario) => getPath(scenario, governingPath(scenario, spec.field(scenario)!)) as LeverValue,
    write: (value, file) => {
      const path = governingPath(file, spec.field(file)!);
      return [[path, getPath(file, path) === value ? undefined : value]];
    },
  };
}

const significant = (x: number) => Number(x.toPrecision(6));

export const LEVERS: readonly Lever[] = [
  fieldLever({
    id: 'rural-promoters',
    label: 'Rural promoter contacts, tier 4 (per person per day)',
    control: { kind: 'range', min: 0, max: 0.005, step: 0.0001 },
    field: (s) => (s.tiers.length === 4 ? 'tiers[3].offlinePerDay' : null),
    format: (v) => Number(v).toFixed(4),
  }),
  fieldLever({
    id: 'closed-loop',
    label: 'Closed-loop payment in the chat app',
    control: { kind: 'toggle' },
    field: () => 'payment.closedLoop',
    format: (v) => (v ? 'on' : 'off'),
  }),
  fieldLever({
    id: 'targeting',
    label: 'Ad targeting data',
    control: { kind: 'choice', options: ['historical', 'instant'] },
    field: () => 'targeting.mode',
    format: String,
  }),
  {
    id: 'sharing',
    label: 'Sharing after a purchase (× the scenario’s)',
    control: { kind: 'range', min: 0, max: 3, step: 0.1 },
    applies: () => true,
    read: (scenario, file) => {
      const base = file.tiers[0].sharing.median;
      return base > 0 ? Math.round((scenario.tiers[0].sharing.median / base) * 10) / 10 : 1;
    },
    write: (value, file) =>
      file.tiers.map((t, i) => [`tiers[${i}].sharing.median`, Number(value) === 1 ? undefined : significant(t.sharing.median * Number(value))]),
    format: (v) => `× ${Number(v).toFixed(1)}`,
  },
];


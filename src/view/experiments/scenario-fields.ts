// The fields of a scenario the experiment builder offers to change or sweep: every field the schema
// declares (fields.ts, with its meaning and unit), `[]` expanded into the scenario's own list
// items (`tiers[3].offlinePerDay`, `interventions[1].value`), so a path offered is a path that exists.
import { listFields, unwrap, type FieldShape } from '../../scenario/fields.ts';
import { getPath } from '../../scenario/path.ts';
import { scenarioObjectSchema, type Scenario } from '../../scenario/schema.ts';

export interface FieldChoice {
  readonly path: string;
  /** Meaning and unit, as the schema says them. */
  readonly label: string;
  /** A number: can be swept over a range. */
  readonly numeric: boolean;
}

/** Concrete paths of a generic path in this scenario (`tiers[].share` → `tiers[0].share` …). */
function expand(scenario: Scenario, generic: string): string[] {
  const parts = generic.split('[]');
  let found = [parts[0]];
  for (const rest of parts.slice(1)) {
    found = found.flatMap((prefix) => {
      const list = getPath(scenario, prefix);
      return Array.isArray(list) ? list.map((_, i) => `${prefix}[${i}]${rest}`) : [];
    });
  }
  return found;
}

const LEAVES = new Set(['number', 'boolean', 'enum', 'string', 'union']);
/** Words about the file rather than the world: nothing to vary. */
const ABOUT_THE_FILE = new Set(['$schema', 'extends', 'name', 'title', 'description']);

/** A number, or a union that takes one (an intervention's value). */
const takesNumber = (shape: FieldShape) => shape.def.type === 'number' || (shape.def.type === 'union' && (shape.def.options ?? []).some((o) => unwrap(o).def.type === 'number'));

export function fieldChoices(scenario: Scenario): FieldChoice[] {
  return listFields(scenarioObjectSchema)
    .filter((entry) => LEAVES.has(entry.shape.def.type) && !ABOUT_THE_FILE.has(entry.path) && !/^(levers|notes)\b/.test(entry.path))
    .flatMap((entry) => {
      const label = [entry.shape.description, entry.shape.unit].filter(Boolean).join(' · ') || entry.expected;
      return expand(scenario, entry.path).map((path) => ({ path, label, numeric: takesNumber(entry.shape) }));
    });
}

// The fields of a scenario the experiment builder offers to change or sweep: every field the schema
// declares (fields.ts, with its meaning and unit), `[]` expanded into the scenario's own list
// items (`tiers[3].offlinePerDay`, `interventions[1].value`), so a path offered is a path that exists.
import { listFields, unwrap, type FieldShape } from '../../scenario/fields.ts';
import { formatPath, itemPaths } from '../../scenario/path.ts';
import { scenarioObjectSchema, type Scenario } from '../../scenario/schema.ts';

export interface FieldChoice {
  readonly path: string;
  /** Meaning and unit, as the schema says them. */
  readonly label: string;
  /** A number: can be swept over a range. */
  readonly numeric: boolean;
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
      return itemPaths(scenario, entry.path).map((segments) => ({ path: formatPath(segments), label, numeric: takesNumber(entry.shape) }));
    });
}

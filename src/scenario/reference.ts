// The two documents generated from the schema: scenarios/schema.json for editors, and the
// "Scenario file reference" section of the README for people. Both are pure functions of
// schema.ts, so a test can regenerate them in memory and catch drift.
import { z } from 'zod';
import { listFields, type FieldEntry } from './fields.ts';
import { canChangeDuringRun } from './interventions.ts';
import { scenarioObjectSchema } from './schema.ts';

export const REFERENCE_START = '<!-- scenario-reference:start -->';
export const REFERENCE_END = '<!-- scenario-reference:end -->';

/** JSON Schema of the scenario *input* (fields with defaults are optional), as file text. */
export function scenarioJsonSchema(): string {
  const { $schema, ...rest } = z.toJSONSchema(scenarioObjectSchema, { io: 'input' });
  const comment = 'Generated from src/scenario/schema.ts by `npm run schema`; edit the schema, not this file.';
  return `${JSON.stringify({ $schema, $comment: comment, ...rest }, null, 2)}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

function defaultCell({ path, shape }: FieldEntry): string {
  if (path.endsWith('[]')) return '—';
  if (shape.hasDefault) {
    const value = shape.defaultValue;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? 'its fields’ defaults' : `\`${JSON.stringify(value)}\``;
  }
  return shape.optional ? 'optional' : '**required**';
}

function row(entry: FieldEntry): string {
  const { path, shape, expected } = entry;
  const container = ['object', 'array', 'record'].includes(shape.def.type);
  const changeable = !container && canChangeDuringRun(path) ? '✓' : '';
  return `| \`${cell(path)}\` | ${cell(shape.description ?? '')} | ${cell(shape.unit ?? '')} | ${defaultCell(entry)} | ${cell(expected)} | ${changeable} |`;
}

/** The Markdown reference of every scenario field, with the rules that span fields. */
export function scenarioReference(): string {
  const lines = [
    '## Scenario file reference',
    '',
    '_Generated from `src/scenario/schema.ts` by `npm run schema`: edit the schema, not this section._',
    '',
    'A scenario is a JSON file; comments and trailing commas are allowed. Start it with',
    '`"$schema": "../schema.json"` (relative to the file) for completion and checks in editors.',
    'Unknown fields are errors; a valid field is suggested when it is close (at most 2 edits, a third',
    'of the name, or its first 4 letters or more), also one already set (“it is already set on line 3”).',
    'A file is read only if it is a regular file of at most 8 MiB, in UTF-8 (a byte-order mark is',
    'fine); nesting deeper than 32 levels, and `__proto__`, `constructor` or `prototype` as a field',
    'name or path step, are errors.',
    '',
    '- **`extends`**: `"extends": "base.json"` (relative to the extending file) builds on another',
    '  scenario, which may extend another in turn. Objects merge field by field, the extending file',
    '  winning; arrays (`tiers`, `festivals`, `interventions`, `network.mixing`) and single values are',
    '  replaced whole. A cycle of `extends` is an error.',
    '- **Overrides**: `--set path=value`, e.g. `--set tiers[3].offlinePerDay=0.002` or',
    '  `--set payment.closedLoop=false`, applies after `extends` and before validation. The value is',
    '  read as JSON if it parses, otherwise as a string. An intervention can be named instead of',
    '  numbered: `--set \'interventions["rural promoters start in tier 4"].value=0.003\'`. A `--set` on a',
    '  field that an intervention also changes sets only the value before the intervention, which',
    '  still fires: the command says so (which intervention, from which date) on stderr and records it',
    '  in `summary.json` or `manifest.json`.',
    '- **Levers**: `--lever id=value` (run, compare, experiment, fit) pulls one of the scenario\'s',
    '  `levers`, which says what it moves: fields (`[]` for every item), named interventions, and how',
    '  (`value` replaces, `increase` sets an intervention to the value before it plus the lever — so 0',
    '  means the intervention changes nothing — `factor` multiplies). `jd-tencent-2014.json` defines',
    '  `rural-promoters`, `closed-loop`, `targeting` and `sharing`; `tierwave compare',
    '  scenarios/jd-tencent-2014.json --lever rural-promoters=0` compares the baseline with the lever',
    '  pulled, and gives the same numbers as `scenarios/no-rural-promoters.json` with the same seeds.',
    '- **Rules across fields**: tier shares sum to 1 (±1e-6); `network.mixing` has one row and one',
    '  weight per tier, and each row can be had within 0.02 by symmetric tie counts that give every',
    '  tier its `meanFriends` (see "Tier mixing"); a `regular` graph needs agents × `degree` even and a',
    '  `small-world` an even `degree`, both below the agents; `network.kind` `"edge-list"` needs',
    '  `network.edgeList`; a festival `monthDay` is',
    '  a real day; intervention dates are not before `start` (a date after the end of the run means',
    '  the change never happens, or the end cuts a ramp off), and `to` comes after',
    '  `from` and only for number values; an intervention `path` names one field marked ✓ below',
    '  (the others are read once at setup), and its `value` fits that field’s type and range; a run',
    '  ends by 9999-12-31 (`start` + `days`).',
    '',
    'Paths use `[]` for “any item”: `tiers[].share`, or `tiers[2].share` for the third tier.',
    '',
    '| Field | Meaning | Unit | Default | Allowed | Interventions |',
    '|---|---|---|---|---|---|',
    ...listFields(scenarioObjectSchema).map(row),
  ];
  return `${lines.join('\n')}\n`;
}

/** README text with the generated section placed between the markers (all else untouched). */
export function withReference(readme: string, reference: string): string {
  const start = readme.indexOf(REFERENCE_START);
  const end = readme.indexOf(REFERENCE_END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${REFERENCE_START} and ${REFERENCE_END}, in that order`);
  return `${readme.slice(0, start + REFERENCE_START.length)}\n${reference}${readme.slice(end)}`;
}

/** The generated section currently in a README, or undefined without markers. */
export function referenceIn(readme: string): string | undefined {
  const start = readme.indexOf(REFERENCE_START);
  const end = readme.indexOf(REFERENCE_END);
  return start < 0 || end < start ? undefined : readme.slice(start + REFERENCE_START.length + 1, end);
}

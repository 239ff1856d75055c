import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listFields } from '../../src/scenario/fields.ts';
import { referenceIn, scenarioJsonSchema, scenarioReference, withReference } from '../../src/scenario/reference.ts';
import { scenarioObjectSchema } from '../../src/scenario/schema.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('generated scenario documents', () => {
  it('scenarios/schema.json matches the zod schema (run `npm run schema` after changing schema.ts)', () => {
    expect(read('scenarios/schema.json')).toBe(scenarioJsonSchema());
  });

  it('the README scenario reference matches the zod schema (run `npm run schema` after changing schema.ts)', () => {
    expect(referenceIn(read('README.md'))).toBe(scenarioReference());
  });

  it('the JSON schema allows $schema and makes fields with defaults optional', () => {
    const schema = JSON.parse(scenarioJsonSchema());
    expect(schema.properties.$schema.type).toBe('string');
    expect(schema.required).toEqual(['name', 'tiers']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('the reference has one row per field, with unit, default and allowed values', () => {
    const reference = scenarioReference();
    expect(reference).toContain('| `tiers[].share` | fraction of simulated agents living in this tier; shares sum to 1 | probability | **required** | a number in [0, 1] |  |');
    expect(reference).toContain('| `tiers[].offlinePerDay` |');
    expect(reference).toMatch(/\| `payment\.closedLoop` \| [^|]+ \|  \| `true` \| true or false \| ✓ \|/);
    for (const { path } of listFields(scenarioObjectSchema)) expect(reference).toContain(`| \`${path}\` |`);
  });

  it('only the text between the README markers is replaced', () => {
    const readme = 'intro\n<!-- scenario-reference:start -->\nold\n<!-- scenario-reference:end -->\noutro\n';
    expect(withReference(readme, 'new\n')).toBe('intro\n<!-- scenario-reference:start -->\nnew\n<!-- scenario-reference:end -->\noutro\n');
  });
});

describe('schema defaults', () => {
  it('a default given for a whole group equals the defaults of its fields, so the two cannot disagree', () => {
    const mismatches: string[] = [];
    for (const { path, shape } of listFields(scenarioObjectSchema)) {
      if (!shape.hasDefault || shape.def.type !== 'object') continue;
      const fromFields = z.safeParse(shape.schema, {});
      if (!fromFields.success || JSON.stringify(fromFields.data) !== JSON.stringify(shape.defaultValue)) mismatches.push(path);
    }
    expect(mismatches).toEqual([]);
  });
});

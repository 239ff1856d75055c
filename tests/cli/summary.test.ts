import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { parseOverride } from '../../src/scenario/overrides.ts';
import { tierKeys } from '../../src/cli/summary.ts';
import { SMALL_WORLD } from './tierwave.ts';

function world(...overrides: string[]) {
  return loadScenarioFile(SMALL_WORLD, overrides.map(parseOverride)).scenario;
}

describe('tierKeys', () => {
  it('keys tiers by name when the names are unique', () => {
    expect(tierKeys(world())).toEqual(['tier1', 'tier2', 'tier3', 'tier4']);
  });

  it('adds the tier number to every key when two tiers share a name, so none is lost', () => {
    expect(tierKeys(world('tiers[2].name=tier2'))).toEqual(['1:tier1', '2:tier2', '3:tier2', '4:tier4']);
  });
});

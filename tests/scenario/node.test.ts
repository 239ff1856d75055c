import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/issues.ts';
import { loadScenarioFile } from '../../src/scenario/node.ts';

const FOUR_TIERS = 'tests/scenario/fixtures/four-tiers.json';

describe('loadScenarioFile', () => {
  it('loads a file with its $schema line and comments, and names the file it came from', () => {
    const resolved = loadScenarioFile(FOUR_TIERS);
    expect(resolved.file).toBe(FOUR_TIERS);
    expect(resolved.scenario.tiers.map((tier) => tier.name)).toEqual(['tier1', 'tier2', 'tier3', 'tier4']);
  });

  it('fingerprints the canonical JSON with SHA-256', () => {
    const resolved = loadScenarioFile(FOUR_TIERS);
    expect(resolved.sha256).toBe(createHash('sha256').update(resolved.json).digest('hex'));
    expect(resolved.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same JSON and hash on every load', () => {
    const first = loadScenarioFile(FOUR_TIERS);
    const second = loadScenarioFile(FOUR_TIERS);
    expect(second.json).toBe(first.json);
    expect(second.sha256).toBe(first.sha256);
  });

  it('reports a scenario file that does not exist', () => {
    expect(() => loadScenarioFile('tests/scenario/fixtures/nowhere.json')).toThrow(ScenarioError);
    expect(() => loadScenarioFile('tests/scenario/fixtures/nowhere.json')).toThrow('tests/scenario/fixtures/nowhere.json: cannot read the scenario file');
  });

  it('reports invalid JSON in the file at the place it broke', () => {
    expect(() => loadScenarioFile('tests/scenario/fixtures/broken.json')).toThrow('tests/scenario/fixtures/broken.json:4:23: invalid JSON: expected ",", got "share"');
  });
});

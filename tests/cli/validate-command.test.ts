import { describe, expect, it } from 'vitest';
import { SMALL_WORLD, tierwave } from './tierwave.ts';

const FIXTURES = 'tests/scenario/fixtures';

describe('tierwave validate', () => {
  it('prints "ok <file>" for each valid file and exits 0', async () => {
    const result = await tierwave('validate', SMALL_WORLD, `${FIXTURES}/four-tiers.json`);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`ok ${SMALL_WORLD}\nok ${FIXTURES}/four-tiers.json\n`);
    expect(result.stderr).toBe('');
  });

  it('reports every invalid file with file:line:col and field, still checks the valid ones, and exits 1', async () => {
    const result = await tierwave('validate', `${FIXTURES}/bad-base.json`, SMALL_WORLD, `${FIXTURES}/broken.json`);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`ok ${SMALL_WORLD}\n`);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe(`${FIXTURES}/bad-base.json:6:33 tiers[2].share: expected a number in [0, 1], got "0.17"`);
    expect(lines[1]).toMatch(new RegExp(`^${FIXTURES}/broken\\.json:\\d+:\\d+: invalid JSON`));
  });

  it('skips the generated JSON Schema that sits beside the scenarios, so a glob over the folder passes', async () => {
    const result = await tierwave('validate', 'scenarios/schema.json', 'scenarios/jd-tencent-2014.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('skip scenarios/schema.json (a JSON Schema, not a scenario)');
    expect(result.stdout).toContain('ok scenarios/jd-tencent-2014.json');
  });

  it('names a file that cannot be read, and exits 1', async () => {
    const result = await tierwave('validate', 'scenarios/no-such-scenario.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('scenarios/no-such-scenario.json: cannot read the scenario file: no such file\n');
  });

  it('checks lesson files too: the shipped ones pass, a broken one is reported at its place', async () => {
    const ok = await tierwave('validate', 'lessons/follow-a-share.json', 'lessons/schema.json');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('ok lessons/follow-a-share.json\nskip lessons/schema.json (a JSON Schema, not a scenario)\n');
    const broken = await tierwave('validate', 'tests/experiments/fixtures/lesson-unknown-tier.json');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe('tests/experiments/fixtures/lesson-unknown-tier.json:13:34 chapters[0].measure.sourceTier: expected a tier number from 0 to 3, got 7\n');
  });
});

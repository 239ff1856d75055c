import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, scratchDir, tierwave } from './tierwave.ts';

const WORLD = 'tests/cli/fixtures/promoters-world.json';

describe('tierwave run with levers and overrides', () => {
  it('--set on a field an intervention changes prints a warning naming it and its date, and summary.json records it', async () => {
    const out = join(scratchDir('warned'), 'run');
    const result = await tierwave('run', WORLD, '--set', 'tiers[3].offlinePerDay=0', '--out', out, '--quiet');
    expect(result.code).toBe(0);
    const expected =
      `--set tiers[3].offlinePerDay=0 sets tiers[3].offlinePerDay only until 2014-06-05: the intervention "promoters arrive" changes it from that date (setting 0.02); ` +
      `to move the intervention, use --lever promoters=… or --set 'interventions["promoters arrive"].value=…'`;
    expect(result.stderr).toBe(`tierwave: warning: ${expected}\n`);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.warnings).toEqual([{ override: '--set tiers[3].offlinePerDay=0', field: 'tiers[3].offlinePerDay', intervention: 'promoters arrive', from: '2014-06-05', message: expected }]);
  });

  it('--lever moves the intervention as the scenario defines it: 0 gives the run without the intervention, byte for byte', async () => {
    const dir = scratchDir('lever');
    const [lever, none, as] = await Promise.all([
      tierwave('run', WORLD, '--lever', 'promoters=0', '--workers', '1', '--out', join(dir, 'lever'), '--quiet'),
      tierwave('run', WORLD, '--set', 'interventions=[]', '--workers', '1', '--out', join(dir, 'none'), '--quiet'),
      tierwave('run', WORLD, '--workers', '1', '--out', join(dir, 'as-written'), '--quiet'),
    ]);
    expect([lever.code, none.code, as.code, lever.stderr]).toEqual([0, 0, 0, '']);
    const daily = (name: string) => readFileSync(join(dir, name, 'daily.csv'), 'utf8');
    expect(daily('lever')).toBe(daily('none'));
    // And the intervention matters, so the equality above is not trivially true.
    expect(daily('as-written')).not.toBe(daily('none'));
    const resolved = JSON.parse(readFileSync(join(dir, 'lever', 'scenario.resolved.json'), 'utf8'));
    const base = JSON.parse(readFileSync(join(ROOT, 'tests/cli/fixtures/small-world.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''));
    expect(resolved.interventions[0].value).toBe(base.tiers[3].offlinePerDay);
  });
});

// The simulator's lever settings (src/view/simulator/levers.ts), without a browser: written as
// `--lever` writes them, and a lever set back to where the scenario has it is no longer pulled.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { leverOverrides, leverText, pulledValue, settingsAfterPull, withLever } from '../../src/view/simulator/levers.ts';

const FILE = 'scenarios/jd-tencent-2014.json';
const load = (settings: readonly string[]) => loadScenarioFile(FILE, leverOverrides(settings)).scenario;

describe('lever settings in the simulator', () => {
  it('are written as --lever takes them and read back as the same values', () => {
    const settings = [leverText('rural-promoters', 0), leverText('closed-loop', false), leverText('targeting', 'instant')];
    expect(settings).toEqual(['rural-promoters=0', 'closed-loop=false', 'targeting=instant']);
    expect(settings.map((s) => pulledValue(settings, s.slice(0, s.indexOf('='))))).toEqual([0, false, 'instant']);
    expect(withLever(settings, 'closed-loop', undefined)).toEqual(['rural-promoters=0', 'targeting=instant']);
    expect(withLever(settings, 'rural-promoters', 0.002)).toEqual(['closed-loop=false', 'targeting=instant', 'rural-promoters=0.002']);
  });

  it('drop a lever pulled back to where the scenario has it, so the world is the file’s again', () => {
    const file = load([]);
    const promoters = file.levers!.find((l) => l.id === 'rural-promoters')!;
    const sharing = file.levers!.find((l) => l.id === 'sharing')!;
    // The file's promoters add 0.0015 − 0.0001 contacts a day in tier 4 (the intervention over the tier's own value).
    const atFile = file.interventions.find((iv) => iv.name === 'rural promoters start in tier 4')!.value as number;
    const added = atFile - file.tiers[3].offlinePerDay;
    const pulled = settingsAfterPull([], promoters, 0, file, load);
    expect(pulled).toEqual(['rural-promoters=0']);
    const both = settingsAfterPull(pulled, sharing, 2, load(pulled), load);
    expect(both).toEqual(['rural-promoters=0', 'sharing=2']);
    expect(settingsAfterPull(both, promoters, Number(added.toPrecision(12)), load(both), load)).toEqual(['sharing=2']);
    expect(settingsAfterPull(['sharing=2'], sharing, 1, load(['sharing=2']), load)).toEqual([]);
    expect(load(['rural-promoters=0']).interventions.find((iv) => iv.name === 'rural promoters start in tier 4')!.value).toBe(file.tiers[3].offlinePerDay);
  });
});

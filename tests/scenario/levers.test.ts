import { describe, expect, it } from 'vitest';
import { dayOfDate, forEachDay } from '../../src/engine/calendar.ts';
import { ScenarioError } from '../../src/scenario/issues.ts';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { leverSetting } from '../../src/scenario/levers.ts';
import { parseLever, parseOverride } from '../../src/scenario/overrides.ts';

const LEVERS = 'tests/scenario/fixtures/levers.json';
const load = (...args: string[]) => loadScenarioFile(LEVERS, args.map((a) => (a.startsWith('lever ') ? parseLever(a.slice(6)) : parseOverride(a))));

function problems(...args: string[]): string[] {
  try {
    load(...args);
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

/** tiers[3].offlinePerDay as the engine's calendar has it on a date. */
function offlineOn(scenario: ReturnType<typeof load>['scenario'], date: string): number {
  const wanted = dayOfDate(scenario.start, date);
  let value = NaN;
  forEachDay(scenario, (day, today) => {
    if (day === wanted) value = today.tiers[3].offlinePerDay;
  });
  return value;
}

describe('levers', () => {
  it('"increase" sets an intervention to the value its field has the day before it, plus the lever', () => {
    const plain = load().scenario;
    expect(load('lever promoters=0.002').scenario.interventions[0].value).toBe(plain.tiers[3].offlinePerDay + 0.002);
    // "more promoters" starts while "promoters" is still ramping: the value before is the engine's on 2014-10-16.
    const before = offlineOn(plain, '2014-10-16');
    expect(before).toBeGreaterThan(0.001);
    expect(before).toBeLessThan(0.004);
    expect(load('lever more-promoters=0.001').scenario.interventions[1].value).toBeCloseTo(before + 0.001, 15);
  });

  it('"increase" at 0 makes the intervention change nothing, day after day', () => {
    const scenario = load('lever promoters=0').scenario;
    for (const date of ['2014-08-31', '2014-09-01', '2014-10-01', '2014-10-16']) expect(offlineOn(scenario, date)).toBe(0.001);
  });

  it('"factor" multiplies every item a [] path names, defaults included', () => {
    const plain = load().scenario;
    const doubled = load('lever sharing=2').scenario;
    expect(doubled.tiers.map((t) => t.sharing.median)).toEqual(plain.tiers.map((t) => t.sharing.median * 2));
  });

  it('a switch or a choice sets its value as given', () => {
    expect(load('lever closed-loop=false').scenario.interventions[2].value).toBe(false);
    expect(load('lever targeting=instant').scenario.targeting.mode).toBe('instant');
  });

  it('refuses values outside the lever, unknown levers and scenarios without levers, saying what there is', () => {
    expect(problems('lever promoters=0.02')).toEqual(['--lever promoters=0.02 promoters: expected a number in [0, 0.01], got 0.02']);
    expect(problems('lever closed-loop=1')).toEqual(['--lever closed-loop=1 closed-loop: expected true or false, got 1']);
    expect(problems('lever targeting=psychic')).toEqual(['--lever targeting=psychic targeting: expected one of "historical", "instant", got "psychic"']);
    expect(problems('lever rural=0')[0]).toBe('--lever rural=0 rural: no lever "rural" in this scenario; its levers: "promoters", "more-promoters", "closed-loop", "targeting", "sharing"');
    expect(() => loadScenarioFile('tests/scenario/fixtures/four-tiers.json', [parseLever('sharing=2')])).toThrow('no lever "sharing" in this scenario (it declares none in "levers")');
  });
});

describe('a lever\'s setting in the file', () => {
  it('reads each kind back so that pulling the lever to it changes nothing', () => {
    const plain = load().scenario;
    const settings = Object.fromEntries(plain.levers!.map((lever) => [lever.id, leverSetting(plain, lever)]));
    // promoters: 0.004 over the file's 0.001; more promoters: 0.006 over the ramp's value the day before it.
    expect(settings.promoters).toBeCloseTo(0.004 - plain.tiers[3].offlinePerDay, 12);
    expect(settings['more-promoters']).toBeCloseTo(0.006 - offlineOn(plain, '2014-10-16'), 12);
    expect(settings).toMatchObject({ 'closed-loop': true, targeting: plain.targeting.mode, sharing: 1 });
    for (const [id, value] of Object.entries(settings)) {
      const pulled = load(`lever ${id}=${JSON.stringify(value).replace(/^"|"$/g, '')}`).scenario;
      plain.interventions.forEach((iv, k) => expect(pulled.interventions[k].value).toBeCloseTo(Number(iv.value), 12));
      expect(pulled.tiers.map((t) => t.sharing.median)).toEqual(plain.tiers.map((t) => t.sharing.median));
      expect(pulled.targeting.mode).toBe(plain.targeting.mode);
    }
  });
});

describe('interventions by name in overrides', () => {
  it('interventions["name"].value addresses the intervention of that name', () => {
    expect(load('interventions["more promoters"].value=0.005').scenario.interventions[1].value).toBe(0.005);
    expect(problems('interventions["fewer promoters"].value=0')).toEqual([
      '--set interventions["fewer promoters"].value=0 interventions["fewer promoters"].value: no intervention named "fewer promoters" in this scenario; its interventions: "promoters", "more promoters", "closed loop"',
    ]);
  });
});

describe('overrides on fields an intervention changes', () => {
  it('are warned about, naming each intervention and its date', () => {
    const { warnings } = load('tiers[3].offlinePerDay=0.002', 'payment.closedLoop=false');
    expect(warnings.map((w) => [w.override, w.intervention, w.from])).toEqual([
      ['--set tiers[3].offlinePerDay=0.002', 'promoters', '2014-09-01'],
      ['--set tiers[3].offlinePerDay=0.002', 'more promoters', '2014-10-17'],
      ['--set payment.closedLoop=false', 'closed loop', '2014-10-01'],
    ]);
    expect(warnings[2].message).toBe(
      `--set payment.closedLoop=false sets payment.closedLoop only until 2014-10-01: the intervention "closed loop" changes it from that date (setting true); to move the intervention, use --lever closed-loop=… or --set 'interventions["closed loop"].value=…'`,
    );
  });

  it('are not warned about when the intervention falls after the run, or the override moves the intervention itself', () => {
    expect(load('tiers[3].offlinePerDay=0.002', 'days=60').warnings).toEqual([]);
    expect(load('lever promoters=0', 'interventions[2].value=false', 'tiers[2].offlinePerDay=0.002').warnings).toEqual([]);
  });
});

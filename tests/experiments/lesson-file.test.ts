// Lesson files: the shipped ones validate against the schema and the worlds they name; a broken
// one reports each problem at its file:line:column and field; the measures follow their formulas.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/cli/lessons/load-lesson.ts';
import { parseLesson } from '../../src/experiments/lesson-file.ts';
import { choiceHolding, measureRun } from '../../src/experiments/lesson-measures.ts';
import { LESSON_AGENT_LIMIT, lessonJsonSchema } from '../../src/experiments/lesson-schema.ts';
import { DAILY_METRICS, METRIC_COUNT, metricIndex, type DailyMetric } from '../../src/engine/metrics.ts';
import { ScenarioError } from '../../src/scenario/issues.ts';

const scenarios = bundledScenarios();
const lessonFiles = readdirSync('lessons').filter((f) => f.endsWith('.json') && f !== 'schema.json');

function problems(text: string): string[] {
  try {
    parseLesson(text, 'broken.json', scenarios);
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split('\n');
    throw error;
  }
  return [];
}

const text = (en: string) => `{ "en": "${en}", "zh": "中文" }`;
const chapter = (scenario: string, measure: string) => `{
      "title": ${text('t')},
      "question": ${text('q')},
      "scenario": ${scenario},
      "prediction": { "kind": "slider", "min": 0, "max": 100, "step": 1, "unit": ${text('%')} },
      "measure": ${measure},
      "reveal": ${text('r')}
    }`;
/** Where the nth occurrence of `needle` starts in `text`, as line:column counted from 1. */
function at(text: string, needle: string, nth = 0): string {
  let offset = -1;
  for (let k = 0; k <= nth; k++) offset = text.indexOf(needle, offset + 1);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}
const lesson = (...chapters: string[]) => `{\n  "title": ${text('x')},\n  "summary": ${text('s')},\n  "chapters": [\n    ${chapters.join(',\n    ')}\n  ]\n}`;

describe('lesson files', () => {
  it('lessons/schema.json is generated from the zod schema and up to date', () => {
    expect(readFileSync('lessons/schema.json', 'utf8')).toBe(lessonJsonSchema());
  });

  it('at least six lessons ship, each valid, small, and written in Chinese as well as English', () => {
    expect(lessonFiles.length).toBeGreaterThanOrEqual(6);
    for (const file of lessonFiles) {
      const document = parseLesson(readFileSync(`lessons/${file}`, 'utf8'), file, scenarios);
      const texts = [document.lesson.title, document.lesson.summary, ...document.lesson.chapters.flatMap((c) => [c.title, c.question, c.reveal])];
      for (const t of texts) {
        expect(t.zh, `${file}: ${t.en}`).toMatch(/[\u4e00-\u9fff]/);
        expect(t.en, `${file}: ${t.zh}`).toMatch(/[A-Za-z]/);
      }
      for (const world of document.worlds) expect(world.population.agents).toBeLessThanOrEqual(LESSON_AGENT_LIMIT);
    }
  });

  it('a schema problem is reported at its line and column with the field', () => {
    const broken = lesson(chapter('{ "id": "teaching-village" }', '{ "kind": "customer-share", "tier": "four", "date": "2015-10-01" }'));
    expect(problems(broken)).toEqual([`broken.json:${at(broken, '"four"')} chapters[0].measure.tier: expected a number, got "four"`]);
    const missing = broken.replace('"title": { "en": "x", "zh": "中文" }', '"title": { "en": "x" }').replace('"four"', '3');
    expect(problems(missing)).toEqual([`broken.json:${at(missing, '{ "en": "x" }')} title.zh: missing, expected a non-empty string`]);
  });

  it('problems with the world a chapter names are located too: unknown scenario, tier, date, size', () => {
    const broken = lesson(
      chapter('{ "id": "no-such-world" }', '{ "kind": "customers", "date": "2015-10-01" }'),
      chapter('{ "id": "teaching-village" }', '{ "kind": "told-by-tier", "tier": 4, "sourceTier": 0 }'),
      chapter('{ "id": "teaching-village" }', '{ "kind": "customers", "date": "2017-01-01" }'),
      chapter('{ "id": "jd-tencent-2014" }', '{ "kind": "customers", "date": "2015-01-01" }'),
    );
    expect(problems(broken)).toEqual([
      `broken.json:${at(broken, '"no-such-world"')} chapters[0].scenario.id: expected a bundled scenario (a file under scenarios/), got "no-such-world"`,
      `broken.json:${at(broken, '4, "sourceTier"')} chapters[1].measure.tier: expected a tier number from 0 to 3, got 4`,
      `broken.json:${at(broken, '"2017-01-01"')} chapters[2].measure.date: expected a date the chapter plays, 2015-09-01 to day 120, got 2017-01-01`,
      `broken.json:${at(broken, '{ "id": "jd-tencent-2014" }')} chapters[3].scenario: expected a world of at most 20,000 agents so a class waits seconds, got 100000 (set "population.agents")`,
    ]);
  });

  it('overrides that do not fit the scenario are reported at the chapter’s `set`', () => {
    const broken = lesson(chapter('{ "id": "teaching-village", "set": { "population.agents": -5 } }', '{ "kind": "customers", "date": "2015-10-01" }'));
    expect(problems(broken)).toEqual([
      `broken.json:${at(broken, '{ "population.agents"')} chapters[0].scenario.set: does not fit scenario teaching-village: population.agents: expected an integer in [1, 500000000], got -5`,
    ]);
  });
});

describe('lesson measures', () => {
  // A series of 3 days and 2 tiers, every value a distinct function of (day, tier, metric), so a
  // wrong index cannot give the right answer by accident.
  const days = 3;
  const tiers = 2;
  const cell = (day: number, tier: number, metric: DailyMetric) => 1 + day * 100 + tier * 10 + metricIndex[metric] * 0.01;
  const values = new Float64Array((days + 1) * (tiers + 1) * METRIC_COUNT);
  for (let d = 0; d <= days; d++) for (let t = 0; t <= tiers; t++) for (const m of DAILY_METRICS) values[(d * (tiers + 1) + t) * METRIC_COUNT + metricIndex[m]] = cell(d, t, m);
  const run = { start: '2015-01-01', series: { days, tiers, values }, flow: [[3, 5], [7, 11]], lastDay: 2 };

  it('customers and customer share read the day and tier asked for (no tier: all tiers)', () => {
    expect(measureRun({ kind: 'customers', tier: 1, date: '2015-01-03' }, run)).toBe(cell(2, 1, 'customers'));
    expect(measureRun({ kind: 'customers', date: '2015-01-02' }, run)).toBe(cell(1, tiers, 'customers'));
    expect(measureRun({ kind: 'customer-share', tier: 0, date: '2015-01-04' }, run)).toBeCloseTo((100 * cell(3, 0, 'customers')) / cell(3, 0, 'agents'), 12);
  });

  it('social share sums the three social channels over the days from..to, over all new customers', () => {
    let social = 0;
    let all = 0;
    for (let d = 1; d <= 2; d++) {
      all += cell(d, 1, 'new_customers');
      social += cell(d, 1, 'new_customers_direct') + cell(d, 1, 'new_customers_group') + cell(d, 1, 'new_customers_feed');
    }
    expect(measureRun({ kind: 'social-share', tier: 1, from: '2015-01-02', to: '2015-01-03' }, run)).toBeCloseTo((100 * social) / all, 12);
  });

  it('told-by-tier divides flow[tier][sourceTier] by the tier’s customers on the last day played', () => {
    expect(measureRun({ kind: 'told-by-tier', tier: 1, sourceTier: 0 }, run)).toBeCloseTo((100 * 7) / cell(2, 1, 'customers'), 12);
  });

  it('a choice holds a value in [from, to)', () => {
    const options = [{ from: 0, to: 50 }, { from: 50, to: 100 }];
    expect([choiceHolding(options, 0), choiceHolding(options, 49.9), choiceHolding(options, 50), choiceHolding(options, 100)]).toEqual([0, 0, 1, -1]);
  });
});

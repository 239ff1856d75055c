// Reads a lesson file: JSON with comments, checked against the schema, then against the worlds it
// names — each chapter's scenario must exist, take its overrides, stay small, and hold the days
// and tiers its measure reads. Every problem is reported at once as `file:line:column field:
// message`, with the same document and issue helpers as scenario and experiment files. Browser-safe.
import { z } from 'zod';
import { dayOfDate } from '../engine/calendar.ts';
import { parseDocument, sourceAt, type SourceMap } from '../scenario/document.ts';
import { ScenarioError, issueAt, showValue, type ScenarioIssue } from '../scenario/issues.ts';
import type { Override } from '../scenario/overrides.ts';
import { formatPath, type PathSegment } from '../scenario/path.ts';
import type { Scenario } from '../scenario/schema.ts';
import { schemaIssues } from '../scenario/validate.ts';
import { LESSON_AGENT_LIMIT, lessonSchema, type Lesson, type LessonChapter } from './lesson-schema.ts';

const NO_CUSTOM_MESSAGE = '\u0000';

/**
 * Resolves a bundled scenario by id with overrides: the scenario, undefined when there is no such
 * scenario, or throws ScenarioError when the overrides do not fit it.
 */
export type LessonScenarios = (id: string, overrides: readonly Override[]) => Scenario | undefined;

export interface LessonDocument {
  readonly lesson: Lesson;
  readonly file: string;
  /** Each chapter's world, resolved with its overrides (what the page runs and the measure reads). */
  readonly worlds: readonly Scenario[];
}

export function chapterOverrides(chapter: LessonChapter): Override[] {
  return Object.entries(chapter.scenario.set ?? {}).map(([path, value]) => ({ path, value, text: `${path}=${JSON.stringify(value)}` }));
}

/** The last day a chapter plays: its `run.days`, or its world's whole run. */
export function chapterDays(chapter: LessonChapter, world: Scenario): number {
  return Math.min(chapter.run.days ?? world.days, world.days);
}

function chapterIssues(chapter: LessonChapter, i: number, sources: SourceMap, scenarios: LessonScenarios, worlds: Scenario[]): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report = (path: PathSegment[], message: string) => issues.push(issueAt(sourceAt(sources, ['chapters', i, ...path]), formatPath(['chapters', i, ...path]), message));
  let world: Scenario | undefined;
  try {
    world = scenarios(chapter.scenario.id, chapterOverrides(chapter));
    if (!world) report(['scenario', 'id'], `expected a bundled scenario (a file under scenarios/), got ${showValue(chapter.scenario.id)}`);
  } catch (error) {
    const inner = error instanceof ScenarioError ? error.issues.map((x) => `${x.path}: ${x.message}`).join('; ') : (error as Error).message;
    report(['scenario', 'set'], `does not fit scenario ${chapter.scenario.id}: ${inner}`);
  }
  if (!world) return issues;
  worlds[i] = world;
  if (world.population.agents > LESSON_AGENT_LIMIT) {
    report(['scenario'], `expected a world of at most ${LESSON_AGENT_LIMIT.toLocaleString('en-US')} agents so a class waits seconds, got ${world.population.agents} (set "population.agents")`);
  }
  if (chapter.run.days !== undefined && chapter.run.days > world.days) report(['run', 'days'], `expected at most the scenario's ${world.days} days, got ${chapter.run.days}`);
  const last = chapterDays(chapter, world);
  const measure = chapter.measure;
  const dayIn = (field: 'date' | 'from' | 'to', date: string) => {
    const day = dayOfDate(world.start, date);
    if (day < 0 || day > last) report(['measure', field], `expected a date the chapter plays, ${world.start} to day ${last}, got ${date}`);
    return day;
  };
  for (const field of ['tier', 'sourceTier'] as const) {
    const t = (measure as { tier?: number; sourceTier?: number })[field];
    if (t !== undefined && t >= world.tiers.length) report(['measure', field], `expected a tier number from 0 to ${world.tiers.length - 1}, got ${t}`);
  }
  if (measure.kind === 'social-share') {
    if (dayIn('from', measure.from) > dayIn('to', measure.to)) report(['measure', 'to'], `expected a date on or after ${measure.from}, got ${measure.to}`);
  } else if (measure.kind !== 'told-by-tier') dayIn('date', measure.date);
  const prediction = chapter.prediction;
  if (prediction.kind === 'slider') {
    if (prediction.max <= prediction.min) report(['prediction', 'max'], `expected more than min ${prediction.min}, got ${prediction.max}`);
    if (prediction.start !== undefined && (prediction.start < prediction.min || prediction.start > prediction.max)) report(['prediction', 'start'], `expected a value from ${prediction.min} to ${prediction.max}, got ${prediction.start}`);
  } else {
    prediction.options.forEach((option, k) => {
      if (option.to <= option.from) report(['prediction', 'options', k, 'to'], `expected more than from ${option.from}, got ${option.to}`);
    });
  }
  return issues;
}

/** Parses and checks a lesson file's text; throws a ScenarioError listing every problem. */
export function parseLesson(text: string, file: string, scenarios: LessonScenarios): LessonDocument {
  const document = parseDocument(text, file);
  if (document.value === undefined) throw new ScenarioError(document.issues);
  const result = z.safeParse(lessonSchema, document.value, { error: () => NO_CUSTOM_MESSAGE });
  const issues = [...document.issues];
  const worlds: Scenario[] = [];
  if (!result.success) issues.push(...schemaIssues(lessonSchema, document.value, document.sources, result.error.issues));
  else result.data.chapters.forEach((chapter, i) => issues.push(...chapterIssues(chapter, i, document.sources, scenarios, worlds)));
  if (issues.length > 0 || !result.success) throw new ScenarioError(issues.sort((a, b) => a.line - b.line || a.column - b.column));
  return { lesson: result.data, file, worlds };
}

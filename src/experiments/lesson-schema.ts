// The lesson file format (lessons/*.json), the one source of truth: lessons/schema.json is
// generated from it by `npm run schema`. A lesson is a few chapters; each asks a question, has
// the class commit to a prediction, runs a small world and reveals one measure of the run beside
// the prediction. Every text is written twice, English and Chinese. Browser-safe.
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'a real calendar date');

export const LESSON_LANGUAGES = ['en', 'zh'] as const;
export type LessonLanguage = (typeof LESSON_LANGUAGES)[number];

/** A text in both languages: a class switches language without losing its place. */
export const textSchema = z
  .strictObject({
    en: z.string().min(1).meta({ description: 'English' }),
    zh: z.string().min(1).meta({ description: '中文' }),
  })
  .meta({ description: 'a text in English and Chinese' });

const tier = z.int().min(0).max(15).meta({ description: 'tier number, counted from 0 (tier 1 is 0, tier 4 is 3)' });

/** What the reveal shows: a figure computed from the run's daily series and cross-tier flow. */
export const measureSchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('customer-share'),
        tier: tier.optional().meta({ description: 'tier number from 0; omitted: all tiers' }),
        date: isoDate.meta({ description: 'the day to read' }),
      })
      .meta({ description: 'per cent of the agents (of a tier) who have bought by the end of a date' }),
    z
      .strictObject({
        kind: z.literal('customers'),
        tier: tier.optional().meta({ description: 'tier number from 0; omitted: all tiers' }),
        date: isoDate.meta({ description: 'the day to read' }),
      })
      .meta({ description: 'how many agents (of a tier) have bought by the end of a date' }),
    z
      .strictObject({
        kind: z.literal('social-share'),
        tier: tier.optional().meta({ description: 'tier number from 0; omitted: all tiers' }),
        from: isoDate.meta({ description: 'first day counted' }),
        to: isoDate.meta({ description: 'last day counted (included)' }),
      })
      .meta({ description: 'per cent of the new buyers from `from` to `to` who came through a friend (direct, group or feed)' }),
    z
      .strictObject({
        kind: z.literal('told-by-tier'),
        tier: tier.meta({ description: 'the customers counted, by tier number from 0' }),
        sourceTier: tier.meta({ description: 'the tier of the friend who told them' }),
      })
      .meta({ description: "per cent of a tier's customers at the end of the run who were told by a friend in `sourceTier`" }),
  ])
  .meta({ description: 'the figure of the run the reveal sets beside the prediction' });

export const predictionSchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('choice'),
        options: z
          .array(
            z.strictObject({
              label: textSchema,
              from: z.number().meta({ description: 'the measure values this option stands for: from (included)…' }),
              to: z.number().meta({ description: '…to (excluded)' }),
            }),
          )
          .min(2)
          .max(6)
          .meta({ description: 'the answers the class chooses from; each covers a range of the measure' }),
      })
      .meta({ description: 'the class picks one answer' }),
    z
      .strictObject({
        kind: z.literal('slider'),
        min: z.number(),
        max: z.number(),
        step: z.number().gt(0),
        start: z.number().optional().meta({ description: 'where the slider starts (default: halfway)' }),
        unit: textSchema.meta({ description: 'the unit shown after the number, e.g. "%"' }),
      })
      .meta({ description: 'the class sets a number' }),
  ])
  .meta({ description: 'what the class commits to before the run' });

export const chapterSchema = z
  .strictObject({
    title: textSchema,
    question: textSchema.meta({ description: 'the question put to the class' }),
    scenario: z
      .strictObject({
        id: z.string().min(1).meta({ description: 'a bundled scenario: its file name under scenarios/ without .json' }),
        seed: z.int().min(0).max(4294967295).optional().meta({ description: "default: the scenario's own seed" }),
        set: z.record(z.string().min(1), z.unknown()).optional().meta({
          description: 'scenario fields to change, path → value, e.g. {"population.agents": 5000}; the same overrides as --set and the levers write',
        }),
      })
      .meta({ description: 'the world this chapter runs (at most 20,000 agents, so a class waits seconds)' }),
    prediction: predictionSchema,
    run: z
      .strictObject({
        days: z.int().min(1).optional().meta({ description: "days to play (default: the scenario's whole run)" }),
        speed: z.union([z.number().gt(0), z.literal('max')]).default('max').meta({ description: 'days per second, or "max"' }),
      })
      .default({ speed: 'max' })
      .meta({ description: 'how the chapter plays' }),
    measure: measureSchema,
    reveal: textSchema.meta({ description: 'the mechanism behind the result, in a few sentences' }),
  })
  .meta({ description: 'one step of the lesson: question → prediction → run → reveal' });

export const lessonSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'path of schema.json, for editors' }),
    title: textSchema,
    summary: textSchema.meta({ description: 'what the lesson is about, in a sentence or two' }),
    chapters: z.array(chapterSchema).min(1).meta({ description: 'the chapters, in order' }),
  })
  .meta({ description: 'a tierwave lesson' });

export type Lesson = z.infer<typeof lessonSchema>;
export type LessonChapter = z.infer<typeof chapterSchema>;
export type LessonMeasure = z.infer<typeof measureSchema>;
export type LessonPrediction = z.infer<typeof predictionSchema>;
export type LessonText = z.infer<typeof textSchema>;

/** Worlds larger than this make a class wait: the validator refuses them. */
export const LESSON_AGENT_LIMIT = 20_000;

export function lessonJsonSchema(): string {
  const { $schema, ...rest } = z.toJSONSchema(lessonSchema, { io: 'input', unrepresentable: 'any' });
  const comment = 'Generated from src/experiments/lesson-schema.ts by `npm run schema`; edit the schema, not this file.';
  return `${JSON.stringify({ $schema, $comment: comment, ...rest }, null, 2)}\n`;
}

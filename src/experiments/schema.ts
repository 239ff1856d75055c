// The experiment file format, the one source of truth: experiments/schema.json is generated from
// it (src/experiments/generate.ts) so editors complete and check experiment files as they do
// scenarios.
import { z } from 'zod';
import { DAILY_METRICS } from '../engine/metrics.ts';
import { HEADLINE_FIGURES } from '../engine/headline.ts';
import { DEFAULT_REPORT } from './report.ts';
import { bilingualTextSchema } from '../scenario/schema.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'a real calendar date');

const overrides = z.record(z.string().min(1), z.unknown()).meta({
  description: 'scenario fields to change, path → value, e.g. {"tiers[3].offlinePerDay": 0.002}; checked like --set',
});

const levers = z.record(z.string().min(1), z.union([z.number(), z.boolean(), z.string()])).meta({
  description: 'the scenario’s levers to pull, id → value, e.g. {"rural-promoters": 0}; applied after `set`, checked like --lever',
});

const name = z.string().min(1).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore');

export const variantSchema = z
  .strictObject({
    name: name.meta({ description: 'label in runs.csv, stats.csv and diff.csv' }),
    scenario: z.string().min(1).optional().meta({ description: "scenario file, relative to this file (default: the baseline's)" }),
    set: overrides.optional(),
    levers: levers.optional(),
  })
  .meta({ description: 'a what-if: a scenario file and/or overrides' });

export const baselineSchema = z
  .strictObject({
    name: name.default('baseline').meta({ description: 'label in the output tables' }),
    scenario: z.string().min(1).meta({ description: 'scenario file, relative to this file' }),
    set: overrides.optional(),
    levers: levers.optional(),
  })
  .meta({ description: 'the world every variant is compared with' });

export const sweepParameterSchema = z
  .strictObject({
    path: z.string().min(1).meta({ description: 'scenario field to vary, e.g. tiers[3].offlinePerDay' }),
    values: z.array(z.unknown()).min(1).optional().meta({ description: 'a list of values (grid: each one; latin-hypercube: one stratum each)' }),
    from: z.number().optional().meta({ description: 'range start (with `to`)' }),
    to: z.number().optional().meta({ description: 'range end, included (with `from`)' }),
    count: z.int().min(2).max(10000).optional().meta({ description: 'grid: number of evenly spaced values from `from` to `to`' }),
    scale: z.enum(['linear', 'log']).default('linear').meta({ description: 'ranges: spacing of values (log for rates spanning magnitudes; from and to > 0)' }),
    integer: z.boolean().default(false).meta({ description: 'ranges: round each value to a whole number' }),
  })
  .meta({ description: 'one swept field: `values`, or a range `from`..`to`' });

export const sweepSchema = z
  .strictObject({
    method: z.enum(['grid', 'latin-hypercube', 'morris', 'sobol']).default('grid').meta({
      description:
        'grid: every combination of the parameters’ values; latin-hypercube: `samples` points covering each range evenly; morris: `trajectories` one-at-a-time paths (screening, `tierwave sensitivity`); sobol: Saltelli sampling, `samples` × (parameters + 2) points (first-order and total indices)',
    }),
    samples: z.int().min(1).max(100000).optional().meta({ description: 'latin-hypercube: number of points; sobol: N, the rows of each of the two base samples' }),
    trajectories: z.int().min(2).max(10000).optional().meta({ description: 'morris: number of trajectories r (each parameters + 1 points)' }),
    levels: z.int().min(2).max(100).optional().meta({ description: 'morris: grid levels p, even (default 4); each step moves a parameter by p / (2(p − 1)) of its range' }),
    level: z.number().gt(0).lt(1).optional().meta({ description: 'morris, sobol: share covered by the bootstrap intervals of the indices (default 0.95)' }),
    resamples: z.int().min(10).max(100000).optional().meta({ description: 'morris, sobol: bootstrap resamples for the intervals (default 1000)' }),
    seed: z.int().min(0).max(4294967295).optional().meta({ description: 'latin-hypercube, morris, sobol: seed of the design (default: the master seed)' }),
    parameters: z.array(sweepParameterSchema).min(1).meta({ description: 'the swept fields' }),
  })
  .meta({ description: 'a sweep: each point is applied to the baseline and to every variant' });

export const reportSchema = z
  .strictObject({
    metrics: z.array(z.enum(DAILY_METRICS)).min(1).default([...DEFAULT_REPORT.metrics]).meta({ description: 'daily metrics to record' }),
    tiers: z.array(z.string().min(1)).min(1).optional().meta({ description: 'tier names, tier numbers ("4") or "all" (default: every tier and "all")' }),
    dates: z.array(isoDate).default([...DEFAULT_REPORT.dates]).meta({ description: 'dates to record; those outside a run are skipped' }),
    final: z.boolean().default(DEFAULT_REPORT.final).meta({ description: 'also record the last day' }),
    every: z.int().min(0).default(DEFAULT_REPORT.every).meta({ description: 'also record every k-th day from day 0 (0 = off)', unit: 'days' }),
    headline: z.array(z.enum(HEADLINE_FIGURES)).min(1).optional().meta({ description: 'headline figures to record, one row each on the last day (tier "all")' }),
  })
  .meta({ description: 'what each run records in runs.csv' });

export const targetSchema = z
  .strictObject({
    metric: z.enum([...DAILY_METRICS, ...HEADLINE_FIGURES]).meta({ description: 'a daily metric, or a headline figure (a whole-run figure such as social_share_of_new_buyers_2015_11_11)' }),
    tier: z.string().min(1).default('all').meta({ description: 'tier name, tier number ("4") or "all" (headline figures: "all")' }),
    date: isoDate.optional().meta({ description: 'daily metrics: the day it was observed (inside every run); headline figures: none' }),
    value: z.number().meta({ description: 'the observed figure, in simulated agents (divide national figures by population.represents)' }),
    sd: z.number().positive().optional().meta({ description: 'its uncertainty, in the same units: misses are counted in these (default: 10 % of the value, at least 1)' }),
  })
  .meta({ description: 'an observed figure the runs are scored against' });

export const outputSchema = z
  .strictObject({
    metric: z.enum([...DAILY_METRICS, ...HEADLINE_FIGURES]).meta({ description: 'a daily metric, or a headline figure (a whole-run figure such as social_share_of_new_buyers_2015_11_11)' }),
    tier: z.string().min(1).default('all').meta({ description: 'tier name, tier number ("4") or "all" (headline figures: "all")' }),
    date: isoDate.optional().meta({ description: 'daily metrics: the day to read (inside every run); headline figures: none' }),
  })
  .meta({ description: 'an output a sensitivity analysis explains (named as targets are, without an observed value)' });

export const experimentSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'path of schema.json, for editors' }),
    name: name.meta({ description: 'short name of the experiment' }),
    title: z.union([z.string(), bilingualTextSchema]).optional().meta({ description: 'a human title: one text, or {"en", "zh"} for the pages in both languages' }),
    description: z.string().optional(),
    baseline: baselineSchema,
    variants: z.array(variantSchema).default([]).meta({ description: 'what-ifs compared with the baseline' }),
    set: overrides.optional().meta({ description: 'overrides applied to every run, before each variant’s own' }),
    levers: levers.optional().meta({ description: 'levers pulled in every run, after `set` and before each variant’s own' }),
    replicates: z.int().min(1).max(100000).default(10).meta({ description: 'runs per variant (and sweep point), one seed each', unit: 'runs' }),
    seed: z.int().min(0).max(4294967295).optional().meta({ description: "master seed the replicate seeds derive from (default: the baseline scenario's seed)" }),
    sweep: sweepSchema.optional(),
    targets: z.array(targetSchema).default([]).meta({
      description: 'observed figures: each variant and sweep point is scored by how far its mean over replicates misses them (fit.csv, best first)',
    }),
    outputs: z.array(outputSchema).default([]).meta({
      description: 'morris and sobol sweeps: the outputs whose sensitivity to the swept parameters `tierwave sensitivity` measures (sensitivity.csv)',
    }),
    report: reportSchema.default({ metrics: [...DEFAULT_REPORT.metrics], dates: [...DEFAULT_REPORT.dates], final: DEFAULT_REPORT.final, every: DEFAULT_REPORT.every }),
  })
  .meta({ title: 'tierwave experiment', description: 'Replicated what-if comparisons and parameter sweeps over tierwave scenarios' });

export type Experiment = z.output<typeof experimentSchema>;
export type Variant = z.output<typeof variantSchema>;
export type Sweep = z.output<typeof sweepSchema>;
export type SweepParameter = z.output<typeof sweepParameterSchema>;
export type TargetInput = z.output<typeof targetSchema>;
export type OutputInput = z.output<typeof outputSchema>;

/** JSON Schema of the experiment *input*, as file text. */
export function experimentJsonSchema(): string {
  const { $schema, ...rest } = z.toJSONSchema(experimentSchema, { io: 'input', unrepresentable: 'any' });
  const comment = 'Generated from src/experiments/schema.ts by `npx tsx src/experiments/generate.ts`; edit the schema, not this file.';
  return `${JSON.stringify({ $schema, $comment: comment, ...rest }, null, 2)}\n`;
}

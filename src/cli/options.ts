// Option values are checked for shape here, at the edge, so a typo such as `--seed 7x` is a usage
// error (exit 2) before anything is read. Ranges that the scenario format owns (agents, days) are
// left to the scenario loader, which reports them like any other field.
import { InvalidArgumentError } from 'commander';
import { parseLever, parseOverride, type Override } from '../scenario/overrides.ts';
import { seedProblem } from '../scenario/seed.ts';

function wholeNumber(raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw.trim())) throw new InvalidArgumentError(`expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new InvalidArgumentError(`expected a whole number in [${min}, ${max}], got ${raw}`);
  return value;
}

/** Seeds are unsigned 32-bit, like the scenario's `seed` field (the pages use the same rule). */
export function parseSeed(raw: string): number {
  const problem = seedProblem(raw);
  if (problem) throw new InvalidArgumentError(problem);
  return Number(raw.trim());
}

export const parseWorkers = (raw: string): number => wholeNumber(raw, 1, 256);

/** Agents and days: any whole number here; the scenario schema checks the range. */
export const parseCount = (raw: string): number => wholeNumber(raw, 0, Number.MAX_SAFE_INTEGER);

/** Commander accumulator for a repeatable `--set`; the text is parsed later, so errors exit 1. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Options every command that runs worlds takes. */
export interface WorldOptionValues {
  readonly seed?: number;
  readonly agents?: number;
  readonly days?: number;
  readonly workers?: number;
  readonly set?: string[];
  /** `--lever id=value`: one of the scenario's levers. */
  readonly lever?: string[];
  readonly out?: string;
  readonly quiet?: boolean;
}

export interface RunOptionValues extends WorldOptionValues {
  /** Also write cascades.csv (who told whom). */
  readonly cascades?: boolean;
}

/**
 * Every `--set` and `--lever`, then `--agents` and `--days`: the shorthands come after `--set` so
 * `--agents` wins over `--set population.agents=…`. Throws a ScenarioError for one without `=`.
 */
export function worldOverrides(options: WorldOptionValues): Override[] {
  const overrides = [...(options.set ?? []).map(parseOverride), ...(options.lever ?? []).map(parseLever)];
  if (options.agents !== undefined) overrides.push(parseOverride(`population.agents=${options.agents}`));
  if (options.days !== undefined) overrides.push(parseOverride(`days=${options.days}`));
  return overrides;
}

/**
 * The overrides a run applies: the world's, then the seed, which goes into the scenario so the
 * resolved file (and its sha256) records the seed that ran.
 */
export function runOverrides(options: RunOptionValues): Override[] {
  const overrides = worldOverrides(options);
  if (options.seed !== undefined) overrides.push(parseOverride(`seed=${options.seed}`));
  return overrides;
}

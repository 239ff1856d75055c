// One rule for seeds wherever one is typed — the scenario's `seed`, `--seed`, an experiment's seed,
// the pages' `?seed=` and seed boxes: a whole number from 0 to 2³²−1, what the random streams take.
// Zod-free, so the pages can check a seed without the schema.

export const MAX_SEED = 4294967295;

export function isSeed(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_SEED;
}

/** What is wrong with `text` as a seed, or undefined when it is one. */
export function seedProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return `expected a whole number, got "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
  return isSeed(Number(trimmed)) ? undefined : `expected a whole number in [0, ${MAX_SEED}], got ${trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed}`;
}

// How many ties run between two tiers. A tie has two ends, so the counts must be symmetric: as
// many tier-1 ends reach tier 4 as tier-4 ends reach tier 1. Each tier's long-tie budget B_i (its
// agents × meanFriends, less what its neighbourhoods hold) is fixed by the file, and each mixing
// row says where tier i would like its ends to go. Both can hold only when B_i·p_ij = B_j·p_ji.
//
// The rule when they cannot: rows are preferences; the tie counts are the symmetric matrix E with
// exact row sums B that is closest, in Kullback–Leibler divergence Σ E_ij ln(E_ij / K_ij) − E_ij + K_ij,
// to the symmetrised asks K = (A + Aᵀ)/2, A_ij = B_i·p_ij. Such an E has the form E_ij = x_i·x_j·K_ij
// (one scale per tier), found by symmetric Sinkhorn scaling. A balanced file (A symmetric) gets
// exactly what it asked for. Validation compares the rows of E with the file's rows.
//
// The built-in mixing is a kernel of odds over random mixing, K_ij = B_i·B_j·h_ij with h = 17 within
// a tier, 1 between tiers and 2 between tier 1 and the last (migrants' families back home), scaled
// by the same rule: symmetric by construction, so it balances for any shares (4 equal tiers keep
// 85 % of their ties at home).
import type { Scenario } from './types.ts';

/** How far a realised row may be from the file's (largest difference of one weight). */
export const ROW_TOLERANCE = 0.02;
const HOME_ODDS = 17;
const MIGRANT_ODDS = 2;
const ITERATIONS = 20_000;

export interface TieCounts {
  /** ends[i][j]: tie ends of tier i that reach tier j (symmetric); ties within tier i are ends[i][i]/2. */
  readonly ends: number[][];
  /** Whether every row sums to its budget (false when the zeros of the mixing forbid it). */
  readonly balanced: boolean;
}

/** Rows divided by their sums (an all-zero row stays zero). */
export function rowShares(matrix: readonly (readonly number[])[]): number[][] {
  return matrix.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((x) => (total > 0 ? x / total : 0));
  });
}

export function defaultKernel(budgets: readonly number[]): number[][] {
  const k = budgets.length;
  const total = budgets.reduce((a, b) => a + b, 0) || 1;
  return budgets.map((bi, i) =>
    budgets.map((bj, j) => {
      const migrant = k > 2 && ((i === 0 && j === k - 1) || (j === 0 && i === k - 1));
      return (bi * bj * (i === j ? HOME_ODDS : migrant ? MIGRANT_ODDS : 1)) / total;
    }),
  );
}

/** K = (A + Aᵀ)/2 with A_ij = B_i·p_ij: the asks of both ends of each pair of tiers, averaged. */
export function askedKernel(budgets: readonly number[], mixing: readonly (readonly number[])[]): number[][] {
  const p = rowShares(mixing);
  return budgets.map((bi, i) => budgets.map((bj, j) => (bi * p[i][j] + bj * p[j][i]) / 2));
}

/** The symmetric E = x_i·x_j·K_ij with row sums `budgets` (symmetric Sinkhorn, damped). */
export function balanceKernel(budgets: readonly number[], kernel: readonly (readonly number[])[]): TieCounts {
  const k = budgets.length;
  const x = budgets.map((b) => (b > 0 ? 1 : 0));
  const rowSum = (i: number) => kernel[i].reduce((s, kij, j) => s + kij * x[j], 0) * x[i];
  let balanced = false;
  for (let step = 0; step < ITERATIONS && !balanced; step++) {
    balanced = true;
    for (let i = 0; i < k; i++) {
      if (budgets[i] <= 0) continue;
      const sum = rowSum(i);
      if (!(Math.abs(sum - budgets[i]) <= 1e-10 * budgets[i])) balanced = false;
      // The geometric mean of the old scale and the one that fits row i alone: without the damping
      // the scales of two tiers that only tie to each other swap back and forth for ever.
      if (sum > 0) x[i] *= Math.sqrt(budgets[i] / sum);
    }
  }
  const ends = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => x[i] * x[j] * kernel[i][j]));
  return { ends, balanced: balanced && ends.every((row, i) => Math.abs(row.reduce((a, b) => a + b, 0) - budgets[i]) <= 1e-6 * Math.max(1, budgets[i])) };
}

/** Tie counts for long-tie budgets and the file's mixing (or the built-in one when omitted). */
export function longTieCounts(budgets: readonly number[], mixing?: readonly (readonly number[])[]): TieCounts {
  return balanceKernel(budgets, mixing ? askedKernel(budgets, mixing) : defaultKernel(budgets));
}

/** Each tier's long-tie budget per agent of the whole population: share × meanFriends × (1 − clustering). */
export function nominalBudgets(scenario: Pick<Scenario, 'tiers' | 'network'>): number[] {
  return scenario.tiers.map((t) => t.share * t.meanFriends * (1 - scenario.network.clustering));
}

export interface RowMiss {
  readonly tier: number;
  readonly asked: number[];
  /** The row the rule gives (all zeros when the tier's ties cannot be placed at all). */
  readonly possible: number[];
  /** Whether the tier's degree cannot be met (its row sum falls short). */
  readonly degreeShort: boolean;
}

/** The rows of a written mixing matrix that the rule moves by more than ROW_TOLERANCE. */
export function mixingMisses(scenario: Pick<Scenario, 'tiers' | 'network'>): RowMiss[] {
  const mixing = scenario.network.mixing;
  if (!mixing) return [];
  const budgets = nominalBudgets(scenario);
  const { ends } = longTieCounts(budgets, mixing);
  const asked = rowShares(mixing);
  const possible = rowShares(ends);
  const misses: RowMiss[] = [];
  budgets.forEach((b, i) => {
    if (b <= 0) return;
    const sum = ends[i].reduce((a, c) => a + c, 0);
    const degreeShort = Math.abs(sum - b) > ROW_TOLERANCE * b;
    if (degreeShort || asked[i].some((p, j) => Math.abs(p - possible[i][j]) > ROW_TOLERANCE)) misses.push({ tier: i, asked: asked[i], possible: possible[i], degreeShort });
  });
  return misses;
}

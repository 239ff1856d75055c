// How many ties run between two tiers. A tie has two ends, so the counts must be symmetric: as
// many tier-1 ends reach tier 4 as tier-4 ends reach tier 1. Each tier's long-tie budget B_i (its
// agents × meanFriends × (1 − clustering)) is fixed by the file, and each mixing row p_i says where
// tier i would like its ends to go. Both can hold only when B_i·p_ij = B_j·p_ji.
//
// The rule when they cannot: rows are preferences, degrees are not. The tie ends E are the
// symmetric matrix with exact row sums B, zero where neither tier asks for the other, that is
// closest to the rows in squared distance of the shares, Σ_i Σ_j (E_ij/B_i − p_ij)² — the same
// shares validation compares within 0.02. The big tiers' rows give most: a tie moved changes a
// big tier's shares less. A balanced file gets exactly what it asked for. (Least squares with
// equality constraints, solved through its Lagrange multipliers; a pair driven below zero is held at
// zero and the rest solved again.)
//
// The built-in mixing is a kernel of odds over random mixing, K_ij = B_i·B_j·h_ij with h = 17 within
// a tier, 1 between tiers and 2 between tier 1 and the last (migrants' families back home), scaled
// to the budgets as E_ij = x_i·x_j·K_ij (symmetric Sinkhorn scaling): symmetric by construction, so
// it balances for any shares (4 equal tiers keep 81–85 % of their long ties at home).
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
  return mixing ? closestTieCounts(budgets, rowShares(mixing)) : balanceKernel(budgets, defaultKernel(budgets));
}

/** The rule for written rows: least squares in row shares (see the top of this file). */
export function closestTieCounts(budgets: readonly number[], p: readonly (readonly number[])[]): TieCounts {
  const k = budgets.length;
  const live = budgets.map((b) => b > 0);
  // held[i][j]: the pair is kept at zero (nobody asks for it, an empty tier, or driven negative).
  const held = p.map((row, i) => row.map((x, j) => !live[i] || !live[j] || (x <= 0 && p[j][i] <= 0)));
  const weight = (i: number, j: number) => (i === j ? budgets[i] ** -2 : budgets[i] ** -2 + budgets[j] ** -2);
  for (let round = 0; round <= k * k; round++) {
    // Stationarity gives E_ij = (a_ij − (λ_i + λ_j)/2) / w_ij off the diagonal and
    // E_ii = (p_ii/B_i − λ_i/2) / w_ii on it; the row sums then fix λ.
    const target = (i: number, j: number) => (i === j ? p[i][i] / budgets[i] : p[i][j] / budgets[i] + p[j][i] / budgets[j]);
    const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    const rhs = budgets.map((b, i) => (live[i] ? b : 0));
    for (let i = 0; i < k; i++) {
      if (!live[i]) {
        matrix[i][i] = 1;
        continue;
      }
      for (let j = 0; j < k; j++) {
        if (held[i][j]) continue;
        const w = weight(i, j);
        rhs[i] -= target(i, j) / w;
        matrix[i][i] -= 1 / (2 * w);
        matrix[i][j] -= 1 / (2 * w);
      }
    }
    const lambda = solveLinear(matrix, rhs);
    if (!lambda) break;
    const ends = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (held[i][j] ? 0 : (target(i, j) - (lambda[i] + lambda[j]) / 2) / weight(i, j))));
    let worst = -1e-12;
    let at = -1;
    for (let c = 0; c < k * k; c++) if (ends[Math.floor(c / k)][c % k] < worst) (worst = ends[Math.floor(c / k)][c % k]), (at = c);
    if (at < 0) return { ends, balanced: true };
    held[Math.floor(at / k)][at % k] = held[at % k][Math.floor(at / k)] = true;
  }
  // No symmetric counts with these zeros give every tier its budget.
  return { ends: balanceKernel(budgets, askedKernel(budgets, p)).ends, balanced: false };
}

/** Gaussian elimination with partial pivoting; null when singular. */
function solveLinear(matrix: number[][], rhs: number[]): number[] | null {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    if (Math.abs(a[pivot][c]) < 1e-12 * Math.max(1, ...a.map((row) => Math.abs(row[c])))) return null;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let k = c; k <= n; k++) a[r][k] -= f * a[c][k];
    }
  }
  return a.map((row, i) => row[n] / row[i]);
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

// A stochastic model gives a different output for each seed at the same point. The designs are run
// with common random numbers (replicate r has the same seed at every point, so two points differ by
// their parameters, not by their luck), the indices are estimated from each point's mean over its
// replicates, and the seeds' own part is reported: the within-point sum of squares over the total
// sum of squares of all runs. Near 0, the indices speak of the parameters; near 1, mostly of the seeds
// (more replicates, or a larger world, before reading them). Browser-safe.

/** One output per point: the mean of its replicates (NaN if any is missing). */
export function replicateMeans(runs: readonly (readonly number[])[]): Float64Array {
  return Float64Array.from(runs, (replicates) => {
    let sum = 0;
    for (const x of replicates) sum += x;
    return replicates.length === 0 ? NaN : sum / replicates.length;
  });
}

/**
 * The within-point sum of squares (each run's distance from its point's mean) over the total sum
 * of squares (from the mean of every run): the share of the output's variation the seeds alone
 * explain, in [0, 1] (one minus the R² of "one mean per point"). NaN with one replicate per point
 * (no within-point variation to see) or no variation at all.
 */
export function noiseShare(runs: readonly (readonly number[])[]): number {
  let within = 0;
  let count = 0;
  let sum = 0;
  for (const replicates of runs) {
    const n = replicates.length;
    if (n < 2) return NaN;
    let m = 0;
    for (const x of replicates) m += x / n;
    for (const x of replicates) within += (x - m) ** 2;
    for (const x of replicates) sum += x;
    count += n;
  }
  if (count === 0) return NaN;
  const grand = sum / count;
  let total = 0;
  for (const replicates of runs) for (const x of replicates) total += (x - grand) ** 2;
  return total > 0 ? within / total : NaN;
}

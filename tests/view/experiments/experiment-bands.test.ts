// The live bands of the experiments page against their formulas: the mean of the runs finished so
// far and the 90 % Student-t interval of that mean (t quantiles from the printed table), day by
// day for variants and at one date over the swept value for a sweep.
import { describe, expect, it } from 'vitest';
import { loadExperimentDesign } from '../../../src/cli/experiments/load-files.ts';
import { METRIC_COUNT, metricIndex, type DailySeries } from '../../../src/engine/metrics.ts';
import { planRuns } from '../../../src/experiments/plan.ts';
import { runRows } from '../../../src/experiments/report.ts';
import { bandsOverSweep, bandsOverTime } from '../../../src/view/experiments/experiment-bands.ts';
import { ExperimentRuns } from '../../../src/view/experiments/experiment-runs.ts';

/** t quantile 0.95 (a two-sided 90 % interval) for 1 and 2 degrees of freedom, from the table. */
const T95 = { 1: 6.313752, 2: 2.919986 } as const;
const variants = loadExperimentDesign('tests/view/fixtures/experiment-variants.json', { overrides: [] }).design;
const sweep = loadExperimentDesign('tests/view/fixtures/experiment-sweep.json', { overrides: [] }).design;

/** A made-up run: customers of tier `all` on day d = 100·configuration + 10·replicate + d (every other value 0). */
function series(design: typeof variants, configuration: number, replicate: number): DailySeries {
  const { days, tiers } = design.configurations[configuration].scenario;
  const t = tiers.length;
  const values = new Float64Array((days + 1) * (t + 1) * METRIC_COUNT);
  for (let day = 0; day <= days; day++) values[(day * (t + 1) + t) * METRIC_COUNT + metricIndex.customers] = 100 * configuration + 10 * replicate + day;
  return { days, tiers: t, values };
}

describe('bandsOverTime', () => {
  it('gives per variant and day the mean of the finished runs and the t interval of that mean', () => {
    const runs = new ExperimentRuns(variants);
    // Replicates 0 and 2 of every variant, and replicate 1 of the baseline only.
    for (const run of planRuns(variants).filter((r) => r.replicate !== 1 || r.configuration === 0)) runs.add(run, series(variants, run.configuration, run.replicate));
    const bands = bandsOverTime(runs, 'customers', 'all');
    expect(bands.map((b) => b.name)).toEqual(['jd-tencent-2014', 'no-rural-promoters', 'promoters-doubled']);
    const day = 40;
    // Baseline: 0, 10, 20 (+ day): mean 10 + day, sd 10, half-width t(2) · 10 / √3.
    const base = bands[0].points[day];
    expect(base.n).toBe(3);
    expect(base.label).toBe('2014-07-01');
    expect(base.mean).toBe(10 + day);
    expect(base.hi - base.mean).toBeCloseTo((T95[2] * 10) / Math.sqrt(3), 4);
    // promoters-doubled: 200 and 220 (+ day): mean 210 + day, sd √200, half-width t(1) · √200 / √2.
    const doubled = bands[2].points[day];
    expect(doubled.n).toBe(2);
    expect(doubled.mean).toBe(210 + day);
    expect(doubled.mean - doubled.lo).toBeCloseTo(T95[1] * 10, 4);
    expect(bands[2].points).toHaveLength(variants.configurations[2].scenario.days + 1);
  });

  it('leaves out a variant with no finished run, and gives one run no interval', () => {
    const runs = new ExperimentRuns(variants);
    const [first] = planRuns(variants);
    runs.add(first, series(variants, 0, 0));
    const bands = bandsOverTime(runs, 'customers', 'all');
    expect(bands.map((b) => b.name)).toEqual(['jd-tencent-2014']);
    expect(bands[0].points[5].mean).toBe(5);
    expect(bands[0].points[5].lo).toBeNaN();
  });
});

describe('bandsOverSweep', () => {
  it('gives one point per sweep point at the swept value, in order, with the t interval over its replicates', () => {
    const rows = planRuns(sweep).flatMap((run) => runRows(run, sweep.configurations[run.configuration].scenario, series(sweep, run.configuration, run.replicate), sweep.report));
    const [baseline] = bandsOverSweep(sweep, rows, 'customers', 'all', '2014-11-11');
    // 2014-11-11 is day 173 of a run from 2014-05-22.
    expect(baseline.points.map((p) => p.x)).toEqual([0.03, 0.075, 0.12]);
    baseline.points.forEach((p, point) => {
      expect(p.n).toBe(2);
      // Replicates 0 and 1: 100·point + 173 and that + 10.
      expect(p.mean).toBe(100 * point + 173 + 5);
      expect(p.hi - p.mean).toBeCloseTo((T95[1] * Math.sqrt(50)) / Math.sqrt(2), 4);
    });
    expect(bandsOverSweep(sweep, rows, 'customers', 'all', '2015-11-11')).toEqual([]);
  });
});

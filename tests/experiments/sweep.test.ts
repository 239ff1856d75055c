import { describe, expect, it } from 'vitest';
import { experimentSchema, type Sweep } from '../../src/experiments/schema.ts';
import { sweepPoints } from '../../src/experiments/sweep.ts';

const sweep = (input: unknown): Sweep => experimentSchema.shape.sweep.unwrap().parse(input);

describe('sweep points', () => {
  it('a grid runs every combination, the first parameter varying slowest, with clean range steps', () => {
    const points = sweepPoints(
      sweep({ parameters: [{ path: 'a', values: [1, 2] }, { path: 'b', from: 0.1, to: 0.3, count: 3 }] }),
      1,
    );
    expect(points.map((p) => p.text)).toEqual(['a=1;b=0.1', 'a=1;b=0.2', 'a=1;b=0.3', 'a=2;b=0.1', 'a=2;b=0.2', 'a=2;b=0.3']);
  });

  it('a log-scale grid spaces values by ratio, and integer ranges round', () => {
    const [log] = [sweepPoints(sweep({ parameters: [{ path: 'p', from: 0.001, to: 0.1, count: 3, scale: 'log' }] }), 1)];
    expect(log.map((p) => p.values[0].value)).toEqual([0.001, 0.01, 0.1]);
    const ints = sweepPoints(sweep({ parameters: [{ path: 'n', from: 1, to: 10, count: 4, integer: true }] }), 1);
    expect(ints.map((p) => p.values[0].value)).toEqual([1, 4, 7, 10]);
  });

  it('a Latin hypercube puts exactly one of its samples in each stratum of each parameter', () => {
    const samples = 7;
    const points = sweepPoints(
      sweep({ method: 'latin-hypercube', samples, parameters: [{ path: 'x', from: 0, to: 1 }, { path: 'y', from: 10, to: 80 }, { path: 'z', values: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }] }),
      3,
    );
    expect(points).toHaveLength(samples);
    const strata = (k: number, from: number, to: number) => points.map((p) => Math.floor((((p.values[k].value as number) - from) / (to - from)) * samples)).sort();
    expect(strata(0, 0, 1)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(strata(1, 10, 80)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(points.map((p) => p.values[2].value).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('a Latin hypercube is the same for the same seed and differs for another', () => {
    const spec = sweep({ method: 'latin-hypercube', samples: 5, parameters: [{ path: 'x', from: 0, to: 1 }] });
    expect(sweepPoints(spec, 9)).toEqual(sweepPoints(spec, 9));
    expect(sweepPoints(spec, 9)).not.toEqual(sweepPoints(spec, 10));
    expect(sweepPoints({ ...spec, seed: 9 }, 123)).toEqual(sweepPoints(spec, 9));
  });
});

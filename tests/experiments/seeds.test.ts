import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { replicateSeed, replicateSeeds } from '../../src/experiments/seeds.ts';
import { sha256Hex } from '../../src/scenario/sha256.ts';
import { studentTQuantile } from '../../src/experiments/student-t.ts';

describe('replicate seeds', () => {
  it('sha256Hex agrees with node:crypto, across block boundaries and non-ASCII text', () => {
    for (const text of ['', 'abc', '2014:0', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'w'.repeat(200), '双十一']) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('the seed of replicate r is the first 32 bits of SHA-256("master:r"), as documented', () => {
    for (const [master, r] of [[2014, 0], [2014, 19], [0, 3], [4294967295, 7]]) {
      const hex = createHash('sha256').update(`${master}:${r}`).digest('hex').slice(0, 8);
      expect(replicateSeed(master, r)).toBe(parseInt(hex, 16));
    }
  });

  it('replicates get distinct seeds, and the first seeds do not change when more replicates are asked for', () => {
    const ten = replicateSeeds(2014, 10);
    expect(new Set(ten).size).toBe(10);
    expect(replicateSeeds(2014, 20).slice(0, 10)).toEqual(ten);
  });
});

describe('Student t quantiles', () => {
  it('match published table values', () => {
    expect(studentTQuantile(0.95, 1)).toBeCloseTo(6.3138, 4);
    expect(studentTQuantile(0.95, 5)).toBeCloseTo(2.015, 3);
    expect(studentTQuantile(0.95, 19)).toBeCloseTo(1.7291, 4);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.2281, 4);
    expect(studentTQuantile(0.95, 1e7)).toBeCloseTo(1.6449, 4);
    expect(studentTQuantile(0.05, 5)).toBeCloseTo(-2.015, 3);
  });
});

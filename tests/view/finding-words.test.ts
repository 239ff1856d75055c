// Findings in the page's words: in English, the page's sentence is the command line's word for word
// (findingSentence) in every case findings.ts distinguishes; in Chinese it says the same numbers.
import { describe, expect, it } from 'vitest';
import { findingSentence, type Finding } from '../../src/experiments/findings.ts';
import { findingText } from '../../src/view/experiments/finding-words.ts';

type Case = Omit<Finding, 'sentence'>;
const base: Case = { variant: 'no-rural-promoters', baseline: 'jd-tencent-2014', parameters: '', metric: 'customers', tier: 'all', date: '2015-11-11', n: 20, baselineMean: 1000, variantMean: 1100, difference: 100, low: 40, high: 160, changePercent: 10, lowPercent: 4, highPercent: 16 };

const CASES: Record<string, Case> = {
  'one replicate, fewer': { ...base, n: 1, difference: -3, low: NaN, high: NaN },
  'two replicates without an interval, GMV': { ...base, n: 1, metric: 'gmv', difference: 2.25, low: NaN, high: NaN, tier: 'tier 4' },
  'the same in every replicate': { ...base, difference: 0, low: 0, high: 0, changePercent: 0, lowPercent: 0, highPercent: 0 },
  'a baseline with none': { ...base, baselineMean: 0, difference: 5, low: -2, high: 12, changePercent: NaN, lowPercent: NaN, highPercent: NaN, metric: 'new_customers_direct' },
  'clearly more, at a swept point': { ...base, parameters: 'channels.feed.attention=0.3', changePercent: 12.34, lowPercent: 3.2, highPercent: 21.5 },
  'clearly less, tiny': { ...base, tier: 'tier 2', changePercent: -0.04, lowPercent: -0.09, highPercent: -0.01, difference: -0.4 },
  'no clear difference': { ...base, metric: 'gmv_social', changePercent: 2.5, lowPercent: -1.2, highPercent: 6.1 },
  'a change above a thousand per cent': { ...base, changePercent: 1234.5, lowPercent: 1100, highPercent: 1300 },
};

describe('findingText', () => {
  for (const [name, f] of Object.entries(CASES)) {
    it(`in English is the command line's sentence: ${name}`, () => {
      expect(findingText(f, 'en')).toBe(findingSentence(f));
    });
  }

  it('in Chinese is Chinese, names both worlds and keeps the figures', () => {
    const text = findingText(CASES['clearly more, at a swept point'], 'zh');
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    for (const part of ['no-rural-promoters', 'jd-tencent-2014', 'channels.feed.attention=0.3', '12.3', '3.2', '21.5', '2015年11月11日']) expect(text).toContain(part);
    expect(text).not.toMatch(/\b(than|interval|more|tiers)\b/);
  });
});

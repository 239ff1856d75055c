import { describe, expect, it } from 'vitest';
import { formatPath, genericPath, getPath, parsePath, setPath } from '../../src/scenario/path.ts';

describe('parsePath', () => {
  it('splits dotted names and bracketed indices into segments', () => {
    expect(parsePath('tiers[3].offlinePerDay')).toEqual(['tiers', 3, 'offlinePerDay']);
    expect(parsePath('network.mixing[1][2]')).toEqual(['network', 'mixing', 1, 2]);
  });

  it('reads a quoted key in brackets, so a notes key that is itself a path can be named', () => {
    expect(parsePath('notes["tiers[3].share"]')).toEqual(['notes', 'tiers[3].share']);
  });

  it('rejects malformed paths with the character where they break', () => {
    expect(() => parsePath('tiers[x].share')).toThrow('invalid path "tiers[x].share": expected an index like [3] or a quoted key like ["a.b"] at character 6');
    expect(() => parsePath('payment.')).toThrow('expected a field name at character 9');
    expect(() => parsePath('')).toThrow('invalid path');
  });
});

describe('formatPath', () => {
  it('is the inverse of parsePath', () => {
    for (const path of ['tiers[3].offlinePerDay', 'network.mixing[1][2]', 'notes["tiers[3].share"]', '$schema']) {
      expect(formatPath(parsePath(path))).toBe(path);
    }
  });

  it('writes any index as [] in the generic form used by SETUP_ONLY_FIELDS', () => {
    expect(genericPath(['tiers', 2, 'platforms', 'qq'])).toBe('tiers[].platforms.qq');
  });
});

describe('getPath and setPath', () => {
  const scenario = () => ({ tiers: [{ share: 0.05 }, { share: 0.22 }, { share: 0.17 }, { share: 0.56 }], payment: { closedLoop: true } });

  it('getPath reads a nested value and gives undefined for a missing one', () => {
    expect(getPath(scenario(), 'tiers[2].share')).toBe(0.17);
    expect(getPath(scenario(), 'tiers[7].share')).toBeUndefined();
    expect(getPath(scenario(), 'payment.closedLoop.x')).toBeUndefined();
  });

  it('setPath changes one value in place and creates missing objects on the way', () => {
    const value: Record<string, unknown> = scenario();
    setPath(value, 'tiers[3].offlinePerDay', 0.002);
    setPath(value, 'targeting.mode', 'instant');
    expect(getPath(value, 'tiers[3].offlinePerDay')).toBe(0.002);
    expect(value.targeting).toEqual({ mode: 'instant' });
  });

  it('setPath refuses an index past the end of a list and a field inside a plain value', () => {
    expect(() => setPath(scenario(), 'tiers[4].share', 1)).toThrow('tiers has 4 items, so it has no item [4]');
    expect(() => setPath(scenario(), 'payment.closedLoop.x', 1)).toThrow('payment.closedLoop is true, not an object');
  });
});

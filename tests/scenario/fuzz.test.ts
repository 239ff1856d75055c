// Seeded fuzzing of every door user text comes through: scenario files (with `extends`), experiment
// files, edge lists, `--set` overrides and the pages' permalinks. 5,800 generated malformed
// inputs, each case of issue 13 among them: none may crash, print a stack, hang, or be refused
// without a place (file:line:column and the field, or the --set it came from); and nothing may
// reach Object.prototype.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stream, type Stream } from '../../src/engine/random.ts';
import { EdgeListError, parseEdgeList } from '../../src/scenario/edge-list.ts';
import { ScenarioError, type ScenarioIssue } from '../../src/scenario/issues.ts';
import { resolveScenario } from '../../src/scenario/load.ts';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { parseOverride } from '../../src/scenario/overrides.ts';
import { parseExperiment } from '../../src/experiments/experiment-file.ts';
import { readAddress } from '../../src/view/simulator/permalink.ts';
import { readComparison } from '../../src/view/compare/permalink.ts';
import { ROOT, scratchDir } from '../cli/tierwave.ts';

const SEED = 20261205;
const FULL = readFileSync(join(ROOT, 'scenarios/jd-tencent-2014.json'), 'utf8');
const SMALL = JSON.stringify(
  {
    name: 'small',
    days: 30,
    population: { agents: 1000 },
    tiers: [
      { name: 'city', share: 0.4, basketYuan: { median: 150, sigma: 0.6 }, shareMix: { direct: 0.5, group: 0.3, feed: 0.2 } },
      { name: 'county', share: 0.6, offlinePerDay: 0.001 },
    ],
    network: { kind: 'generated', mixing: [[0.8, 0.2], [0.3, 0.7]] },
    interventions: [{ from: '2014-06-01', path: 'tiers[1].offlinePerDay', value: 0.002 }],
  },
  null,
  2,
);
const EXPERIMENT = readFileSync(join(ROOT, 'tests/experiments/fixtures/experiment.json'), 'utf8');

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'populaton', 'comment', 'version', 'sharee', 'x'.repeat(5000), '', ' ', 'tiers', '$schema', 'extends'];
const HOSTILE_VALUES = [
  '1e309', '-1e309', '1e308', '-0', '0', '-1', '4294967296', '18446744073709551616', '0.5', 'true', 'null', '""', '"x"', '[]', '{}', '[[[]]]',
  '"9999-12-25"', '"10000-01-01"', '"2014-02-30"', '{"median":1e8,"sigma":0}', '{"median":1e308,"sigma":0}', '{"__proto__":{"share":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}', `"${'y'.repeat(3000)}"`, '"\\u0000"', '"\\ud800"',
];
const deep = (levels: number, open = '{"mixing": ', close = '}') => `${open.repeat(levels)}1${close.repeat(levels)}`;

const pick = <T>(r: Stream, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const int = (r: Stream, n: number) => Math.floor(r() * n);

/** Offsets just after a `:`, `[` or `,` outside strings: places a value can start. */
function valueStarts(text: string): number[] {
  const starts: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ':' || c === '[' || c === ',') starts.push(i + 1);
  }
  return starts;
}

/** One mutation of JSON text: a hostile value, key, nesting, byte or cut at a random place. */
function mutate(r: Stream, text: string): string {
  const starts = valueStarts(text);
  const at = pick(r, starts);
  const end = (() => {
    // The end of the value starting at `at` (a scalar: up to the next , } or ] outside strings).
    let i = at;
    while (i < text.length && text[i] === ' ') i++;
    if (text[i] === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      return i + 1;
    }
    while (i < text.length && !',}]\n'.includes(text[i])) i++;
    return i;
  })();
  const objectStart = pick(r, [...text.matchAll(/\{/g)].map((m) => m.index! + 1));
  switch (int(r, 9)) {
    case 0:
    case 1:
      return `${text.slice(0, at)} ${pick(r, HOSTILE_VALUES)}${text.slice(end)}`;
    case 2:
      return `${text.slice(0, objectStart)} ${JSON.stringify(pick(r, HOSTILE_KEYS))}: ${pick(r, HOSTILE_VALUES)},${text.slice(objectStart)}`;
    case 3:
      return `${text.slice(0, at)} ${deep(pick(r, [30, 31, 32, 33, 100, 2000, 20000]), pick(r, ['{"mixing": ', '[', '{"a":[']), pick(r, ['}', ']', ']}']))}${text.slice(end)}`;
    case 4:
      return text.slice(0, int(r, text.length));
    case 5: {
      const i = int(r, text.length);
      return `${text.slice(0, i)}${pick(r, ['{', '}', '[', ']', ',', ':', '"', '\\', '/*', '//', '\u0000', '\uFEFF', '\n', 'é', '\ud800'])}${text.slice(i)}`;
    }
    case 6:
      return `\uFEFF${text}`;
    case 7:
      return `${text.slice(0, objectStart)} "extends": ${pick(r, ['"base.json"', '"x.json"', '"missing.json"', '""', '1', '"../../../../dev/zero"'])},${text.slice(objectStart)}`;
    default:
      return `${text.slice(0, at)} ${pick(r, ['"2014-05-22"', '"9999-12-31"', '7', '0.001', '"tiers[0].share"'])}${text.slice(end)}`;
  }
}

/** Texts of the in-memory files `extends` can reach. */
const FILES: Record<string, string> = {
  'scenarios/base.json': SMALL,
  'scenarios/x.json': '{"extends": "x.json"}',
};

interface Outcome {
  readonly issues: readonly ScenarioIssue[];
  readonly ms: number;
}

/** Runs `work`; a ScenarioError's issues are returned, any other throw fails the test. */
function outcome(work: () => unknown, label: string): Outcome {
  const started = performance.now();
  try {
    work();
    return { issues: [], ms: performance.now() - started };
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw new Error(`${label}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, { cause: error });
    return { issues: error.issues, ms: performance.now() - started };
  }
}

/** Every issue located: a file or `--set`, a line and column from 1, a field or a whole-file place. */
function expectLocated(result: Outcome, label: string): void {
  for (const issue of result.issues) {
    const where = `${label}: ${issue.where} ${issue.path}: ${issue.message}`;
    expect(issue.file.length, where).toBeGreaterThan(0);
    expect(Number.isInteger(issue.line) && issue.line >= 1, where).toBe(true);
    expect(Number.isInteger(issue.column) && issue.column >= 1, where).toBe(true);
    // Printed as file:line:column, as the --set that caused it, or (a file that cannot be read) its name.
    const printed = issue.file === '--set' ? issue.where.startsWith('--set ') : [`${issue.file}:${issue.line}:${issue.column}`, issue.file].includes(issue.where);
    expect(printed, where).toBe(true);
    // A field, unless the problem is the file as a whole (invalid JSON, not UTF-8, not an object).
    if (issue.path === '') expect(issue.message, where).toMatch(/invalid JSON|expected an object|cannot read|expected path=value/);
    expect(issue.message, where).not.toMatch(/\n\s+at |RangeError|TypeError|Maximum call stack/);
    expect(issue.message.length, where).toBeLessThan(3000);
  }
  // A hang shows as a slow case long before the test's timeout.
  expect(result.ms, label).toBeLessThan(5000);
}

/** Edge-list rows from hostile pieces. */
function edgeListText(r: Stream): string {
  const header = pick(r, ['source,target', 'Source, Target', 'source,target,source_tier,target_tier', 'source,target,source_tier', 'target_tier,target,source', 'from,to', '', '"source","target"']);
  const lines = [header];
  const id = () => pick(r, ['a', 'b', 'user#1', 'b#c', '"Li, Wei"', '"q""q"', '', ' ', '"open', 'x"y', 'é', 'z'.repeat(int(r, 200)), String(int(r, 50))]);
  const tier = () => pick(r, ['1', '2', '4', '9', '0', '-1', '1.5', '', 'one', '1e309']);
  for (let k = int(r, 12); k > 0; k--) {
    const kind = int(r, 10);
    if (kind === 0) lines.push(pick(r, ['# comment', '  # indented', '', '   ', '#']));
    else if (kind === 1) lines.push(`${id()},${id()},${id()}`);
    else lines.push(header.includes('tier') ? `${id()},${id()},${tier()},${tier()}` : `${id()},${id()}`);
  }
  if (r() < 0.1) lines.unshift('# leading comment', '');
  return lines.join(r() < 0.2 ? '\r\n' : '\n') + (r() < 0.5 ? '\n' : '');
}

/** An override path from hostile pieces. */
function overridePath(r: Stream): string {
  const segment = () => pick(r, ['tiers', '[0]', '[9]', '[99999999999999999999]', 'share', '__proto__', 'constructor', 'prototype', 'population', 'agents', 'notes', '["a.b"]', '["__proto__"]', '[', ']', '.', '', 'seed', 'extends', 'x'.repeat(300)]);
  let path = pick(r, ['tiers[0]', 'population', 'notes', '__proto__', 'days', 'seed', 'nonexistent', 'network', '']);
  for (let k = int(r, 4); k > 0; k--) {
    const s = segment();
    path += s.startsWith('[') || s === '' ? s : `.${s}`;
  }
  if (r() < 0.02) path = Array.from({ length: 40 }, () => 'a').join('.');
  return path;
}

describe('fuzzing the input doors (seeded)', () => {
  it(
    'scenario files, experiment files, edge lists, --set and permalinks: no crash, stack or hang; every refusal located',
    () => {
      const r = stream(SEED, 'fuzz');
      const read = (path: string) => FILES[path];
      let refused = 0;
      let cases = 0;
      const check = (label: string, work: () => unknown) => {
        const result = outcome(work, label);
        expectLocated(result, label);
        cases++;
        if (result.issues.length > 0) refused++;
      };

      for (let k = 0; k < 1600; k++) {
        let text = k % 20 === 0 ? FULL : SMALL;
        for (let m = 1 + int(r, 3); m > 0; m--) text = mutate(r, text);
        check(`scenario ${k}`, () => resolveScenario(text, 'scenarios/case.json', read));
      }
      for (let k = 0; k < 600; k++) {
        let text = EXPERIMENT;
        for (let m = 1 + int(r, 3); m > 0; m--) text = mutate(r, text);
        check(`experiment ${k}`, () => parseExperiment(text, 'experiments/case.json'));
      }
      for (let k = 0; k < 1200; k++) {
        const text = edgeListText(r);
        const started = performance.now();
        try {
          parseEdgeList(text, 'ties.csv', 4);
        } catch (error) {
          if (!(error instanceof EdgeListError)) throw new Error(`edge list ${k} ${JSON.stringify(text)}: ${String(error)}`);
          expect(error.message, JSON.stringify(text)).toMatch(/^ties\.csv:\d+( (source_tier|target_tier))?: \S/);
          refused++;
        }
        expect(performance.now() - started).toBeLessThan(5000);
        cases++;
      }
      for (let k = 0; k < 1200; k++) {
        const value = r() < 0.1 ? deep(int(r, 3000), '[', ']') : pick(r, HOSTILE_VALUES);
        const set = `${overridePath(r)}=${value}`;
        check(`--set ${k}`, () => resolveScenario(SMALL, 'scenarios/small.json', read, [parseOverride(set)]));
        const link = `?scenario=x&seed=${pick(r, ['1', '4294967295', '4294967296', '18446744073709551616', '-1', 'x'])}&set=${encodeURIComponent(set)}`;
        check(`permalink ${k}`, () => resolveScenario(SMALL, 'scenarios/small.json', read, readAddress(link).overrides.map(parseOverride)));
        const comparison = readComparison(link.replace('scenario=x', 'baseline=x'), 'x');
        expect(comparison.seed === null || (Number.isInteger(comparison.seed) && comparison.seed <= 4294967295)).toBe(true);
      }
      expect(cases).toBe(1600 + 600 + 1200 + 2400);
      // Most generated inputs are wrong somewhere; some must pass, or the generator is broken.
      expect(refused).toBeGreaterThan(cases / 2);
      expect(refused).toBeLessThan(cases);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.keys(Object.prototype)).toEqual([]);
    },
    120_000,
  );

  it('refuses each case of issue 13 with a located error', () => {
    const dir = scratchDir('fuzz-issue');
    const write = (name: string, text: string | Buffer) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    execFileSync('mkfifo', [join(dir, 'fifo.json')]);
    const base = join(ROOT, 'scenarios/jd-tencent-2014.json');
    const files = [
      write('zero.json', '{"extends":"/dev/zero","name":"x"}'),
      '/dev/zero',
      '/dev/urandom',
      join(dir, 'fifo.json'),
      dir,
      write('proto-key.json', `{"extends": ${JSON.stringify(base)}, "tiers": [{"name": "t", "__proto__": {"share": 1}}]}`),
      write('deep.json', `{"extends": ${JSON.stringify(base)}, "network": {"mixing": ${deep(2000)}}}`),
      write('typo.json', `{"extends": ${JSON.stringify(base)},\n"population": {"agents": 10},\n"populaton": 1, "comment": 1, "version": 1}`),
      write('basket.json', `{"extends": ${JSON.stringify(base)}, "tiers": [{"name": "t", "share": 1, "basketYuan": {"median": 1e308, "sigma": 0}}]}`),
      write('latin1.json', Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d])),
      write('late.json', `{"extends": ${JSON.stringify(base)}, "start": "9999-12-25"}`),
      write('huge-number.json', `{"extends": ${JSON.stringify(base)}, "seed": 1e309}`),
      write('huge-key.json', `{"extends": ${JSON.stringify(base)}, "${'k'.repeat(10_000_000)}": 1}`),
    ];
    for (const file of files) {
      const result = outcome(() => loadScenarioFile(file), file);
      expect(result.issues.length, file).toBeGreaterThan(0);
      expectLocated(result, file);
    }
    for (const set of ['__proto__.polluted=1', 'nonexistent.path=1', 'tiers[0].basketYuan.median=1e8', `network.mixing=${deep(2000, '[', ']')}`]) {
      const result = outcome(() => loadScenarioFile(base, [parseOverride(set)]), set);
      expect(result.issues.every((issue) => issue.file === '--set'), set).toBe(true);
      expectLocated(result, set);
    }
    // A BOM is accepted, as in the page.
    expect(loadScenarioFile(write('bom.json', `\uFEFF{"extends": ${JSON.stringify(base)}}`)).scenario.name).toBe('jd-tencent-2014');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

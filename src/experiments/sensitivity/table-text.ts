// The short table `tierwave sensitivity` prints: per output, the parameters most influential
// first, each index with its interval, "≈ 0" where the interval reaches zero, and how much of the
// output's variation the seeds alone explain. Browser-safe (plain text).
import type { SensitivityRow } from './analysis.ts';

const figure = (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(2) : String(Number(x.toPrecision(3)))) : '—');
const withInterval = (row: SensitivityRow | undefined) => (row ? `${figure(row.value)} [${figure(row.lo)}, ${figure(row.hi)}]${row.distinguishable_from_zero === 'no' ? ' ≈0' : ''}` : '—');

export function sensitivityText(rows: readonly SensitivityRow[], replicates: number): string {
  const outputs = [...new Set(rows.map((r) => r.output))];
  const morris = rows.some((r) => r.index === 'mu_star');
  const head = morris ? ['parameter', 'μ* [interval]', 'μ', 'σ'] : ['parameter', 'S_T total [interval]', 'S1 first order [interval]'];
  const blocks = outputs.map((output) => {
    const group = rows.filter((r) => r.output === output);
    const parameters = [...new Set(group.map((r) => r.parameter))];
    const at = (p: string, index: string) => group.find((r) => r.parameter === p && r.index === index);
    const body = parameters.map((p) => (morris ? [p, withInterval(at(p, 'mu_star')), figure(at(p, 'mu')?.value ?? NaN), figure(at(p, 'sigma')?.value ?? NaN)] : [p, withInterval(at(p, 'ST')), withInterval(at(p, 'S1'))]));
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
    const noise = group[0]?.noise_share;
    const seeds = Number.isFinite(noise)
      ? `seeds alone explain ${(100 * noise).toFixed(1)} % of its variation across runs`
      : replicates < 2
        ? 'one replicate: the seeds’ share is not measured'
        : 'the same in every run';
    return [`${output} (${seeds}):`, line(head), ...body.map(line)].join('\n');
  });
  const level = rows[0] ? `${Math.round(rows[0].level * 100)} %` : '';
  const legend = morris
    ? `μ*: mean |elementary effect| per whole range (influence); μ: its sign; σ: interactions or curvature; ${level} bootstrap intervals; ≈0: interval reaches 0`
    : `S_T: share of the variance a parameter explains with its interactions; S1: alone; ${level} bootstrap intervals; ≈0: not distinguishable from zero`;
  return `${blocks.join('\n\n')}\n\n${legend}\n`;
}

// The sensitivity chart as SVG text: for Sobol indices a tornado — per output, one row per
// parameter, most influential on top, the total index (ST) as a pale bar with the first-order index
// (S1) inside it, each with its interval; for Morris, μ* against σ per output, points labelled, with
// the σ = μ* line (above it a parameter acts mostly through interactions or curvature). Pure string
// building, so the CLI writes it and a page can show or export it. Browser-safe.
import type { SensitivityRow } from './analysis.ts';

/** The chart's own words: English for the CLI's file; a page passes its language's. */
export interface SensitivityChartWords {
  readonly morrisLegend: string;
  readonly sobolLegend: string;
  readonly muStarAxis: string;
  readonly rankHeading: string;
}

export const CHART_WORDS_EN: SensitivityChartWords = {
  morrisLegend: 'Morris screening: μ* (influence) against σ (interactions, curvature); bars: μ* interval',
  sobolLegend: 'Sobol indices: pale bar total (ST), dark bar first order (S1), lines: intervals',
  muStarAxis: 'μ* (effect per whole range)',
  rankHeading: 'rank  parameter  (μ*, σ)',
};

const FAMILY = 'font-family="system-ui, sans-serif"';
const FONT = `${FAMILY} font-size="11"`;
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fixed = (x: number) => (Number.isFinite(x) ? Number(x.toFixed(1)) : 0);
const short = (x: number) => (Math.abs(x) >= 1000 || (Math.abs(x) < 0.01 && x !== 0) ? x.toExponential(1) : String(Number(x.toPrecision(2))));

function byOutput(rows: readonly SensitivityRow[]): Map<string, SensitivityRow[]> {
  const groups = new Map<string, SensitivityRow[]>();
  for (const row of rows) groups.set(row.output, [...(groups.get(row.output) ?? []), row]);
  return groups;
}

function ticks(lo: number, hi: number, count = 5): number[] {
  const step = 10 ** Math.floor(Math.log10((hi - lo) / count || 1));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => (hi - lo) / s <= count) ?? step * 10;
  const out: number[] = [];
  for (let t = Math.ceil(lo / nice) * nice; t <= hi + nice * 1e-9; t += nice) out.push(Number(t.toPrecision(12)));
  return out;
}

const finite = (values: number[]) => values.filter(Number.isFinite);

function tornado(output: string, rows: SensitivityRow[], top: number, width: number): { svg: string; height: number } {
  const parameters = [...new Set(rows.map((r) => r.parameter))];
  const label = Math.min(260, 12 + 6.2 * Math.max(...parameters.map((p) => p.length)));
  const plot = width - label - 20;
  const lo = Math.min(0, ...finite(rows.map((r) => r.lo)));
  const hi = Math.max(1e-9, ...finite(rows.map((r) => Math.max(r.hi, r.value))));
  const x = (v: number) => fixed(label + ((v - lo) / (hi - lo)) * plot);
  const band = 26;
  const parts = [`<text x="8" y="${top + 14}" ${FONT} font-weight="bold">${escape(output)}</text>`];
  const axis = top + 24 + parameters.length * band;
  for (const t of ticks(lo, hi)) {
    parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${top + 22}" y2="${axis}" stroke="#ddd"/>`, `<text x="${x(t)}" y="${axis + 12}" ${FONT} text-anchor="middle">${short(t)}</text>`);
  }
  parameters.forEach((parameter, k) => {
    const y = top + 24 + k * band;
    const first = rows.find((r) => r.parameter === parameter && r.index === 'S1');
    const total = rows.find((r) => r.parameter === parameter && r.index === 'ST');
    parts.push(`<text x="${label - 6}" y="${y + 15}" ${FONT} text-anchor="end">${escape(parameter)}</text>`);
    for (const [row, y0, h, colour] of [[total, y + 2, 20, '#9ecae1'], [first, y + 7, 10, '#08519c']] as const) {
      if (!row || !Number.isFinite(row.value)) continue;
      const [a, b] = [x(Math.min(0, row.value)), x(Math.max(0, row.value))];
      parts.push(`<rect x="${a}" y="${y0}" width="${fixed(b - a)}" height="${h}" fill="${colour}"><title>${row.index} ${short(row.value)} [${short(row.lo)}, ${short(row.hi)}]</title></rect>`);
      // The total's interval runs along the top of its bar, the first order's through its middle.
      const whisker = row.index === 'ST' ? y0 + 2 : y0 + h / 2;
      if (Number.isFinite(row.lo) && Number.isFinite(row.hi)) parts.push(`<line x1="${x(row.lo)}" x2="${x(row.hi)}" y1="${whisker}" y2="${whisker}" stroke="#333"/>`);
    }
  });
  parts.push(`<line x1="${x(0)}" x2="${x(0)}" y1="${top + 22}" y2="${axis}" stroke="#333"/>`);
  return { svg: parts.join('\n'), height: axis + 24 - top };
}

function morrisPlane(output: string, rows: SensitivityRow[], top: number, width: number, words: SensitivityChartWords): { svg: string; height: number } {
  const parameters = [...new Set(rows.map((r) => r.parameter))];
  const at = (p: string, index: string) => rows.find((r) => r.parameter === p && r.index === index);
  const points = parameters.map((p) => ({ p, muStar: at(p, 'mu_star'), sigma: at(p, 'sigma') })).filter((q) => q.muStar && q.sigma && Number.isFinite(q.muStar.value) && Number.isFinite(q.sigma.value));
  const size = 300;
  const left = 60;
  const max = Math.max(1e-12, ...finite(points.flatMap((q) => [q.muStar!.hi, q.muStar!.value, q.sigma!.value])));
  const x = (v: number) => fixed(left + (v / max) * size);
  const y = (v: number) => fixed(top + 24 + size - (v / max) * size);
  const parts = [`<text x="8" y="${top + 14}" ${FONT} font-weight="bold">${escape(output)}</text>`];
  for (const t of ticks(0, max)) {
    parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${y(0)}" y2="${y(max)}" stroke="#eee"/><text x="${x(t)}" y="${y(0) + 14}" ${FONT} text-anchor="middle">${short(t)}</text>`);
    parts.push(`<line x1="${x(0)}" x2="${x(max)}" y1="${y(t)}" y2="${y(t)}" stroke="#eee"/><text x="${left - 4}" y="${y(t) + 4}" ${FONT} text-anchor="end">${short(t)}</text>`);
  }
  parts.push(`<line x1="${x(0)}" y1="${y(0)}" x2="${x(max)}" y2="${y(max)}" stroke="#999" stroke-dasharray="4 3"/>`);
  parts.push(`<text x="${x(max / 2)}" y="${y(0) + 28}" ${FONT} text-anchor="middle">${escape(words.muStarAxis)}</text>`, `<text x="14" y="${y(max / 2)}" ${FONT} transform="rotate(-90 14 ${y(max / 2)})" text-anchor="middle">σ</text>`);
  // Points carry their rank; the names, most influential first, are listed beside the plane, where
  // they cannot overlap as labels of nearby points would.
  const list = left + size + 40;
  parts.push(`<text x="${list}" y="${top + 36}" ${FONT} font-weight="bold">${escape(words.rankHeading)}</text>`);
  points.forEach(({ p, muStar, sigma }, rank) => {
    if (Number.isFinite(muStar!.lo) && Number.isFinite(muStar!.hi)) parts.push(`<line x1="${x(muStar!.lo)}" x2="${x(muStar!.hi)}" y1="${y(sigma!.value)}" y2="${y(sigma!.value)}" stroke="#9ecae1"/>`);
    parts.push(`<circle cx="${x(muStar!.value)}" cy="${y(sigma!.value)}" r="4" fill="#08519c"><title>${escape(p)}: μ* ${short(muStar!.value)}, σ ${short(sigma!.value)}</title></circle>`);
    parts.push(`<text x="${x(muStar!.value) + 5}" y="${y(sigma!.value) - 5}" ${FONT}>${rank + 1}</text>`);
    const zero = muStar!.distinguishable_from_zero === 'no' ? ' ≈0' : '';
    parts.push(`<text x="${list}" y="${top + 54 + rank * 16}" ${FONT}>${rank + 1}  ${escape(p)}  (${short(muStar!.value)}${zero}, ${short(sigma!.value)})</text>`);
  });
  return { svg: parts.join('\n'), height: Math.max(size + 60, 60 + points.length * 16) };
}

/** One panel per output, stacked. */
export function sensitivityChartSvg(rows: readonly SensitivityRow[], title: string, words = CHART_WORDS_EN): string {
  const width = 760;
  const morris = rows.some((r) => r.index === 'mu_star');
  let top = 30;
  const panels: string[] = [];
  for (const [output, group] of byOutput(rows)) {
    const panel = morris ? morrisPlane(output, group, top, width, words) : tornado(output, group, top, width);
    panels.push(panel.svg);
    top += panel.height + 10;
  }
  const legend = morris ? words.morrisLegend : words.sobolLegend;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top}" viewBox="0 0 ${width} ${top}">`,
    `<rect width="${width}" height="${top}" fill="white"/>`,
    `<text x="8" y="18" ${FAMILY} font-size="13" font-weight="bold">${escape(title)} — ${escape(legend)}</text>`,
    ...panels,
    '</svg>',
    '',
  ].join('\n');
}

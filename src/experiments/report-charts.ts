// Charts of a report as SVG text: d3 scales place the marks, the markup is written as strings, so
// the same charts come out of Node (the command line's report file) and the page, with no DOM.
// Every chart has a title, axis labels and a unit, and carries `data-chart` so tests can count them.
import { scaleLinear, scaleUtc } from 'd3';
import type { Finding } from './findings.ts';
import { metricWords } from './findings.ts';
import type { StatsRow } from './stats.ts';

/** Okabe–Ito, readable by colour-blind readers and in grey print (the pages use the same list). */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const fixed = (x: number) => (Math.round(x * 10) / 10).toString();
const tickText = (x: number) => (Math.abs(x) >= 1e4 ? x.toExponential(1) : x.toLocaleString('en-US', { maximumFractionDigits: 4 }));

function frame(id: string, title: string, width: number, height: number, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" data-chart="${escapeXml(id)}" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="8" y="16" font-size="13" font-weight="600">${escapeXml(title)}</text>`,
    ...body,
    '</svg>',
  ].join('\n');
}

function xAxis(x: (v: number) => number, ticks: number[], y: number, label: string, format = tickText, labelX?: number): string[] {
  const out = ticks.map((t) => `<g><line x1="${fixed(x(t))}" x2="${fixed(x(t))}" y1="${y}" y2="${y + 4}" stroke="#333"/><text x="${fixed(x(t))}" y="${y + 16}" text-anchor="middle">${escapeXml(format(t))}</text></g>`);
  const [a, b] = [x(ticks[0] ?? 0), x(ticks[ticks.length - 1] ?? 0)];
  out.push(`<text x="${fixed(labelX ?? (a + b) / 2)}" y="${y + 32}" text-anchor="middle">${escapeXml(label)}</text>`);
  return out;
}

/**
 * One variant's differences from the baseline on one date, a row per tier: the mean as a dot and
 * its interval as a bar, around a line at 0 (no difference).
 */
export function differenceChart(rows: readonly Finding[], id: string): string {
  const first = rows[0];
  const { noun } = metricWords(first.metric);
  const title = `${noun}: ${first.variant} − ${first.baseline} on ${first.date}${first.parameters ? ` at ${first.parameters}` : ''}`;
  const width = 640;
  const left = 90;
  const rowHeight = 26;
  const top = 34;
  const height = top + rows.length * rowHeight + 44;
  const values = rows.flatMap((r) => [r.low, r.high, r.difference]).filter(Number.isFinite);
  const x = scaleLinear().domain([Math.min(0, ...values), Math.max(0, ...values)]).nice().range([left, width - 20]);
  const body: string[] = [`<line x1="${fixed(x(0))}" x2="${fixed(x(0))}" y1="${top - 6}" y2="${top + rows.length * rowHeight}" stroke="#888" stroke-dasharray="3 3"/>`];
  rows.forEach((r, i) => {
    const y = top + i * rowHeight + rowHeight / 2;
    body.push(`<text x="${left - 8}" y="${y + 4}" text-anchor="end">${escapeXml(r.tier)}</text>`);
    if (Number.isFinite(r.low) && Number.isFinite(r.high)) body.push(`<line x1="${fixed(x(r.low))}" x2="${fixed(x(r.high))}" y1="${y}" y2="${y}" stroke="${COLOURS[0]}" stroke-width="3"/>`);
    body.push(`<circle cx="${fixed(x(r.difference))}" cy="${y}" r="4.5" fill="${COLOURS[1]}"><title>${escapeXml(r.sentence)}</title></circle>`);
  });
  body.push(...xAxis(x, x.ticks(6), top + rows.length * rowHeight + 4, `difference in ${noun} (simulated agents), dot: mean, bar: 90 % interval`));
  return frame(id, title, width, height, body);
}

/**
 * Each variant's mean over the reported dates, with the band from its 5 % to its 95 % quantile
 * across replicates, for one metric and tier (at one sweep point).
 */
export function pathChart(rows: readonly StatsRow[], id: string): string {
  const first = rows[0];
  const { noun } = metricWords(first.metric);
  const title = `${noun}, ${first.tier}${first.parameters ? ` at ${first.parameters}` : ''}: mean and 5–95 % of replicates`;
  const width = 640;
  const height = 300;
  const [left, right, top, bottom] = [70, 150, 30, 250];
  const time = (date: string) => new Date(`${date}T00:00:00Z`);
  const dates = rows.map((r) => time(r.date).getTime());
  const x = scaleUtc().domain([Math.min(...dates), Math.max(...dates)]).range([left, width - right]);
  const y = scaleLinear().domain([Math.min(0, ...rows.map((r) => r.q05)), Math.max(...rows.map((r) => Math.max(r.q95, r.mean)))]).nice().range([bottom, top]);
  const variants = [...new Set(rows.map((r) => r.variant))];
  const body: string[] = [];
  for (const t of y.ticks(5)) body.push(`<g><line x1="${left}" x2="${width - right}" y1="${fixed(y(t))}" y2="${fixed(y(t))}" stroke="#eee"/><text x="${left - 6}" y="${fixed(y(t) + 4)}" text-anchor="end">${escapeXml(tickText(t))}</text></g>`);
  body.push(`<text transform="translate(14 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(`${noun} (simulated agents)`)}</text>`);
  variants.forEach((variant, k) => {
    const mine = rows.filter((r) => r.variant === variant).sort((a, b) => a.day - b.day);
    const colour = COLOURS[k % COLOURS.length];
    const point = (r: StatsRow, v: number) => `${fixed(x(time(r.date)))},${fixed(y(v))}`;
    if (mine.length > 1) {
      body.push(`<polygon points="${[...mine.map((r) => point(r, r.q95)), ...[...mine].reverse().map((r) => point(r, r.q05))].join(' ')}" fill="${colour}" fill-opacity="0.15"/>`);
      body.push(`<polyline points="${mine.map((r) => point(r, r.mean)).join(' ')}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    }
    for (const r of mine) body.push(`<circle cx="${fixed(x(time(r.date)))}" cy="${fixed(y(r.mean))}" r="3" fill="${colour}"><title>${escapeXml(`${variant} on ${r.date}: mean ${tickText(r.mean)}, 5–95 % ${tickText(r.q05)}–${tickText(r.q95)}`)}</title></circle>`);
    body.push(`<g><rect x="${width - right + 12}" y="${top + k * 18}" width="12" height="12" fill="${colour}"/><text x="${width - right + 30}" y="${top + k * 18 + 10}">${escapeXml(variant)}</text></g>`);
  });
  // Months, few enough that their labels never touch.
  const ticks = x.ticks(4).map((d) => d.getTime());
  body.push(...xAxis((v) => x(new Date(v)), ticks, bottom + 4, 'date', (v) => new Date(v).toISOString().slice(0, 7), (left + width - right) / 2));
  return frame(id, title, width, height, body);
}

/** A range per row (one per wave of a fit), on a shared axis: how a swept parameter's range narrowed. */
export function rangeChart(title: string, rows: readonly { label: string; from: number; to: number; mark?: number }[], axisLabel: string, id: string): string {
  const width = 640;
  const left = 90;
  const rowHeight = 26;
  const top = 34;
  const height = top + rows.length * rowHeight + 44;
  const values = rows.flatMap((r) => [r.from, r.to, ...(r.mark === undefined ? [] : [r.mark])]);
  const x = scaleLinear().domain([Math.min(...values), Math.max(...values)]).nice().range([left, width - 20]);
  const body: string[] = [];
  rows.forEach((r, i) => {
    const y = top + i * rowHeight + rowHeight / 2;
    body.push(`<text x="${left - 8}" y="${y + 4}" text-anchor="end">${escapeXml(r.label)}</text>`);
    body.push(`<rect x="${fixed(x(Math.min(r.from, r.to)))}" y="${y - 6}" width="${fixed(Math.max(1, Math.abs(x(r.to) - x(r.from))))}" height="12" fill="${COLOURS[0]}" fill-opacity="0.6"/>`);
    if (r.mark !== undefined) body.push(`<circle cx="${fixed(x(r.mark))}" cy="${y}" r="4.5" fill="${COLOURS[1]}"/>`);
  });
  body.push(...xAxis(x, x.ticks(6), top + rows.length * rowHeight + 4, axisLabel));
  return frame(id, title, width, height, body);
}

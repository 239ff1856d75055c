// The live band chart: per variant the mean (line) and the 90 % interval of the mean (band over
// time; bars at each sweep point over a swept value), in the frame the compare page's charts use
// (chart-frame.ts). The words come from the page, in its language.
import * as d3 from 'd3';
import { OKABE_ITO } from '../shared/palette.ts';
import { CHART_HEIGHT, CHART_WIDTH, drawLegend, startChart, yTitle } from '../shared/chart-frame.ts';
import type { BandPoint, BandSeries } from './experiment-bands.ts';

export interface BandChartText {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Says what line and band mean. */
  readonly key: string;
  readonly waiting: string;
  /** Over time: the date the results table reads, marked with a rule (milliseconds since 1970). */
  readonly marker?: { readonly x: number; readonly label: string };
  /** Formats an axis number in the page's language. */
  readonly number: (x: number) => string;
}

const WIDTH = CHART_WIDTH;
const HEIGHT = CHART_HEIGHT;
const MARGIN = { top: 48, right: 180, bottom: 44, left: 70 };
const COLOURS = [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple, OKABE_ITO.black, '#A66F00'];

/** `overTime`: x holds milliseconds since 1970; else the swept value (or a category's position, labelled by `label`). */
export function drawBands(element: SVGSVGElement, series: readonly BandSeries[], overTime: boolean, text: BandChartText): void {
  const svg = startChart(element, MARGIN, text.title);
  const points = series.flatMap((s) => s.points);
  if (points.length === 0) {
    svg.append('text').attr('x', WIDTH / 2).attr('y', HEIGHT / 2).attr('text-anchor', 'middle').attr('fill', '#595959').text(text.waiting);
    return;
  }
  svg.append('text').attr('x', MARGIN.left).attr('y', 34).attr('fill', '#595959').attr('font-size', 11).text(text.key);
  const [x0, x1] = d3.extent(points, (p) => p.x) as [number, number];
  // Sweep points sit inside the axis, not on it.
  const pad = x0 === x1 ? 1 : (x1 - x0) * 0.05;
  const range = [MARGIN.left, WIDTH - MARGIN.right];
  const x = overTime ? d3.scaleUtc().domain([new Date(x0), new Date(x1)]).range(range) : d3.scaleLinear().domain([x0 - pad, x1 + pad]).range(range);
  const at = (p: BandPoint) => x(overTime ? new Date(p.x) : p.x as never);
  const finite = (values: number[]) => values.filter(Number.isFinite);
  const y = d3
    .scaleLinear()
    .domain([d3.min(finite(points.flatMap((p) => [p.lo, p.mean]))) ?? 0, d3.max(finite(points.flatMap((p) => [p.hi, p.mean]))) ?? 1])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const categories = new Map(points.map((p) => [p.x, p.label]));
  const numeric = [...categories.values()].every((label) => Number.isFinite(Number(label)));
  const bottom = overTime ? d3.axisBottom(x as d3.ScaleTime<number, number>).ticks(6) : d3.axisBottom(x as d3.ScaleLinear<number, number>).ticks(6).tickFormat((v) => (numeric ? text.number(Number(v)) : categories.get(Number(v)) ?? ''));
  svg.append('g').attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`).call(bottom as never);
  svg.append('g').attr('transform', `translate(${MARGIN.left},0)`).call(d3.axisLeft(y).ticks(6).tickFormat((v) => text.number(Number(v))));
  svg.append('text').attr('x', (MARGIN.left + WIDTH - MARGIN.right) / 2).attr('y', HEIGHT - 6).attr('text-anchor', 'middle').attr('fill', '#444').text(text.xLabel);
  yTitle(svg, MARGIN, text.yLabel);
  if (overTime && text.marker && text.marker.x >= x0 && text.marker.x <= x1) {
    const at = x(new Date(text.marker.x) as never);
    svg.append('line').attr('data-marker', text.marker.label).attr('x1', at).attr('x2', at).attr('y1', MARGIN.top).attr('y2', HEIGHT - MARGIN.bottom).attr('stroke', '#767676').attr('stroke-dasharray', '4 3');
    // Left of the rule in the right half, so the label stays clear of the legend.
    const right = at > (MARGIN.left + WIDTH - MARGIN.right) / 2;
    svg.append('text').attr('x', right ? at - 3 : at + 3).attr('text-anchor', right ? 'end' : 'start').attr('y', MARGIN.top + 10).attr('fill', '#595959').text(text.marker.label);
  }
  const groups = svg.append('g').selectAll('g').data(series).join('g').attr('data-series', (s) => s.name);
  const colour = (_: unknown, i: number) => COLOURS[i % COLOURS.length];
  groups.each(function (s, i) {
    const group = d3.select(this);
    const withInterval = s.points.filter((p) => Number.isFinite(p.lo) && Number.isFinite(p.hi));
    if (overTime) {
      const area = d3.area<BandPoint>().x(at).y0((p) => y(p.lo)).y1((p) => y(p.hi));
      group.append('path').attr('data-band', 'interval').attr('fill', colour(s, i)).attr('fill-opacity', 0.3).attr('d', withInterval.length > 0 ? area(withInterval) : null);
    } else {
      group.selectAll('line').data(withInterval).join('line').attr('data-band', 'interval').attr('stroke', colour(s, i)).attr('stroke-width', 3).attr('stroke-opacity', 0.6)
        .attr('x1', at).attr('x2', at).attr('y1', (p) => y(p.lo)).attr('y2', (p) => y(p.hi));
      group.selectAll('circle').data(s.points).join('circle').attr('fill', colour(s, i)).attr('r', 3.5).attr('cx', at).attr('cy', (p) => y(p.mean))
        .append('title').text((p) => `${s.name} · ${p.label}: ${text.number(p.mean)} (n = ${p.n})`);
    }
    group.append('path').attr('data-mean', '').attr('fill', 'none').attr('stroke', colour(s, i)).attr('stroke-width', 2).attr('d', d3.line<BandPoint>().x(at).y((p) => y(p.mean))(s.points as BandPoint[]));
  });
  drawLegend(svg, MARGIN, series.map((s, i) => ({ name: s.name, colour: colour(s, i) })));
}

// The two charts: each variant's mean over time with its 90 % interval (dark band, tightening as
// replicates come in) and the spread of single runs (light band); and each variant's paired
// difference from the baseline with its interval. Styles are written as attributes, not CSS, so an
// exported SVG looks the same outside the page.
import * as d3 from 'd3';
import type { BandPoint } from './results.ts';
import { formatCompact, formatDate, locale, t } from '../shared/language.ts';
import { CHART_HEIGHT, CHART_WIDTH, drawLegend, startChart, yTitle } from '../shared/chart-frame.ts';

export interface ChartSeries {
  readonly name: string;
  readonly colour: string;
  readonly points: readonly BandPoint[];
}

export interface ChartOptions {
  readonly title: string;
  readonly yLabel: string;
  /** The date the comparison is read on, marked with a rule. */
  readonly marker?: string;
  /** Draw the light band of single runs (not for differences). */
  readonly spread: boolean;
  /** Draw a rule at zero (differences). */
  readonly zero: boolean;
}

const WIDTH = CHART_WIDTH;
const HEIGHT = CHART_HEIGHT;
const MARGIN = { top: 48, right: 180, bottom: 34, left: 70 };

const parseDate = (date: string) => new Date(`${date}T00:00:00Z`);
/** Month ticks ("May", "5月") and the year at January, by Intl for the page's language. */
const dateTick = (date: Date) =>
  new Intl.DateTimeFormat(locale(), date.getUTCMonth() === 0 ? { year: 'numeric', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' }).format(date);

export function drawChart(svgElement: SVGSVGElement, series: readonly ChartSeries[], options: ChartOptions): void {
  const svg = startChart(svgElement, MARGIN, options.title);
  const points = series.flatMap((s) => s.points);
  if (points.length === 0) {
    svg.append('text').attr('x', WIDTH / 2).attr('y', HEIGHT / 2).attr('text-anchor', 'middle').attr('fill', '#777').text(t('compare.chart.waiting'));
    return;
  }
  const x = d3
    .scaleUtc()
    .domain(d3.extent(points, (p) => parseDate(p.date)) as [Date, Date])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const lows = points.map((p) => Math.min(options.spread ? p.q05 : p.lo, p.lo, p.mean, options.zero ? 0 : Infinity));
  const highs = points.map((p) => Math.max(options.spread ? p.q95 : p.hi, p.hi, p.mean, options.zero ? 0 : -Infinity));
  const finite = (values: number[]) => values.filter(Number.isFinite);
  const y = d3
    .scaleLinear()
    .domain([d3.min(finite(lows)) ?? 0, d3.max(finite(highs)) ?? 1])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  svg.append('g').attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`).call(d3.axisBottom(x).ticks(6).tickFormat((d) => dateTick(d as Date)));
  svg.append('g').attr('transform', `translate(${MARGIN.left},0)`).call(d3.axisLeft(y).ticks(6).tickFormat((v) => formatCompact(Number(v))));
  yTitle(svg, MARGIN, options.yLabel);
  if (options.zero) svg.append('line').attr('x1', MARGIN.left).attr('x2', WIDTH - MARGIN.right).attr('y1', y(0)).attr('y2', y(0)).attr('stroke', '#999').attr('stroke-dasharray', '4 3');
  if (options.marker) {
    const at = x(parseDate(options.marker));
    if (at >= MARGIN.left && at <= WIDTH - MARGIN.right) {
      svg.append('line').attr('x1', at).attr('x2', at).attr('y1', MARGIN.top).attr('y2', HEIGHT - MARGIN.bottom).attr('stroke', '#bbb');
      svg.append('text').attr('x', at + 3).attr('y', MARGIN.top + 10).attr('fill', '#777').text(formatDate(options.marker));
    }
  }
  const area = (lo: (p: BandPoint) => number, hi: (p: BandPoint) => number) =>
    d3
      .area<BandPoint>()
      .defined((p) => Number.isFinite(lo(p)) && Number.isFinite(hi(p)))
      .x((p) => x(parseDate(p.date)))
      .y0((p) => y(lo(p)))
      .y1((p) => y(hi(p)));
  const line = d3
    .line<BandPoint>()
    .x((p) => x(parseDate(p.date)))
    .y((p) => y(p.mean));
  const groups = svg
    .append('g')
    .selectAll('g')
    .data(series)
    .join('g')
    .attr('data-series', (s) => s.name);
  if (options.spread) groups.append('path').attr('data-band', 'runs').attr('fill', (s) => s.colour).attr('fill-opacity', 0.12).attr('d', (s) => area((p) => p.q05, (p) => p.q95)(s.points as BandPoint[]));
  groups.append('path').attr('data-band', 'interval').attr('fill', (s) => s.colour).attr('fill-opacity', 0.35).attr('d', (s) => area((p) => p.lo, (p) => p.hi)(s.points as BandPoint[]));
  groups.append('path').attr('fill', 'none').attr('stroke', (s) => s.colour).attr('stroke-width', 2).attr('d', (s) => line(s.points as BandPoint[]));
  drawLegend(svg, MARGIN, series);
  const key = options.spread ? t('compare.chart.spreadKey') : t('compare.chart.diffKey');
  svg.append('text').attr('x', MARGIN.left).attr('y', 34).attr('fill', '#666').attr('font-size', 11).text(key);
}

// What both charts share: a calendar x axis over the whole run, a y axis that only ever grows (so
// lines do not jump while playing), festival and intervention markers on the time axis, and the
// cursor at the current day. The charts draw their marks into `plot`.
import { axisBottom, axisLeft, scaleLinear, scaleUtc, select, type ScaleLinear, type ScaleTime, type Selection } from 'd3';
import type { Marker } from '../../engine/calendar.ts';
import { FESTIVAL_TEXT, OKABE_ITO } from '../shared/palette.ts';

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 300;
const MARGIN = { top: 14, right: 64, bottom: 62, left: 62 };

export interface TimeChartOptions {
  readonly title: string;
  readonly yLabel: string;
  readonly yFormat: (value: number) => string;
  /** data-testid of the figure, for tests and automation. */
  readonly testId: string;
}

const DAY_MS = 86_400_000;

export class TimeChart {
  /** The area inside the margins (legends go here); marks go into `plot`. */
  readonly root: Selection<SVGGElement, unknown, null, undefined>;
  readonly plot: Selection<SVGGElement, unknown, null, undefined>;
  readonly x: ScaleTime<number, number>;
  readonly y: ScaleLinear<number, number>;
  readonly width = CHART_WIDTH - MARGIN.left - MARGIN.right;
  readonly height = CHART_HEIGHT - MARGIN.top - MARGIN.bottom;
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly yAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly xAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly markers: Selection<SVGGElement, unknown, null, undefined>;
  private readonly cursor: Selection<SVGLineElement, unknown, null, undefined>;
  private start = Date.UTC(2014, 4, 22);
  private yMax = 0;

  constructor(parent: HTMLElement, private readonly options: TimeChartOptions) {
    const figure = select(parent).append('figure').attr('class', 'chart').attr('data-testid', options.testId);
    figure.append('figcaption').text(options.title);
    this.svg = figure
      .append('svg')
      .attr('viewBox', `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`)
      .attr('role', 'img')
      .attr('aria-label', options.title);
    const root = (this.root = this.svg.append('g')).attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
    this.x = scaleUtc().range([0, this.width]);
    this.y = scaleLinear().range([this.height, 0]);
    this.markers = root.append('g').attr('class', 'markers');
    this.plot = root.append('g').attr('class', 'plot');
    this.cursor = root.append('line').attr('class', 'cursor').attr('y1', -4).attr('y2', this.height);
    this.xAxis = root.append('g').attr('class', 'axis x').attr('transform', `translate(0,${this.height})`);
    this.yAxis = root.append('g').attr('class', 'axis y');
    root
      .append('text')
      .attr('class', 'axis-label')
      .attr('transform', `translate(${-MARGIN.left + 14},${this.height / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle')
      .text(options.yLabel);
    root
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', this.width / 2)
      .attr('y', this.height + MARGIN.bottom - 6)
      .attr('text-anchor', 'middle')
      .text('date (one step = one day)');
  }

  dateOf(day: number): Date {
    return new Date(this.start + day * DAY_MS);
  }

  /** A new run: the x axis spans it, the y axis starts again from `initialMax`. */
  setRun(start: string, days: number, markers: readonly Marker[], initialMax: number): void {
    this.start = Date.parse(`${start}T00:00:00Z`);
    this.x.domain([this.dateOf(0), this.dateOf(days)]);
    this.xAxis.call(axisBottom(this.x).ticks(7).tickSizeOuter(0));
    this.yMax = 0;
    this.growY(initialMax);
    this.drawMarkers(markers);
    this.setCursor(-1);
  }

  /** Widens the y axis to hold `max` (never narrows it within a run). */
  growY(max: number): void {
    if (max <= this.yMax) return;
    this.y.domain([0, max]).nice(5);
    this.yMax = this.y.domain()[1];
    this.yAxis.call(axisLeft(this.y).ticks(5).tickFormat((v) => this.options.yFormat(Number(v))));
  }

  setCursor(day: number): void {
    const at = this.x(this.dateOf(Math.max(0, day)));
    this.cursor.attr('x1', at).attr('x2', at).attr('visibility', day < 0 ? 'hidden' : 'visible');
  }

  /**
   * Festivals are short names ("618", "11.11"), written under the axis; interventions are long,
   * so they stand vertically along their line, nudged apart when two share a date.
   */
  private drawMarkers(markers: readonly Marker[]): void {
    this.markers.selectAll('*').remove();
    const used = new Map<number, number>();
    for (const m of markers) {
      const at = this.x(this.dateOf(m.day));
      const g = this.markers.append('g').attr('class', `marker ${m.kind}`).attr('transform', `translate(${at},0)`);
      g.append('title').text(`${m.date}: ${m.name}`);
      g.append('line').attr('y1', 0).attr('y2', this.height);
      if (m.kind === 'festival') {
        g.append('text').attr('y', this.height + 30).attr('text-anchor', 'middle').attr('fill', FESTIVAL_TEXT).text(m.name);
      } else {
        const nudge = used.get(m.day) ?? 0;
        used.set(m.day, nudge + 1);
        g.append('text')
          .attr('transform', `translate(${3 + nudge * 11},4) rotate(90)`)
          .attr('fill', OKABE_ITO.blue)
          .text(m.name.length > 46 ? `${m.name.slice(0, 45)}…` : m.name);
      }
    }
  }
}

// What both charts share: a calendar x axis over the whole run, a y axis that only ever grows (so
// lines do not jump while playing), festival and intervention markers on the time axis, and the
// cursor at the current day. The charts draw their marks into `plot`.
//
// The drawing is laid out in CSS pixels at the size the chart is shown (one unit of the SVG is one
// pixel), so text is as large as the style sheet says on a phone, a laptop and a projector alike;
// when the chart's width or type size changes, it lays itself out again and asks its owner to redraw.
// Intervention names are long: they are numbered above the plot and named in a key under the chart,
// so no label is ever drawn across the curves.
import { axisBottom, axisLeft, pointer, scaleLinear, scaleUtc, select, type ScaleLinear, type ScaleTime, type Selection } from 'd3';
import type { Marker } from '../../engine/calendar.ts';
import { colourVariable } from '../shared/palette.ts';
import { locale, onLanguageChange, t } from '../shared/language.ts';

/** Month ticks ("May", "5月") and the year at January ("2015", "2015年"), by Intl for the page's language. */
function dateTick(date: Date): string {
  const january = date.getUTCMonth() === 0;
  return new Intl.DateTimeFormat(locale(), january ? { year: 'numeric', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' }).format(date);
}

export interface TimeChartOptions {
  /** Title and y-axis label, read again when the page's language changes. */
  readonly title: () => string;
  readonly yLabel: () => string;
  readonly yFormat: (value: number) => string;
  /** data-testid of the figure, for tests and automation. */
  readonly testId: string;
  /** Room on the right for line names or a legend, in multiples of the type size. */
  readonly rightEms: number;
}

const DAY_MS = 86_400_000;
/** Narrower than this, the chart is drawn at this width and scaled down. */
const MIN_WIDTH = 300;

export class TimeChart {
  /** The area inside the margins (legends go here); marks go into `plot`. */
  readonly root: Selection<SVGGElement, unknown, null, undefined>;
  readonly plot: Selection<SVGGElement, unknown, null, undefined>;
  readonly x: ScaleTime<number, number>;
  readonly y: ScaleLinear<number, number>;
  /** The plot's size inside the margins, in CSS px. */
  width = 500;
  height = 200;
  /** The chart's type size in CSS px; legends space their lines by it. */
  em = 12;
  /** Called after the chart laid itself out again, so its owner redraws the marks. */
  onLayout: () => void = () => undefined;
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly yAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly xAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly markerLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly cursor: Selection<SVGLineElement, unknown, null, undefined>;
  /** The day under the pointer, while a reading follows it. */
  private readonly pointed: Selection<SVGLineElement, unknown, null, undefined>;
  private readonly yTitle: Selection<SVGTextElement, unknown, null, undefined>;
  private readonly xTitle: Selection<SVGTextElement, unknown, null, undefined>;
  private readonly key: Selection<HTMLOListElement, unknown, null, undefined>;
  private start = Date.UTC(2014, 4, 22);
  private days = 1;
  private markers: readonly Marker[] = [];
  private yMax = 0;
  private day = -1;
  private laidOut = '';

  constructor(parent: HTMLElement, private readonly options: TimeChartOptions) {
    const figure = select(parent).append('figure').attr('class', 'chart').attr('data-testid', options.testId);
    const caption = figure.append('figcaption');
    this.svg = figure.append('svg').attr('role', 'img');
    this.key = figure.append('ol').attr('class', 'marker-key');
    const root = (this.root = this.svg.append('g'));
    this.x = scaleUtc();
    this.y = scaleLinear();
    this.markerLayer = root.append('g').attr('class', 'markers');
    this.plot = root.append('g').attr('class', 'plot');
    this.cursor = root.append('line').attr('class', 'cursor');
    this.pointed = root.append('line').attr('class', 'pointed').attr('visibility', 'hidden');
    this.xAxis = root.append('g').attr('class', 'axis x');
    this.yAxis = root.append('g').attr('class', 'axis y');
    this.yTitle = root.append('text').attr('class', 'axis-label').attr('text-anchor', 'start');
    this.xTitle = root.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
    const label = () => {
      caption.text(options.title());
      this.svg.attr('aria-label', options.title());
      this.yTitle.text(options.yLabel());
      this.xTitle.text(t('simulator.chart.dateAxis'));
    };
    label();
    onLanguageChange(() => {
      label();
      this.drawKey();
      this.draw();
    });
    new ResizeObserver(() => this.layout()).observe(this.svg.node()!);
    this.layout();
  }

  dateOf(day: number): Date {
    return new Date(this.start + day * DAY_MS);
  }

  /** A new run: the x axis spans it, the y axis starts again from `initialMax`. */
  setRun(start: string, days: number, markers: readonly Marker[], initialMax: number): void {
    this.start = Date.parse(`${start}T00:00:00Z`);
    this.days = days;
    this.markers = markers;
    this.x.domain([this.dateOf(0), this.dateOf(days)]);
    this.yMax = 0;
    this.growY(initialMax);
    this.drawKey();
    this.draw();
    this.setCursor(-1);
  }

  /**
   * Reports the day under the pointer (null when it leaves the plot), so a reading can follow the
   * cursor; the day is whole and inside the run.
   */
  onHover(report: (day: number | null) => void): void {
    const node = this.svg.node()!;
    node.addEventListener('pointermove', (event) => {
      // In the plot's own units, whatever the chart's shown size.
      const [x] = pointer(event, this.plot.node());
      const day = Math.round((this.x.invert(x).getTime() - this.start) / DAY_MS);
      const at = x < 0 || x > this.width ? null : Math.max(0, Math.min(this.days, day));
      this.point(at);
      report(at);
    });
    node.addEventListener('pointerleave', () => {
      this.point(null);
      report(null);
    });
  }

  private point(day: number | null): void {
    const at = this.x(this.dateOf(Math.max(0, day ?? 0)));
    this.pointed.attr('x1', at).attr('x2', at).attr('y1', 0).attr('y2', this.height).attr('visibility', day === null ? 'hidden' : 'visible');
  }

  /** Widens the y axis to hold `max` (never narrows it within a run). */
  growY(max: number): void {
    if (max <= this.yMax) return;
    this.y.domain([0, max]).nice(5);
    this.yMax = this.y.domain()[1];
    this.drawYAxis();
  }

  setCursor(day: number): void {
    this.day = day;
    const at = this.x(this.dateOf(Math.max(0, day)));
    this.cursor.attr('x1', at).attr('x2', at).attr('visibility', day < 0 ? 'hidden' : 'visible');
  }

  /** Sizes the drawing to the figure and its type size; redraws only when either changed. */
  private layout(): void {
    const shown = this.svg.node()!.getBoundingClientRect().width;
    if (shown === 0) return;
    const em = parseFloat(getComputedStyle(this.svg.node()!).fontSize) || 12;
    const width = Math.max(MIN_WIDTH, Math.round(shown));
    const key = `${width}×${em}`;
    if (key === this.laidOut) return;
    this.laidOut = key;
    this.em = em;
    const margin = { top: 3.4 * em, right: this.options.rightEms * em, bottom: 4.6 * em, left: 5 * em };
    const height = Math.round(Math.max(16 * em, Math.min(width * 0.5, 30 * em)));
    this.width = width - margin.left - margin.right;
    this.height = height - margin.top - margin.bottom;
    this.svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
    this.root.attr('transform', `translate(${margin.left},${margin.top})`);
    this.x.range([0, this.width]);
    this.y.range([this.height, 0]);
    this.cursor.attr('y1', -4).attr('y2', this.height);
    this.xAxis.attr('transform', `translate(0,${this.height})`);
    // Written across above the y axis: turned on its side it would be longer than a short plot is tall.
    this.yTitle.attr('x', -margin.left + 0.3 * em).attr('y', -2.2 * em);
    this.xTitle.attr('x', this.width / 2).attr('y', this.height + margin.bottom - 0.5 * em);
    this.draw();
    this.setCursor(this.day);
    this.onLayout();
  }

  private draw(): void {
    // About one date per 7 type sizes, so the tick labels never touch.
    this.xAxis.call(axisBottom(this.x).ticks(Math.max(2, Math.floor(this.width / (7 * this.em)))).tickSizeOuter(0).tickFormat((d) => dateTick(d as Date)));
    this.drawYAxis();
    this.drawMarkers();
  }

  private drawYAxis(): void {
    this.yAxis.call(axisLeft(this.y).ticks(Math.max(3, Math.min(6, Math.floor(this.height / (2.5 * this.em))))).tickFormat((v) => this.options.yFormat(Number(v))));
  }

  /**
   * Festivals are short names ("618", "11.11") written under the axis; interventions are numbered
   * above the plot, in the key's order, one label per date ("1, 2" when two start on one day).
   */
  private drawMarkers(): void {
    this.markerLayer.selectAll('*').remove();
    const numbers = new Map<number, number[]>();
    this.keyed().forEach((m, k) => numbers.set(m.day, [...(numbers.get(m.day) ?? []), k + 1]));
    for (const m of this.markers) {
      if (m.day < 0 || m.day > this.days) continue;
      const at = this.x(this.dateOf(m.day));
      const g = this.markerLayer.append('g').attr('class', `marker ${m.kind}`).attr('transform', `translate(${at},0)`);
      g.append('title').text(`${m.date}: ${m.name}`);
      g.append('line').attr('y1', m.kind === 'festival' ? 0 : -0.4 * this.em).attr('y2', this.height);
      if (m.kind === 'festival') {
        g.append('text').attr('y', this.height + 2.5 * this.em).attr('text-anchor', 'middle').style('fill', colourVariable.festivalText).text(m.name);
      } else if (numbers.has(m.day)) {
        g.append('text').attr('y', -0.6 * this.em).attr('text-anchor', 'middle').style('fill', colourVariable.interventionText).text(numbers.get(m.day)!.join(', '));
        numbers.delete(m.day);
      }
    }
  }

  /** The interventions inside the run, in the key's order. */
  private keyed(): Marker[] {
    return this.markers.filter((m) => m.kind !== 'festival' && m.day >= 0 && m.day <= this.days);
  }

  /** The key under the chart: each intervention's number, date and name, in words that wrap. */
  private drawKey(): void {
    const interventions = this.keyed();
    this.key
      .selectAll('li')
      .data(interventions)
      .join('li')
      .text((m) => `${m.date} ${m.name}`);
    this.key.attr('hidden', interventions.length ? null : '');
  }
}

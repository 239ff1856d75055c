// Chart 1: customers as a share of each tier, day by day — where adoption "sinks" into low tiers.
import { format, line } from 'd3';
import type { Marker } from '../../engine/calendar.ts';
import { seriesValue, type DailySeries } from '../../engine/metrics.ts';
import { TIER_COLOURS } from '../shared/palette.ts';
import { TimeChart } from './time-chart.ts';

const percent = format('.0%');

export class AdoptionChart {
  private readonly chart: TimeChart;
  private names: readonly string[] = [];

  constructor(parent: HTMLElement) {
    this.chart = new TimeChart(parent, {
      title: 'Cumulative adoption: customers as a share of each tier',
      yLabel: 'share of the tier’s agents',
      yFormat: percent,
      testId: 'adoption-chart',
    });
  }

  setRun(start: string, days: number, markers: readonly Marker[], tierNames: readonly string[]): void {
    this.names = tierNames;
    this.chart.setRun(start, days, markers, 0.1);
    this.chart.plot.selectAll('*').remove();
  }

  update(series: DailySeries, day: number): void {
    const chart = this.chart;
    chart.setCursor(day);
    const days = Array.from({ length: Math.max(0, day + 1) }, (_, d) => d);
    // Tier rows, then the whole world (index `tiers`) as a dashed grey line.
    const rows = Array.from({ length: series.tiers + 1 }, (_, t) =>
      days.map((d) => {
        const agents = seriesValue(series, d, t, 'agents');
        return agents > 0 ? seriesValue(series, d, t, 'customers') / agents : 0;
      }),
    );
    chart.growY(Math.max(0.1, ...rows.map((r) => (r.length ? Math.max(...r) : 0))));
    const path = line<number>()
      .x((_, d) => chart.x(chart.dateOf(d)))
      .y((share) => chart.y(share));
    chart.plot
      .selectAll<SVGPathElement, number[]>('path.tier')
      .data(rows)
      .join('path')
      .attr('class', 'tier')
      .attr('fill', 'none')
      .attr('stroke', (_, t) => (t === series.tiers ? '#777777' : TIER_COLOURS[t]))
      .attr('stroke-width', (_, t) => (t === series.tiers ? 1.2 : 1.8))
      .attr('stroke-dasharray', (_, t) => (t === series.tiers ? '4 3' : null))
      .attr('d', (r) => path(r));
    this.label(rows, series.tiers);
  }

  /** Names at the right end of the lines, pushed apart so they never overlap. */
  private label(rows: number[][], tiers: number): void {
    const chart = this.chart;
    const ends = rows
      .map((r, t) => ({ t, y: chart.y(r.length ? r[r.length - 1] : 0), name: t === tiers ? 'all' : (this.names[t] ?? `tier ${t + 1}`) }))
      .sort((a, b) => a.y - b.y);
    for (let k = 1; k < ends.length; k++) ends[k].y = Math.max(ends[k].y, ends[k - 1].y + 12);
    chart.plot
      .selectAll<SVGTextElement, (typeof ends)[number]>('text.tier-name')
      .data(ends, (e) => e.t)
      .join('text')
      .attr('class', 'tier-name')
      .attr('x', chart.width + 6)
      .attr('y', (e) => e.y)
      .attr('dy', '0.35em')
      .attr('fill', (e) => (e.t === tiers ? '#555555' : TIER_COLOURS[e.t]))
      .text((e) => e.name);
  }
}

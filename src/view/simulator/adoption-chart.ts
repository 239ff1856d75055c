// Chart 1: customers as a share of each tier, day by day — where adoption "sinks" into low tiers.
// After a lever is pulled, the run before the change stays as faint lines under the new ones.
import { line } from 'd3';
import type { Marker } from '../../engine/calendar.ts';
import { seriesValue, type DailySeries } from '../../engine/metrics.ts';
import { colourVariable } from '../shared/palette.ts';
import type { BeforeRun } from './lever-effect.ts';
import { TimeChart } from './time-chart.ts';
import { formatPercent, tierLabel, t as translate } from '../shared/language.ts';

const percent = (share: number) => formatPercent(share, 0);

export class AdoptionChart {
  private readonly chart: TimeChart;
  private names: readonly string[] = [];
  private drawn: { series: DailySeries; day: number; before: BeforeRun | null; beforeLabel: string } | undefined;

  constructor(parent: HTMLElement) {
    this.chart = new TimeChart(parent, {
      title: () => translate('simulator.chart.adoptionTitle'),
      yLabel: () => translate('simulator.chart.adoptionAxis'),
      yFormat: percent,
      testId: 'adoption-chart',
      rightEms: 5.5,
    });
    this.chart.onLayout = () => this.drawn && this.update(this.drawn.series, this.drawn.day, this.drawn.before, this.drawn.beforeLabel);
  }

  setRun(start: string, days: number, markers: readonly Marker[], tierNames: readonly string[]): void {
    this.names = tierNames;
    this.chart.setRun(start, days, markers, 0.1);
    this.chart.plot.selectAll('*').remove();
    this.drawn = undefined;
  }

  /** The day under the pointer, or null. */
  onHover(report: (day: number | null) => void): void {
    this.chart.onHover(report);
  }

  /** `before`: the run before a lever, drawn faint and named by `beforeLabel` in the plot's corner. */
  update(series: DailySeries, day: number, before: BeforeRun | null = null, beforeLabel = ''): void {
    const chart = this.chart;
    this.drawn = { series, day, before, beforeLabel };
    chart.setCursor(day);
    // Tier rows, then the whole world (index `tiers`) as a dashed grey line.
    const rows = shares(series, day);
    const faint = before && before.series.tiers === series.tiers ? shares(before.series, before.lastDay) : [];
    chart.growY(Math.max(0.1, ...[...rows, ...faint].map((r) => (r.length ? Math.max(...r) : 0))));
    const path = line<number>()
      .x((_, d) => chart.x(chart.dateOf(d)))
      .y((share) => chart.y(share));
    chart.plot
      .selectAll<SVGPathElement, number[]>('path.before')
      .data(faint)
      .join('path')
      .attr('class', 'before')
      .attr('data-before', (_, t) => (t === series.tiers ? 'all' : (this.names[t] ?? `tier ${t + 1}`)))
      .attr('fill', 'none')
      .style('stroke', (_, t) => (t === series.tiers ? colourVariable.allTiers : colourVariable.tier(t)))
      .attr('stroke-opacity', 0.35)
      .style('stroke-width', 'calc(var(--chart-line) * 0.8)')
      .attr('stroke-dasharray', '2 2')
      .attr('d', (r) => path(r));
    chart.plot
      .selectAll<SVGTextElement, string>('text.before-key')
      .data(faint.length > 0 ? [beforeLabel] : [])
      .join('text')
      .attr('class', 'before-key')
      .attr('x', chart.em * 0.5)
      .attr('y', chart.em)
      .style('fill', colourVariable.allTiers)
      .text((label) => label);
    chart.plot
      .selectAll<SVGPathElement, number[]>('path.tier')
      .data(rows)
      .join('path')
      .attr('class', 'tier')
      .attr('data-tier', (_, t) => (t === series.tiers ? 'all' : (this.names[t] ?? `tier ${t + 1}`)))
      .attr('fill', 'none')
      .style('stroke', (_, t) => (t === series.tiers ? colourVariable.allTiers : colourVariable.tier(t)))
      .style('stroke-width', (_, t) => (t === series.tiers ? 'calc(var(--chart-line) * 0.7)' : 'var(--chart-line)'))
      .attr('stroke-dasharray', (_, t) => (t === series.tiers ? '4 3' : null))
      .attr('d', (r) => path(r));
    this.label(rows, series.tiers);
  }

  /** Names at the right end of the lines, pushed apart so they never overlap. */
  private label(rows: number[][], tiers: number): void {
    const chart = this.chart;
    const ends = rows
      .map((r, t) => ({ t, y: chart.y(r.length ? r[r.length - 1] : 0), name: t === tiers ? translate('simulator.chart.all') : tierLabel(this.names[t] ?? `tier ${t + 1}`) }))
      .sort((a, b) => a.y - b.y);
    for (let k = 1; k < ends.length; k++) ends[k].y = Math.max(ends[k].y, ends[k - 1].y + chart.em * 1.1);
    chart.plot
      .selectAll<SVGTextElement, (typeof ends)[number]>('text.tier-name')
      .data(ends, (e) => e.t)
      .join('text')
      .attr('class', 'tier-name')
      .attr('x', chart.width + chart.em * 0.5)
      .attr('y', (e) => e.y)
      .attr('dy', '0.35em')
      .style('fill', (e) => (e.t === tiers ? colourVariable.allTiers : colourVariable.tier(e.t)))
      .text((e) => e.name);
  }
}

/** Customers as a share of the tier's agents, days 0..day, per tier and then for all. */
function shares(series: DailySeries, day: number): number[][] {
  const days = Array.from({ length: Math.max(0, day + 1) }, (_, d) => d);
  return Array.from({ length: series.tiers + 1 }, (_, t) =>
    days.map((d) => {
      const agents = seriesValue(series, d, t, 'agents');
      return agents > 0 ? seriesValue(series, d, t, 'customers') / agents : 0;
    }),
  );
}

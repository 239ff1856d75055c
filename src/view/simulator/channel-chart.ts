// Chart 2: new customers per day, stacked by the channel of their first purchase — the social
// channels (direct, group, feed) at the bottom, so their share on 11.11 can be read off (F3).
// It starts at day 1: day 0 holds the scenario's initial customers, a one-off that would flatten
// every later day against the axis.
import { area, stack } from 'd3';
import type { Marker } from '../../engine/calendar.ts';
import { seriesValue, type DailyMetric, type DailySeries } from '../../engine/metrics.ts';
import { CHANNELS, type Channel } from '../../scenario/channels.ts';
import { colourVariable } from '../shared/palette.ts';
import { TimeChart } from './time-chart.ts';
import { formatCompact, onLanguageChange, t } from '../shared/language.ts';

type Row = Record<Channel, number>;

export class ChannelChart {
  private readonly chart: TimeChart;
  private drawn: { series: DailySeries; day: number } | undefined;

  constructor(parent: HTMLElement) {
    this.chart = new TimeChart(parent, {
      title: () => t('simulator.chart.channelTitle'),
      yLabel: () => t('simulator.chart.channelAxis'),
      yFormat: (value) => formatCompact(value),
      testId: 'channel-chart',
      rightEms: 6.5,
    });
    this.chart.onLayout = () => {
      this.legend();
      if (this.drawn) this.update(this.drawn.series, this.drawn.day);
    };
    this.legend();
    onLanguageChange(() => this.legend());
  }

  setRun(start: string, days: number, markers: readonly Marker[]): void {
    this.chart.setRun(start, days, markers, 10);
    this.chart.plot.selectAll('path.channel').remove();
    this.drawn = undefined;
  }

  update(series: DailySeries, day: number): void {
    const chart = this.chart;
    this.drawn = { series, day };
    chart.setCursor(day);
    const rows: Row[] = Array.from({ length: Math.max(0, day) }, (_, k) => {
      const row = {} as Row;
      for (const c of CHANNELS) row[c] = seriesValue(series, k + 1, series.tiers, `new_customers_${c}` as DailyMetric);
      return row;
    });
    const layers = stack<Row>().keys(CHANNELS)(rows);
    const top = layers.length ? Math.max(0, ...layers[layers.length - 1].map((p) => p[1])) : 0;
    chart.growY(Math.max(10, top));
    const shape = area<[number, number]>()
      .x((_, k) => chart.x(chart.dateOf(k + 1)))
      .y0((p) => chart.y(p[0]))
      .y1((p) => chart.y(p[1]));
    chart.plot
      .selectAll<SVGPathElement, (typeof layers)[number]>('path.channel')
      .data(layers, (l) => l.key)
      .join('path')
      .attr('class', 'channel')
      .style('fill', (l) => colourVariable.chartChannel(l.key as Channel))
      .attr('d', (l) => shape(l as unknown as Array<[number, number]>));
  }

  /** Channel names in the right margin, top to bottom as they are stacked. */
  private legend(): void {
    const chart = this.chart;
    const items = [...CHANNELS].reverse();
    const em = chart.em;
    chart.root.selectAll('g.legend').remove();
    const legend = chart.root.append('g').attr('class', 'legend').attr('transform', `translate(${chart.width + em * 0.6},0)`);
    items.forEach((c, k) => {
      legend.append('rect').attr('y', k * 1.4 * em).attr('width', 0.8 * em).attr('height', 0.8 * em).style('fill', colourVariable.chartChannel(c));
      legend
        .append('text')
        .attr('x', 1.2 * em)
        .attr('y', k * 1.4 * em + 0.4 * em)
        .attr('dy', '0.35em')
        .text(t(`channels.${c}`));
    });
  }
}

// What the compare page's and the experiments page's band charts share: a white 760 × 320 frame
// with its title, the y axis's title, and the legend on the right. Styles are attributes, not CSS,
// so an exported SVG looks the same outside the page.
import * as d3 from 'd3';

export const CHART_WIDTH = 760;
export const CHART_HEIGHT = 320;
const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

export interface ChartMargin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export type ChartSvg = d3.Selection<SVGSVGElement, unknown, null, undefined>;

/** Empties `element` and draws the frame and its title. */
export function startChart(element: SVGSVGElement, margin: ChartMargin, title: string): ChartSvg {
  const svg = d3.select(element).attr('viewBox', `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`).attr('xmlns', 'http://www.w3.org/2000/svg').attr('font-family', FONT).attr('font-size', 12);
  svg.selectAll('*').remove();
  svg.append('rect').attr('width', CHART_WIDTH).attr('height', CHART_HEIGHT).attr('fill', '#ffffff');
  svg.append('text').attr('x', margin.left).attr('y', 18).attr('font-size', 14).attr('font-weight', 600).attr('fill', '#222').text(title);
  return svg;
}

/** The y axis's title, turned along the axis. */
export function yTitle(svg: ChartSvg, margin: ChartMargin, text: string): void {
  svg.append('text').attr('transform', `translate(16,${(CHART_HEIGHT - margin.bottom + margin.top) / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('fill', '#444').text(text);
}

/** One swatch and name per series in the right margin (long names shortened). */
export function drawLegend(svg: ChartSvg, margin: ChartMargin, entries: ReadonlyArray<{ readonly name: string; readonly colour: string }>): void {
  const legend = svg.append('g').attr('transform', `translate(${CHART_WIDTH - margin.right + 12},${margin.top})`);
  entries.forEach((s, i) => {
    legend.append('rect').attr('y', i * 18).attr('width', 12).attr('height', 12).attr('fill', s.colour);
    legend.append('text').attr('x', 16).attr('y', i * 18 + 10).attr('fill', '#222').text(s.name.length > 25 ? `${s.name.slice(0, 24)}…` : s.name);
  });
}

// The whole cascade of a followed share as a tree, for worlds small enough to show everyone: the
// first customer on the left, each customer one step to the right of the friend who told them (by
// generation, not by day: a cascade often waits weeks, then spreads in days). The followed chain
// is drawn thick and its members labelled with their day; links that cross tiers are dashed.
import { select, stratify, tree } from 'd3';
import type { ShareTrail } from '../../engine/cascades.ts';
import { channelName, channelWord } from './follow-share.ts';
import { t, tierLabel } from '../shared/language.ts';
import { colourVariable, OKABE_ITO } from '../shared/palette.ts';

const WIDTH = 360;
const ROW = 14;
const MARGIN = { top: 22, right: 14, bottom: 8, left: 14 };
/** Larger cascades are listed only: a tree of thousands of rows cannot be read. */
export const TREE_LIMIT = 400;

interface Member {
  readonly agent: number;
  readonly source: number;
  readonly day: number;
  readonly tier: number;
  readonly channel: ReturnType<typeof channelName>;
}

export class CascadeTree {
  constructor(private readonly container: HTMLElement) {}

  clear(): void {
    this.container.replaceChildren();
    this.container.hidden = true;
  }

  /** Draws the cascade when it is complete and at most TREE_LIMIT customers; otherwise clears. */
  show(trail: ShareTrail, tierNames: readonly string[]): void {
    const rows = trail.cascade;
    if (rows.agent.length === 0 || trail.cascadeSize > Math.min(TREE_LIMIT, rows.agent.length)) return this.clear();
    const root = rows.agent[0];
    const members: Member[] = Array.from(rows.agent, (agent, k) => ({
      agent,
      source: agent === root ? -1 : rows.source[k],
      day: rows.day[k],
      tier: rows.tier[k],
      channel: channelName(rows.channel[k], rows.day[k]),
    }));
    const hierarchy = stratify<Member>()
      .id((m) => String(m.agent))
      .parentId((m) => (m.source < 0 ? null : String(m.source)))(members);
    const laidOut = tree<Member>().nodeSize([ROW, 1])(hierarchy);
    const nodes = laidOut.descendants();
    const top = Math.min(...nodes.map((n) => n.x));
    const height = Math.max(...nodes.map((n) => n.x)) - top + MARGIN.top + MARGIN.bottom;
    const generations = Math.max(1, ...nodes.map((n) => n.depth));
    // Room on the right for the last chain label.
    const step = Math.min(120, (WIDTH - MARGIN.left - MARGIN.right - 80) / generations);
    const x = (depth: number) => MARGIN.left + depth * step;
    const y = (row: number) => row - top + MARGIN.top;
    const chain = new Set(trail.chain.agent);

    this.container.hidden = false;
    this.container.replaceChildren();
    const svg = select(this.container)
      .append('svg')
      .attr('viewBox', `0 0 ${WIDTH} ${height}`)
      .attr('width', WIDTH)
      .attr('role', 'img')
      .attr('data-testid', 'cascade-tree')
      .attr('aria-label', t('simulator.tree.label', { agent: root, customers: members.length }));
    svg
      .append('text')
      .attr('class', 'tree-axis')
      .attr('x', MARGIN.left)
      .attr('y', 12)
      .text(t('simulator.tree.title', { agent: root, customers: members.length, count: generations }));
    const links = laidOut.links();
    svg
      .append('g')
      .selectAll('path')
      .data(links)
      .join('path')
      .attr('class', (l) => `tree-link${chain.has(l.target.data.agent) && chain.has(l.source.data.agent) ? ' chain' : ''}${l.source.data.tier !== l.target.data.tier ? ' cross-tier' : ''}`)
      .attr('data-source', (l) => l.source.data.agent)
      .attr('data-agent', (l) => l.target.data.agent)
      .attr('fill', 'none')
      .attr('stroke', (l) => (chain.has(l.target.data.agent) ? OKABE_ITO.vermillion : l.source.data.tier !== l.target.data.tier ? OKABE_ITO.blue : '#767676'))
      .attr('stroke-width', (l) => (chain.has(l.target.data.agent) ? 2.5 : 1.2))
      .attr('stroke-dasharray', (l) => (l.source.data.tier !== l.target.data.tier ? '4 2' : null))
      .attr('d', (l) => `M${x(l.source.depth)},${y(l.source.x)}V${y(l.target.x)}H${x(l.target.depth)}`);
    const node = svg
      .append('g')
      .selectAll('g')
      .data(nodes)
      .join('g')
      .attr('transform', (n) => `translate(${x(n.depth)},${y(n.x)})`);
    node
      .append('circle')
      .attr('r', (n) => (chain.has(n.data.agent) ? 5 : 3.5))
      .style('fill', (n) => colourVariable.tier(n.data.tier))
      .attr('stroke', (n) => (n.data.agent === trail.chain.agent[0] ? OKABE_ITO.vermillion : 'none'))
      .attr('stroke-width', 2);
    node
      .filter((n) => chain.has(n.data.agent))
      .append('text')
      .attr('class', 'tree-label')
      .attr('x', 7)
      .attr('dy', '-0.35em')
      .text((n) => t('simulator.tree.node', { agent: n.data.agent, day: n.data.day }));
    node.append('title').text((n) => t('simulator.tree.nodeTitle', { agent: n.data.agent, tier: tierLabel(tierNames[n.data.tier] ?? `tier ${n.data.tier + 1}`), day: n.data.day, channel: channelWord(n.data.channel) }));
  }
}

// The city map on a canvas. Ties and city discs change only when the layout does, so they are
// drawn once into an offscreen layer; each frame copies that layer, then draws the few thousand
// agents (batched by colour) and the live pulses — well under a millisecond of drawing.
import { channelColourList, palette, tieColour } from '../shared/palette.ts';
import { MAP_HEIGHT, MAP_WIDTH, type MapLayout } from './cities.ts';
import type { Pulse } from './pulses.ts';
import type { FollowFocus } from './follow-share.ts';
import { formatCount, formatPercent, t, tierLabel } from '../shared/language.ts';

export interface MapWorld {
  readonly layout: MapLayout;
  /** Pairs of sample positions. */
  readonly ties: Uint32Array;
  readonly tier: Uint8Array;
  readonly tierNames: readonly string[];
  /** Agents in each tier of the whole world, and drawn. */
  readonly tierAgents: readonly number[];
  readonly tierSampled: readonly number[];
}

export class NetworkView {
  private readonly context: CanvasRenderingContext2D;
  private readonly layer = document.createElement('canvas');
  private world: MapWorld | null = null;
  private status: Uint8Array = new Uint8Array(0);
  private shares: number[] = [];
  private layerStale = true;
  /** Something on the map changed since the last frame; an unchanged map is not redrawn. */
  private dirty = true;
  private pulsing = false;
  private pixelRatio = 1;
  private scale = 1;
  private offsetX = 0;
  private offsetY = 0;
  private focus: FollowFocus | null = null;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.context = canvas.getContext('2d', { alpha: false })!;
    new ResizeObserver(() => this.resize()).observe(canvas);
    this.resize();
  }

  show(world: MapWorld | null): void {
    this.world = world;
    this.status = new Uint8Array(world ? world.tier.length : 0);
    this.layerStale = true;
    this.dirty = true;
  }

  setStatus(status: Uint8Array): void {
    this.status = status;
    this.dirty = true;
  }

  /** A followed share: its chain and cascade are drawn bright over a dimmed map (null: none). */
  setFocus(focus: FollowFocus | null): void {
    this.focus = focus;
    this.dirty = true;
  }

  /** The drawn agent nearest to a point of the page (a click or a tap), or −1 when none is close. */
  agentAt(clientX: number, clientY: number): number {
    const world = this.world;
    if (!world) return -1;
    const box = this.canvas.getBoundingClientRect();
    const px = ((clientX - box.left) * this.canvas.width) / Math.max(1, box.width);
    const py = ((clientY - box.top) * this.canvas.height) / Math.max(1, box.height);
    const mx = (px - this.offsetX) / this.scale;
    const my = (py - this.offsetY) / this.scale;
    // A finger is about 40 CSS pixels wide: anything within half of that counts as touched.
    const reach = (20 * this.pixelRatio) / this.scale;
    let best = -1;
    let bestDistance = reach * reach;
    const { x, y } = world.layout;
    for (let k = 0; k < x.length; k++) {
      const d = (x[k] - mx) ** 2 + (y[k] - my) ** 2;
      if (d < bestDistance) [best, bestDistance] = [k, d];
    }
    return best;
  }

  /** Customers as a share of each whole tier, printed under the city names. */
  setShares(shares: number[]): void {
    this.shares = shares;
    this.dirty = true;
  }

  /** The layout moved (force settling): the tie layer must be redrawn. */
  layoutMoved(): void {
    this.layerStale = true;
    this.dirty = true;
  }

  private resize(): void {
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    const width = Math.max(1, Math.round(this.canvas.clientWidth * ratio));
    const height = Math.max(1, Math.round(this.canvas.clientHeight * ratio));
    if (width === this.canvas.width && height === this.canvas.height) return;
    this.canvas.width = this.layer.width = width;
    this.canvas.height = this.layer.height = height;
    this.pixelRatio = ratio;
    this.scale = Math.min(width / MAP_WIDTH, height / MAP_HEIGHT);
    this.offsetX = (width - MAP_WIDTH * this.scale) / 2;
    this.offsetY = (height - MAP_HEIGHT * this.scale) / 2;
    this.layerStale = true;
    this.dirty = true;
  }

  private toMap(context: CanvasRenderingContext2D): void {
    context.setTransform(this.scale, 0, 0, this.scale, this.offsetX, this.offsetY);
  }

  private dotRadius(): number {
    const n = this.world?.tier.length ?? 1;
    return Math.max(1.7, Math.min(4, 70 / Math.sqrt(n)));
  }

  private drawLayer(): void {
    const context = this.layer.getContext('2d')!;
    context.setTransform(1, 0, 0, 1, 0, 0);
    const colours = palette();
    context.fillStyle = colours.mapNight;
    context.fillRect(0, 0, this.layer.width, this.layer.height);
    const world = this.world;
    if (!world) return;
    this.toMap(context);
    for (const city of world.layout.cities) {
      context.beginPath();
      context.arc(city.x, city.y, city.radius + 6, 0, 2 * Math.PI);
      context.fillStyle = colours.mapCity;
      context.fill();
    }
    const { x, y } = world.layout;
    context.lineWidth = 0.6;
    // Ties inside a city first, faint; ties between cities on top, brighter.
    for (const cross of [false, true]) {
      context.beginPath();
      let count = 0;
      for (let e = 0; e + 1 < world.ties.length; e += 2) {
        const a = world.ties[e];
        const b = world.ties[e + 1];
        if ((world.tier[a] !== world.tier[b]) !== cross) continue;
        context.moveTo(x[a], y[a]);
        context.lineTo(x[b], y[b]);
        count++;
      }
      context.strokeStyle = tieColour(cross, count);
      context.stroke();
    }
    this.layerStale = false;
  }

  /** Draws a frame if anything moved: new states, live pulses, or the last frame of a pulse. */
  draw(pulses: Array<{ pulse: Pulse; progress: number }>): void {
    // Held pulses (progress 1) are still: they need no new frame of their own.
    const pulsing = pulses.some((p) => p.progress < 1);
    if (!this.dirty && !pulsing && !this.pulsing) return;
    this.dirty = false;
    this.pulsing = pulsing;
    if (this.layerStale) this.drawLayer();
    const context = this.context;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.drawImage(this.layer, 0, 0);
    const world = this.world;
    if (!world) return;
    this.toMap(context);
    const { x, y } = world.layout;
    const r = this.dotRadius();
    const states = palette().states;
    for (let state = 0; state < states.length; state++) {
      context.fillStyle = states[state];
      for (let k = 0; k < this.status.length; k++) if (this.status[k] === state) context.fillRect(x[k] - r, y[k] - r, 2 * r, 2 * r);
    }
    this.drawPulses(pulses, r);
    if (this.focus) this.drawFocus(this.focus, r);
    this.drawLabels();
  }

  /** Dims the map, then draws the followed share's cascade and chain (thick) and their members on top. */
  private drawFocus(focus: FollowFocus, r: number): void {
    const context = this.context;
    const world = this.world!;
    const { x, y } = world.layout;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.fillStyle = 'rgba(21, 24, 29, 0.78)';
    context.fillRect(0, 0, this.canvas.width, this.canvas.height);
    this.toMap(context);
    const links = (pairs: Int32Array, width: number, colour: string) => {
      for (let e = 0; e + 1 < pairs.length; e += 2) {
        const [a, b] = [pairs[e], pairs[e + 1]];
        const cross = world.tier[a] !== world.tier[b];
        context.beginPath();
        context.setLineDash(cross ? [6, 3] : []);
        context.lineWidth = cross ? width * 1.4 : width;
        context.strokeStyle = colour;
        context.moveTo(x[a], y[a]);
        context.lineTo(x[b], y[b]);
        context.stroke();
      }
      context.setLineDash([]);
    };
    // Not in a channel's colour: on the map those mean the channel of a pulse.
    links(focus.cascadeLinks, 1.4, '#a9b8c9');
    links(focus.chainLinks, 3, '#ffffff');
    const states = palette().states;
    for (let k = 0; k < focus.members.length; k++) {
      if (!focus.members[k]) continue;
      context.fillStyle = states[this.status[k]] ?? states[0];
      context.fillRect(x[k] - r * 1.4, y[k] - r * 1.4, 2.8 * r, 2.8 * r);
    }
    if (focus.agent >= 0) {
      context.beginPath();
      context.lineWidth = 2;
      context.strokeStyle = '#ffffff';
      context.arc(x[focus.agent], y[focus.agent], r * 3.2, 0, 2 * Math.PI);
      context.stroke();
    }
  }

  private drawPulses(pulses: Array<{ pulse: Pulse; progress: number }>, r: number): void {
    const context = this.context;
    const { x, y } = this.world!.layout;
    context.lineWidth = 1.6;
    const channels = channelColourList(palette(), 'map');
    for (const { pulse, progress } of pulses) {
      context.strokeStyle = context.fillStyle = channels[pulse.channel] ?? '#ffffff';
      // Fades a little and stays so until the next day replaces it (bright enough to keep 3:1).
      context.globalAlpha = Math.max(0.85, 1 - progress * 0.8);
      if (pulse.from >= 0) {
        // The light runs along the tie in the first 60 % of the pulse, then the target glows.
        const travel = Math.min(1, progress / 0.6);
        const hx = x[pulse.from] + (x[pulse.to] - x[pulse.from]) * travel;
        const hy = y[pulse.from] + (y[pulse.to] - y[pulse.from]) * travel;
        context.beginPath();
        context.moveTo(x[pulse.from], y[pulse.from]);
        context.lineTo(hx, hy);
        context.stroke();
        context.beginPath();
        context.arc(hx, hy, r * 1.6, 0, 2 * Math.PI);
        context.fill();
      } else {
        context.beginPath();
        context.arc(x[pulse.to], y[pulse.to], r + 10 * progress, 0, 2 * Math.PI);
        context.stroke();
      }
    }
    context.globalAlpha = 1;
  }

  private drawLabels(): void {
    const context = this.context;
    const world = this.world!;
    context.textAlign = 'center';
    context.textBaseline = 'top';
    for (const city of world.layout.cities) {
      const tier = city.tier;
      const share = this.shares[tier];
      context.fillStyle = '#e8e8e8';
      context.font = '600 15px system-ui, sans-serif';
      context.fillText(tierLabel(world.tierNames[tier] ?? `tier ${tier + 1}`), city.x, 4);
      context.fillStyle = '#b8bcc4';
      context.font = '12px system-ui, sans-serif';
      const agents = formatCount(world.tierAgents[tier]);
      const drawn = world.tierSampled[tier] < world.tierAgents[tier];
      context.fillText(drawn ? t('simulator.map.agentsDrawn', { agents, drawn: formatCount(world.tierSampled[tier]) }) : t('simulator.map.agents', { agents }), city.x, 21);
      if (share !== undefined) {
        context.fillStyle = palette().states[2];
        context.fillText(t('simulator.map.customers', { share: formatPercent(share) }), city.x, 36);
      }
    }
  }
}

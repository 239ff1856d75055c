// Colours of the view, in two palettes: the standard one for screens and a high-contrast one that
// presenter mode switches to, for projectors that wash colours out. Both come from the Okabe–Ito
// palette (safe for the common forms of colour blindness) except the greys, which differ from
// everything else by lightness alone. In the standard palette every mark keeps 3:1 contrast and
// every text 4.5:1 against what it is drawn on (WCAG AA); the high-contrast one keeps marks at 4.5:1
// and text at 7:1 (AAA). SVG and HTML take their colours from CSS custom properties written here
// once (`installPalettes`), so switching is a class on <html>; the canvas map asks `palette()`.
import { CHANNEL_TABLE, type Channel, type ChannelInfo } from '../../scenario/channels.ts';

export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export const STATE_NAMES = ['unaware', 'aware', 'customer', 'lapsed'] as const;

type Hue = ChannelInfo['colour'];

export interface Palette {
  /**
   * Agent states on the dark city map: lights come on as people adopt. Indexed by the engine's
   * status codes (0 unaware, 1 aware, 2 customer, 3 lapsed). Lapsed is a dimmed customer yellow so
   * it reads as "was lit, went dark" and stays apart from aware by hue and lightness.
   */
  readonly states: readonly [string, string, string, string];
  /** The map's night sky, and the discs of its cities. */
  readonly mapNight: string;
  readonly mapCity: string;
  /** First-purchase channels on the map (pulses), by hue. */
  readonly mapChannels: Record<Hue, string>;
  /** The same channels on the white charts. */
  readonly chartChannels: Record<Hue, string>;
  /** Tier lines, tier names and the tree's nodes on white; the whole world's line after them. */
  readonly tiers: readonly [string, string, string, string];
  readonly allTiers: string;
  /** Festival names under the time axis and intervention numbers above the plot. */
  readonly festivalText: string;
  readonly interventionText: string;
  /** Lines on the charts, in CSS px. */
  readonly lineWidth: number;
}

export const STANDARD_PALETTE: Palette = {
  states: ['#7a7f88', OKABE_ITO.skyBlue, OKABE_ITO.yellow, '#8a7f2e'],
  mapNight: '#15181d',
  mapCity: '#1d2128',
  mapChannels: {
    vermillion: OKABE_ITO.vermillion,
    bluishGreen: OKABE_ITO.bluishGreen,
    reddishPurple: OKABE_ITO.reddishPurple,
    blue: OKABE_ITO.blue,
    orange: OKABE_ITO.orange,
    grey: '#9a9a9a',
  },
  // Hues too light for white are darkened (orange was 2.3:1, grey 2.8:1).
  chartChannels: {
    vermillion: OKABE_ITO.vermillion,
    bluishGreen: OKABE_ITO.bluishGreen,
    reddishPurple: OKABE_ITO.reddishPurple,
    blue: OKABE_ITO.blue,
    orange: '#A36F00',
    grey: '#767676',
  },
  // Green and orange darkened so the tier names read (4.5:1).
  tiers: [OKABE_ITO.black, OKABE_ITO.blue, '#007A5C', '#9E6A00'],
  allTiers: '#666666',
  festivalText: '#B35000',
  interventionText: OKABE_ITO.blue,
  lineWidth: 1.8,
};

/** The same hues, darker on white and brighter on a black map, with thicker lines. */
export const HIGH_CONTRAST_PALETTE: Palette = {
  states: ['#a3a9b3', '#7fcbf5', '#fff27a', '#b8a94a'],
  mapNight: '#000000',
  mapCity: '#101216',
  mapChannels: {
    vermillion: '#ff7a2e',
    bluishGreen: '#2fd6a3',
    reddishPurple: '#eaa0cc',
    blue: '#4aa8ff',
    orange: '#ffbb33',
    grey: '#c4c4c4',
  },
  chartChannels: {
    vermillion: '#A33F00',
    bluishGreen: '#006B4E',
    reddishPurple: '#9A3F78',
    blue: '#00508A',
    orange: '#7A5300',
    grey: '#555555',
  },
  tiers: ['#000000', '#00508A', '#005C40', '#7A4200'],
  allTiers: '#444444',
  festivalText: '#8A3C00',
  interventionText: '#00508A',
  lineWidth: 3.2,
};

/** The palette in use: high contrast while presenting. */
export function palette(): Palette {
  return typeof document !== 'undefined' && document.documentElement.classList.contains('presenter') ? HIGH_CONTRAST_PALETTE : STANDARD_PALETTE;
}

/** Channel colours of a palette in the engine's channel order (the channel table's). */
export function channelColourList(p: Palette, on: 'map' | 'chart'): string[] {
  return CHANNEL_TABLE.map((c) => (on === 'map' ? p.mapChannels : p.chartChannels)[c.colour]);
}

/** CSS custom properties naming each colour, e.g. `--tier-2`, `--channel-feed`, `--state-1`. */
export const colourVariable = {
  tier: (t: number) => `var(--tier-${t}, #000)`,
  allTiers: 'var(--all-tiers)',
  state: (s: number) => `var(--state-${s})`,
  mapChannel: (c: Channel) => `var(--map-channel-${c})`,
  chartChannel: (c: Channel) => `var(--chart-channel-${c})`,
  festivalText: 'var(--festival-text)',
  interventionText: 'var(--intervention-text)',
} as const;

function declarations(p: Palette): string {
  const lines = [
    ...p.tiers.map((c, t) => `--tier-${t}: ${c};`),
    `--all-tiers: ${p.allTiers};`,
    ...p.states.map((c, s) => `--state-${s}: ${c};`),
    ...CHANNEL_TABLE.map((c) => `--map-channel-${c.name}: ${p.mapChannels[c.colour]};`),
    ...CHANNEL_TABLE.map((c) => `--chart-channel-${c.name}: ${p.chartChannels[c.colour]};`),
    `--festival-text: ${p.festivalText};`,
    `--intervention-text: ${p.interventionText};`,
    `--chart-line: ${p.lineWidth}px;`,
    `--map-night: ${p.mapNight};`,
  ];
  return lines.join(' ');
}

/** Writes both palettes into the page once, as custom properties of :root and html.presenter. */
export function installPalettes(): void {
  if (document.getElementById('tierwave-palettes')) return;
  const style = document.createElement('style');
  style.id = 'tierwave-palettes';
  style.textContent = `:root { ${declarations(STANDARD_PALETTE)} } html.presenter { ${declarations(HIGH_CONTRAST_PALETTE)} }`;
  document.head.append(style);
}

/**
 * Ties on the map: grey inside a city, sky blue between cities so the "sinking" (M4) shows. The
 * more ties are drawn the fainter each one, so thousands of them do not bury the agents.
 */
export function tieColour(cross: boolean, count: number): string {
  const alpha = cross ? Math.min(0.5, Math.max(0.1, 150 / Math.max(1, count))) : Math.min(0.25, Math.max(0.05, 600 / Math.max(1, count)));
  return cross ? `rgba(86, 180, 233, ${alpha.toFixed(3)})` : `rgba(150, 160, 175, ${alpha.toFixed(3)})`;
}
export const CROSS_TIER_TIE_COLOUR = tieColour(true, 1);

// Colours of the view, all from the Okabe–Ito palette (safe for the common forms of colour
// blindness) except the greys, which differ from everything else by lightness alone. Every mark
// keeps 3:1 contrast and every text 4.5:1 against what it is drawn on (WCAG AA): on the white
// charts the lighter hues are darkened, on the night map the darkest grey is lifted.
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

/**
 * Agent states on the dark city map: lights come on as people adopt. Indexed by the engine's status
 * codes (0 unaware, 1 aware, 2 customer, 3 lapsed). Lapsed is a dimmed customer yellow so it reads as
 * "was lit, went dark" and stays apart from aware by hue and lightness.
 */
export const STATE_COLOURS = ['#7a7f88', OKABE_ITO.skyBlue, OKABE_ITO.yellow, '#8a7f2e'] as const;

/** The map's night sky, and the discs of its cities. */
export const MAP_NIGHT = '#15181d';
export const MAP_CITY = '#1d2128';
export const STATE_NAMES = ['unaware', 'aware', 'customer', 'lapsed'] as const;

const CHANNEL_PALETTE: Record<ChannelInfo['colour'], string> = {
  vermillion: OKABE_ITO.vermillion,
  bluishGreen: OKABE_ITO.bluishGreen,
  reddishPurple: OKABE_ITO.reddishPurple,
  blue: OKABE_ITO.blue,
  orange: OKABE_ITO.orange,
  grey: '#9a9a9a',
};

/** The same hues, darkened where they are too light for a white chart (orange 2.3:1, grey 2.8:1). */
const CHART_CHANNEL_PALETTE: Record<ChannelInfo['colour'], string> = { ...CHANNEL_PALETTE, orange: '#A36F00', grey: '#767676' };

/** First-purchase channels' colours on the map, by name and in the engine's channel order (the channel table's). */
export const CHANNEL_COLOURS = Object.fromEntries(CHANNEL_TABLE.map((c) => [c.name, CHANNEL_PALETTE[c.colour]])) as Record<Channel, string>;
export const CHANNEL_COLOUR_LIST = CHANNEL_TABLE.map((c) => CHANNEL_PALETTE[c.colour]);
/** ... and on the white charts. */
export const CHART_CHANNEL_COLOURS = Object.fromEntries(CHANNEL_TABLE.map((c) => [c.name, CHART_CHANNEL_PALETTE[c.colour]])) as Record<Channel, string>;

/** Festival names under the time axis: vermillion darkened to text contrast on white. */
export const FESTIVAL_TEXT = '#B35000';

/** Tier lines and their names on the white charts: hues keep them apart; green and orange are
 *  darkened so the names read (4.5:1). */
export const TIER_COLOURS = [OKABE_ITO.black, OKABE_ITO.blue, '#007A5C', '#9E6A00'] as const;

/**
 * Ties on the map: grey inside a city, sky blue between cities so the "sinking" (M4) shows. The
 * more ties are drawn the fainter each one, so thousands of them do not bury the agents.
 */
export function tieColour(cross: boolean, count: number): string {
  const alpha = cross ? Math.min(0.5, Math.max(0.1, 150 / Math.max(1, count))) : Math.min(0.25, Math.max(0.05, 600 / Math.max(1, count)));
  return cross ? `rgba(86, 180, 233, ${alpha.toFixed(3)})` : `rgba(150, 160, 175, ${alpha.toFixed(3)})`;
}
export const CROSS_TIER_TIE_COLOUR = tieColour(true, 1);

// Colours of the view, all from the Okabe–Ito palette (safe for the common forms of colour
// blindness) except the greys, which differ from everything else by lightness alone.
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
export const STATE_COLOURS = ['#4a4f57', OKABE_ITO.skyBlue, OKABE_ITO.yellow, '#8a7f2e'] as const;
export const STATE_NAMES = ['unaware', 'aware', 'customer', 'lapsed'] as const;

const CHANNEL_PALETTE: Record<ChannelInfo['colour'], string> = {
  vermillion: OKABE_ITO.vermillion,
  bluishGreen: OKABE_ITO.bluishGreen,
  reddishPurple: OKABE_ITO.reddishPurple,
  blue: OKABE_ITO.blue,
  orange: OKABE_ITO.orange,
  grey: '#9a9a9a',
};

/** First-purchase channels' colours, by name and in the engine's channel order (the channel table's). */
export const CHANNEL_COLOURS = Object.fromEntries(CHANNEL_TABLE.map((c) => [c.name, CHANNEL_PALETTE[c.colour]])) as Record<Channel, string>;
export const CHANNEL_COLOUR_LIST = CHANNEL_TABLE.map((c) => CHANNEL_PALETTE[c.colour]);

/** Tier lines on the white charts: dark to light is tier 1 to tier 4, hues keep them apart. */
export const TIER_COLOURS = [OKABE_ITO.black, OKABE_ITO.blue, OKABE_ITO.bluishGreen, OKABE_ITO.orange] as const;

/**
 * Ties on the map: grey inside a city, sky blue between cities so the "sinking" (M4) shows. The
 * more ties are drawn the fainter each one, so thousands of them do not bury the agents.
 */
export function tieColour(cross: boolean, count: number): string {
  const alpha = cross ? Math.min(0.5, Math.max(0.1, 150 / Math.max(1, count))) : Math.min(0.25, Math.max(0.05, 600 / Math.max(1, count)));
  return cross ? `rgba(86, 180, 233, ${alpha.toFixed(3)})` : `rgba(150, 160, 175, ${alpha.toFixed(3)})`;
}
export const CROSS_TIER_TIE_COLOUR = tieColour(true, 1);

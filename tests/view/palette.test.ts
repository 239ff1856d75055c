// The colours of the map and the charts against what they are drawn on, by WCAG 2's contrast ratio
// computed here from its formula: marks at least 3:1, text at least 4.5:1 (level AA).
import { describe, expect, it } from 'vitest';
import { CHANNEL_COLOUR_LIST, CHART_CHANNEL_COLOURS, FESTIVAL_TEXT, MAP_CITY, MAP_NIGHT, STATE_COLOURS, STATE_NAMES, TIER_COLOURS } from '../../src/view/shared/palette.ts';
import { CHANNELS } from '../../src/scenario/channels.ts';

/** Relative luminance of an sRGB colour written #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

describe('palette contrast', () => {
  it('computes the formula: black on white is 21:1, a colour on itself 1:1, mid grey #777 on white about 4.48:1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrast('#0072B2', '#0072B2')).toBe(1);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('draws every agent state and every channel at 3:1 or more on the night map and on its cities', () => {
    for (const background of [MAP_NIGHT, MAP_CITY]) {
      STATE_COLOURS.forEach((colour, k) => expect(contrast(colour, background), `${STATE_NAMES[k]} on ${background}`).toBeGreaterThanOrEqual(3));
      CHANNEL_COLOUR_LIST.forEach((colour, k) => expect(contrast(colour, background), `${CHANNELS[k]} on ${background}`).toBeGreaterThanOrEqual(3));
    }
  });

  it('draws channel areas and tier lines at 3:1 on the white charts, and tier names and festival names at 4.5:1', () => {
    for (const channel of CHANNELS) expect(contrast(CHART_CHANNEL_COLOURS[channel], '#ffffff'), channel).toBeGreaterThanOrEqual(3);
    TIER_COLOURS.forEach((colour, t) => expect(contrast(colour, '#ffffff'), `tier ${t + 1}`).toBeGreaterThanOrEqual(4.5));
    expect(contrast(FESTIVAL_TEXT, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});

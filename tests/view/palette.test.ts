// The colours of the map and the charts against what they are drawn on, by WCAG 2's contrast ratio
// computed here from its formula: on screen marks at least 3:1 and text 4.5:1 (level AA); in presenter
// mode's high-contrast palette marks 4.5:1 and text 7:1 (AAA).
import { describe, expect, it } from 'vitest';
import { channelColourList, HIGH_CONTRAST_PALETTE, STANDARD_PALETTE, STATE_NAMES } from '../../src/view/shared/palette.ts';
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

  // WCAG AA for the screen palette (marks 3:1, text 4.5:1); for the projector's, marks 4.5:1 and text 7:1 (AAA).
  const PALETTES = [
    { name: 'standard', palette: STANDARD_PALETTE, mark: 3, text: 4.5 },
    { name: 'high contrast', palette: HIGH_CONTRAST_PALETTE, mark: 4.5, text: 7 },
  ];

  for (const { name, palette, mark, text } of PALETTES) {
    describe(name, () => {
      it(`draws every agent state and every channel at ${mark}:1 or more on the night map and on its cities`, () => {
        for (const background of [palette.mapNight, palette.mapCity]) {
          palette.states.forEach((colour, k) => expect(contrast(colour, background), `${STATE_NAMES[k]} on ${background}`).toBeGreaterThanOrEqual(mark));
          channelColourList(palette, 'map').forEach((colour, k) => expect(contrast(colour, background), `${CHANNELS[k]} on ${background}`).toBeGreaterThanOrEqual(mark));
        }
      });

      it(`draws channel areas at ${mark}:1 on the white charts, and tier lines and names, festival and intervention text at ${text}:1`, () => {
        channelColourList(palette, 'chart').forEach((colour, k) => expect(contrast(colour, '#ffffff'), CHANNELS[k]).toBeGreaterThanOrEqual(mark));
        [...palette.tiers, palette.allTiers].forEach((colour, t) => expect(contrast(colour, '#ffffff'), `tier ${t + 1}`).toBeGreaterThanOrEqual(text));
        expect(contrast(palette.festivalText, '#ffffff')).toBeGreaterThanOrEqual(text);
        expect(contrast(palette.interventionText, '#ffffff')).toBeGreaterThanOrEqual(text);
      });
    });
  }

  it('makes the projector palette stronger than the screen palette for every tier line and on the map', () => {
    STANDARD_PALETTE.tiers.forEach((colour, t) => expect(contrast(HIGH_CONTRAST_PALETTE.tiers[t], '#ffffff')).toBeGreaterThanOrEqual(contrast(colour, '#ffffff')));
    STANDARD_PALETTE.states.forEach((colour, k) =>
      expect(contrast(HIGH_CONTRAST_PALETTE.states[k], HIGH_CONTRAST_PALETTE.mapNight)).toBeGreaterThan(contrast(colour, STANDARD_PALETTE.mapNight)),
    );
    expect(HIGH_CONTRAST_PALETTE.lineWidth).toBeGreaterThan(STANDARD_PALETTE.lineWidth);
  });
});

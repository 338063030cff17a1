import { describe, expect, it } from 'vitest';
import { axisUnit } from '../../src/charts/axis.ts';
import { CHANNEL_COLORS } from '../../src/charts/palette.ts';

describe('axisUnit', () => {
  it('uses one money unit for the whole axis', () => {
    const mn = axisUnit(4_200_000, 'sv', 'SEK');
    expect([mn.label, mn.tickFormat(1_500_000), mn.tickFormat(0)]).toEqual(['mnkr', '1,5', '0']);
    const t = axisUnit(480_000, 'sv', 'SEK');
    expect([t.label, t.tickFormat(250_000)]).toEqual(['tkr', '250']);
    expect(axisUnit(4_200_000, 'da', 'DKK').label).toBe('mio. kr.');
    expect(axisUnit(4_200_000, 'da', 'EUR').label).toBe('mio. EUR');
    expect(axisUnit(4_200_000, 'sv', 'NOK').label).toBe('mn NOK');
    expect(axisUnit(4_200_000, 'en', 'SEK').label).toBe('SEK millions');
    expect(axisUnit(2_000_000_000, 'sv', 'SEK').label).toBe('mdkr');
    expect(axisUnit(900, 'da', 'DKK').label).toBe('kr.');
  });

  it('leaves counts below a million in full', () => {
    const u = axisUnit(12_000, 'sv');
    expect([u.label, u.tickFormat(12_000)]).toEqual([null, '12\u00a0000']);
    expect(axisUnit(3_000_000, 'da').label).toBe('millioner');
  });
});

describe('palette', () => {
  // WCAG relative luminance and contrast; every channel colour needs 3:1 on both page backgrounds.
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };

  it('keeps 3:1 contrast on the light and the dark background', () => {
    for (const color of Object.values(CHANNEL_COLORS)) {
      expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(3);
      expect(contrast(color, '#16181d')).toBeGreaterThanOrEqual(3);
    }
  });
});

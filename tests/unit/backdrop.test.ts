/** The colours a term is drawn on (lib/content/backdrop.ts): computed colours read in every form browsers give. */
import { describe, expect, it } from 'vitest';
import { contrast, isDark, parseColour } from '../../lib/content/backdrop';

const close = (colour: ReturnType<typeof parseColour>) =>
  colour && { r: +colour.r.toFixed(3), g: +colour.g.toFixed(3), b: +colour.b.toFixed(3), a: +colour.a.toFixed(3) };

describe('computed colours', () => {
  it('reads rgb() and rgba(), with commas or spaces', () => {
    expect(parseColour('rgb(139, 29, 29)')).toEqual({ r: 139 / 255, g: 29 / 255, b: 29 / 255, a: 1 });
    expect(parseColour('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColour('rgb(255 255 255 / 50%)')).toEqual({ r: 1, g: 1, b: 1, a: 0.5 });
  });

  it('reads color(srgb …) and OKLab/OKLCH (Tailwind 4 palettes are computed as written)', () => {
    expect(parseColour('color(srgb 1 0.5 0 / 0.25)')).toEqual({ r: 1, g: 0.5, b: 0, a: 0.25 });
    expect(close(parseColour('oklch(1 0 0)'))).toEqual({ r: 1, g: 1, b: 1, a: 1 });
    expect(close(parseColour('oklab(0 0 0)'))).toEqual({ r: 0, g: 0, b: 0, a: 1 });
    // Tailwind's slate-900, oklch(20.8% 0.042 265.755): #0f172b.
    const slate = parseColour('oklch(0.208 0.042 265.755)')!;
    expect([slate.r * 255, slate.g * 255, slate.b * 255].map(Math.round)).toEqual([15, 23, 43]);
  });

  it('gives up on what it cannot read', () => {
    for (const css of ['transparent', 'lab(50 20 30)', 'color(display-p3 1 0 0)', 'rgb(none none none)'])
      expect(parseColour(css)).toBeNull();
  });
});

describe('contrast', () => {
  it("is WCAG's ratio", () => {
    const white = { r: 1, g: 1, b: 1 };
    const black = { r: 0, g: 0, b: 0 };
    expect(contrast(white, black)).toBeCloseTo(21);
    expect(contrast(black, white)).toBeCloseTo(21);
    expect(contrast({ r: 0x76 / 255, g: 0x76 / 255, b: 0x76 / 255 }, white)).toBeCloseTo(4.54, 2);
  });

  it('tells a dark background from a light one where white and black text read alike', () => {
    expect(isDark({ r: 139 / 255, g: 29 / 255, b: 29 / 255 })).toBe(true); // a red masthead
    expect(isDark({ r: 0.96, g: 0.95, b: 0.92 })).toBe(false);
    expect(isDark({ r: 0.45, g: 0.45, b: 0.45 })).toBe(true);
    expect(isDark({ r: 0.5, g: 0.5, b: 0.5 })).toBe(false);
  });
});

/**
 * The colour a term is drawn on: its element's background, or its ancestors' where that is transparent, the
 * translucent ones laid over the first opaque one (or over the canvas). What the card's theme (light on a light
 * page, dark on a dark one) and the highlights' colours (an underline that shows on a red masthead as on white
 * paper) are chosen from. Background images are not looked at: only colours.
 */

/** A colour in sRGB, each channel 0–1. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

interface Rgba extends Rgb {
  a: number;
}

/** The media query of a dark colour scheme (the system's, or the browser's). */
export const DARK_SCHEME = '(prefers-color-scheme: dark)';

const WHITE: Rgb = { r: 1, g: 1, b: 1 };
/** Chromium's and Firefox's canvas in a dark colour scheme (#121212 and #1c1b22: near enough). */
const DARK_CANVAS: Rgb = { r: 0.07, g: 0.07, b: 0.07 };

/** The background colour under `element`'s text (white when there is no element). */
export function backgroundOf(element: Element | null): Rgb {
  const layers: Rgba[] = [];
  let base: Rgb | null = null;
  for (let at = element; at; at = parentAcrossShadows(at)) {
    const view = at.ownerDocument.defaultView;
    if (!view) break;
    const colour = parseColour(view.getComputedStyle(at).backgroundColor);
    if (!colour || colour.a === 0) continue;
    if (colour.a >= 1) {
      base = colour;
      break;
    }
    layers.push(colour);
  }
  base ??= canvasOf(element?.ownerDocument);
  // The innermost layer is painted last.
  return layers.reduceRight<Rgb>((under, over) => blend(over, under), base);
}

/** A dark background: light text reads better on it than dark text (the two colours' contrasts compared). */
export function isDark(colour: Rgb): boolean {
  return luminance(colour) < 0.18;
}

/** WCAG's relative luminance. */
function luminance({ r, g, b }: Rgb): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG's contrast ratio of two colours (1–21). */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function canvasOf(doc: Document | undefined): Rgb {
  const view = doc?.defaultView;
  if (!doc?.documentElement || !view) return WHITE;
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme;
  const dark = /\bdark\b/.test(scheme) && (!/\blight\b/.test(scheme) || view.matchMedia(DARK_SCHEME).matches);
  return dark ? DARK_CANVAS : WHITE;
}

function parentAcrossShadows(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

function blend(over: Rgba, under: Rgb): Rgb {
  const mix = (top: number, bottom: number) => top * over.a + bottom * (1 - over.a);
  return { r: mix(over.r, under.r), g: mix(over.g, under.g), b: mix(over.b, under.b) };
}

function linear(channel: number): number {
  return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
}

function gamma(channel: number): number {
  const c = Math.min(1, Math.max(0, channel));
  return c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055;
}

/**
 * A computed colour: rgb()/rgba() (what browsers give for named, hex and hsl colours), color(srgb …), and
 * oklab()/oklch() (Tailwind's palette, computed as written). Null for anything else: that layer is skipped.
 */
export function parseColour(css: string): Rgba | null {
  const match = /^(rgba?|color|oklab|oklch)\((.*)\)$/.exec(css.trim());
  if (!match) return null;
  const [, kind, inner] = match as unknown as [string, string, string];
  const [channels = '', alphaPart] = inner.split('/');
  const parts = channels.replace(/,/g, ' ').trim().split(/\s+/);
  let alpha = alphaPart === undefined ? 1 : number(alphaPart.trim(), 1);
  if (kind === 'rgb' || kind === 'rgba') {
    if (parts.length === 4) alpha = number(parts.pop()!, 1);
    const [r, g, b] = parts.map((part) => number(part, 255));
    return valid({ r: r! / 255, g: g! / 255, b: b! / 255, a: alpha });
  }
  if (kind === 'color') {
    const [space, ...values] = parts;
    const [r, g, b] = values.map((part) => number(part, 1));
    if (space === 'srgb') return valid({ r: r!, g: g!, b: b!, a: alpha });
    if (space === 'srgb-linear') return valid({ r: gamma(r!), g: gamma(g!), b: gamma(b!), a: alpha });
    return null;
  }
  const [l, second, third] = parts.map((part, i) => number(part, i === 0 ? 1 : 0.4));
  const [a, b] =
    kind === 'oklab'
      ? [second!, third!]
      : [second! * Math.cos((third! * Math.PI) / 180), second! * Math.sin((third! * Math.PI) / 180)];
  return valid({ ...fromOklab(l!, a, b), a: alpha });
}

/** A number, or a percentage of `whole`; NaN for `none` and the like. */
function number(text: string, whole: number): number {
  return text.endsWith('%') ? (parseFloat(text) / 100) * whole : parseFloat(text);
}

function valid(colour: Rgba): Rgba | null {
  return [colour.r, colour.g, colour.b, colour.a].every(Number.isFinite) ? colour : null;
}

/** Björn Ottosson's OKLab to sRGB. */
function fromOklab(l: number, a: number, b: number): Rgb {
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return {
    r: gamma(4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_),
    g: gamma(-1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_),
    b: gamma(-0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_),
  };
}

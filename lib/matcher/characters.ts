/**
 * Character classes behind the matching rules in glossary/README.md. Kept in one place so that the build
 * (contexts) and the content script (highlights) cannot drift apart.
 */

/** Quotation marks, all of which match one another (“345” = "345" = 「345」). */
export const QUOTE_CHARS = '“”‘’「」『』"\'＂＇';
const QUOTES = new Set([...QUOTE_CHARS].map((ch) => ch.charCodeAt(0)));

/** The one code all quotation marks fold to. */
export const QUOTE = 0x22;

export function isQuote(code: number): boolean {
  return QUOTES.has(code);
}

/** Removes quotation marks (for pinyin, and for a term's quote-free variant). */
export function stripQuotes(term: string): string {
  let out = '';
  for (const ch of term) if (!isQuote(ch.charCodeAt(0))) out += ch;
  return out;
}

/**
 * The code a character matches as: full-width ASCII variants (Ａ, ３, ＋ …) as their ASCII forms, every
 * quotation mark as QUOTE.
 */
export function foldCode(code: number): number {
  if (QUOTES.has(code)) return QUOTE;
  return code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
}

/** ASCII letter or digit, after width folding. */
export function isAsciiWord(code: number): boolean {
  // Only width folding matters here (quotation marks fold to '"', never to a letter or digit), and it is a
  // range test: the matcher asks this of every candidate, so no Set lookup.
  const c = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Invisible characters a page may put inside a word: zero-width space, non-joiner and joiner, word joiner, BOM
 * (used as a zero-width no-break space) and soft hyphen, to allow or forbid a line break there, or to defeat
 * copying. The reader sees 一区五城 in 一区\u200B五城, so a term matches across them (never starting or ending on one).
 */
export const INVISIBLE_CODES = [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];

export function isInvisible(code: number): boolean {
  return code === 0x200b || code === 0x00ad || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff;
}

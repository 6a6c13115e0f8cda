/**
 * Character classes behind the matching rules in glossary/README.md. Kept in one place so that the build
 * (contexts) and the content script (highlights) cannot drift apart.
 */

/** Quotation marks, all of which match one another (“345” = "345" = 「345」). */
export const QUOTE_CHARS = '“”‘’「」『』"\'＂＇';
const QUOTES = new Set([...QUOTE_CHARS].map((ch) => ch.charCodeAt(0)));

/** The one code all quotation marks fold to. */
export const QUOTE = 0x22;

function isQuote(code: number): boolean {
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

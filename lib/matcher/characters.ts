/**
 * Character classes behind the matching rules in glossary/README.md. Kept in one place so that the build
 * (contexts) and the content script (highlights) cannot drift apart.
 */

/** Opening quote → its closing partner. Quotes inside a term never stop a match. */
export const QUOTE_PAIRS: Readonly<Record<string, string>> = {
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
  '"': '"',
  "'": "'",
};

const QUOTES = new Set<number>();
for (const [open, close] of Object.entries(QUOTE_PAIRS)) {
  QUOTES.add(open.charCodeAt(0));
  QUOTES.add(close.charCodeAt(0));
}

export function isQuote(code: number): boolean {
  return QUOTES.has(code);
}

/** Removes quotation marks: the form under which terms are stored in the trie. */
export function stripQuotes(term: string): string {
  let out = '';
  for (const ch of term) if (!isQuote(ch.charCodeAt(0))) out += ch;
  return out;
}

/** Full-width ASCII variants (Ａ, ３, ＋ …) match their ASCII forms. */
export function foldWidth(code: number): number {
  return code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
}

/** ASCII letter or digit, after width folding. */
export function isAsciiWord(code: number): boolean {
  const c = foldWidth(code);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

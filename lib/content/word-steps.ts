/**
 * Stepping through a text word by word, as the dictionary's card does with its keys: where the next word can start
 * after a point, and where the previous one can end before it, passing over what starts no word (punctuation,
 * spaces, Latin letters, digits). Characters outside the BMP count whole; a lone surrogate is no character of a
 * word. Only the dictionary says what a word is: these find where one may be.
 */

/** Han characters, 〇 and 々 included, outside the BMP too: what dictionary-lookup answers for (words-at.ts). */
const HAN = /^\p{Script=Han}/u;

/** The length of the character that starts at `index` (2 for a surrogate pair, 1 otherwise, 0 past the end). */
export function charLength(text: string, index: number): number {
  if (index < 0 || index >= text.length) return 0;
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** Whether a Han character starts at `index` (not the second half of a pair, nor a lone surrogate). */
export function isHanAt(text: string, index: number): boolean {
  const length = charLength(text, index);
  if (length === 0 || isSecondHalf(text, index)) return false;
  return HAN.test(text.slice(index, index + length));
}

/** The first place at or after `from` where a Han character starts; -1 if none does in the text. */
export function nextHanStart(text: string, from: number): number {
  for (let at = Math.max(0, from); at < text.length; at += charLength(text, at)) {
    if (isHanAt(text, at)) return at;
  }
  return -1;
}

/** The last place at or before `before` where a Han character ends; -1 if none does in the text. */
export function previousHanEnd(text: string, before: number): number {
  for (let end = characterStart(text, Math.min(before, text.length)); end > 0;) {
    const start = end >= 2 && charLength(text, end - 2) === 2 ? end - 2 : end - 1;
    if (isHanAt(text, start)) return end;
    end = start;
  }
  return -1;
}

/** The start of the character that `index` falls in (the pair's start for its second half). */
export function characterStart(text: string, index: number): number {
  return isSecondHalf(text, index) ? index - 1 : index;
}

function isSecondHalf(text: string, index: number): boolean {
  return index > 0 && charLength(text, index - 1) === 2;
}

/** The start of the character that ends at `end` (two code units back for a surrogate pair). */
export function previousCharacterStart(text: string, end: number): number {
  return characterStart(text, end - 1);
}

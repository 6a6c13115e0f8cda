/**
 * Pinyin's letters and tones: the one table of tone-marked vowels, and what is read off it (a syllable's tone,
 * its toneless letters, tone-numbered pinyin). The popover imports this, so it stays small; the search's pinyin
 * matching (lib/pinyin/match.ts) builds on it.
 */

/** Tone-marked vowels → their plain letter and tone. ü is written v, as pinyin keyboards do. */
const MARKED = new Map<string, { plain: string; tone: number }>();
for (const [plain, marks] of [
  ['a', 'āáǎà'],
  ['e', 'ēéěè'],
  ['i', 'īíǐì'],
  ['o', 'ōóǒò'],
  ['u', 'ūúǔù'],
  ['v', 'ǖǘǚǜ'],
] as const) {
  [...marks].forEach((mark, i) => MARKED.set(mark, { plain, tone: i + 1 }));
}

/** A character of pinyin as a lower-case plain letter (ü as v) and the tone it marks (0: none). */
export function letterOf(ch: string): { plain: string; tone: number } {
  const lower = ch.toLowerCase();
  return MARKED.get(lower) ?? { plain: lower === 'ü' ? 'v' : lower, tone: 0 };
}

/** 1–4, 5 for the neutral tone, 0 for what is not a pinyin syllable (digits, Latin words). */
function toneOf(syllable: string): number {
  for (const ch of syllable) {
    const { tone } = letterOf(ch);
    if (tone) return tone;
  }
  return /^[a-zü]+r?$/i.test(syllable) && /[aeiouü]/i.test(syllable) ? 5 : 0;
}

/** Splits a pinyin string into syllables and the separators between them (kept, so that it reads the same). */
export function pinyinTokens(pinyin: string): { text: string; tone: number }[] {
  return pinyin
    .split(/(\s+|,\s*)/)
    .filter((t) => t.length > 0)
    .map((text) => ({ text, tone: /^[\s,]/.test(text) ? 0 : toneOf(text) }));
}

/** A syllable without its tone mark (ü as v, as typed on keyboards): jiāo → jiao, lǜ → lv. */
export function toneless(syllable: string): string {
  return [...syllable].map((ch) => letterOf(ch).plain).join('');
}

/** Tone-numbered pinyin: "yī qū wǔ chéng" → "yi1 qu1 wu3 cheng2" (neutral tone 5; digits and Latin kept). */
export function numberedPinyin(pinyin: string): string {
  return pinyinTokens(pinyin)
    .map(({ text, tone }) => (tone === 0 ? text : `${toneless(text)}${tone}`))
    .join('');
}

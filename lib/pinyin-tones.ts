/** Reading tones off tone-marked pinyin, for tone colours and numbered pinyin. */

const MARKS: Record<string, number> = {};
for (const [tone, letters] of [
  [1, 'āēīōūǖĀĒĪŌŪǕ'],
  [2, 'áéíóúǘÁÉÍÓÚǗ'],
  [3, 'ǎěǐǒǔǚǍĚǏǑǓǙ'],
  [4, 'àèìòùǜÀÈÌÒÙǛ'],
] as const) {
  for (const letter of letters) MARKS[letter] = tone;
}

/** 1–4, 5 for the neutral tone, 0 for what is not a pinyin syllable (digits, Latin words). */
function toneOf(syllable: string): number {
  for (const ch of syllable) if (MARKS[ch]) return MARKS[ch]!;
  return /^[a-zü]+r?$/i.test(syllable) && /[aeiouü]/i.test(syllable) ? 5 : 0;
}

/** Splits a pinyin string into syllables and the separators between them (kept, so that it reads the same). */
export function pinyinTokens(pinyin: string): { text: string; tone: number }[] {
  return pinyin
    .split(/(\s+|,\s*)/)
    .filter((t) => t.length > 0)
    .map((text) => ({ text, tone: /^[\s,]/.test(text) ? 0 : toneOf(text) }));
}

const BARE: Record<string, string> = {};
for (const [letters, bare] of [
  ['āáǎà', 'a'],
  ['ēéěè', 'e'],
  ['īíǐì', 'i'],
  ['ōóǒò', 'o'],
  ['ūúǔù', 'u'],
  ['ǖǘǚǜü', 'v'],
] as const) {
  for (const letter of letters) BARE[letter] = bare;
}

/** A syllable without its tone mark (ü as v, as typed on keyboards): jiāo → jiao, lǜ → lv. */
export function toneless(syllable: string): string {
  return [...syllable.toLowerCase()].map((ch) => BARE[ch] ?? ch).join('');
}

/** Tone-numbered pinyin: "yī qū wǔ chéng" → "yi1 qu1 wu3 cheng2" (neutral tone 5; digits and Latin kept). */
export function numberedPinyin(pinyin: string): string {
  return pinyinTokens(pinyin)
    .map(({ text, tone }) => (tone === 0 ? text : `${toneless(text)}${tone}`))
    .join('');
}

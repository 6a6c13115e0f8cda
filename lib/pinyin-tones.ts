/** Reading tones off tone-marked pinyin, for tone colours and numbered pinyin. */

const MARKS: Record<string, number> = {};
for (const [tone, letters] of [[1, 'āēīōūǖĀĒĪŌŪǕ'], [2, 'áéíóúǘÁÉÍÓÚǗ'], [3, 'ǎěǐǒǔǚǍĚǏǑǓǙ'], [4, 'àèìòùǜÀÈÌÒÙǛ']] as const) {
  for (const letter of letters) MARKS[letter] = tone;
}

/** 1–4, 5 for the neutral tone, 0 for what is not a pinyin syllable (digits, Latin words). */
export function toneOf(syllable: string): number {
  for (const ch of syllable) if (MARKS[ch]) return MARKS[ch]!;
  return /^[a-zü]+r?$/i.test(syllable) && /[aeiouü]/i.test(syllable) ? 5 : 0;
}

/** Splits a pinyin string into syllables and the separators between them (kept, so that it reads the same). */
export function pinyinTokens(pinyin: string): { text: string; tone: number }[] {
  return pinyin.split(/(\s+|,\s*)/).filter((t) => t.length > 0).map((text) => ({ text, tone: /^[\s,]/.test(text) ? 0 : toneOf(text) }));
}

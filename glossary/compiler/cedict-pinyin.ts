/**
 * CC-CEDICT's numbered pinyin ("Bei3 jing1", "lu:4", "r5") as tone marks ("Běi jīng", "lǜ", "r"), at build time,
 * so that the extension ships one reading per entry and derives the numbered form from it where the reader asks
 * for numbers (lib/pinyin/tones.ts, numberedPinyin).
 */

const MARKS: Record<string, string> = {
  a: 'āáǎà',
  e: 'ēéěè',
  i: 'īíǐì',
  o: 'ōóǒò',
  u: 'ūúǔù',
  ü: 'ǖǘǚǜ',
};
/** Combining marks for syllables without a vowel (m2, ng4, hm): ḿ, ǹg. */
const COMBINING = ['\u0304', '\u0301', '\u030c', '\u0300'];

/** One syllable: "zhuang4" → "zhuàng", "Lu:3" → "Lǚ", "ma5" → "ma"; anything else (C, 4S, ·) as it is. */
export function markSyllable(syllable: string): string {
  const match = /^([A-Za-zÜü:]+)([1-5])$/.exec(syllable);
  if (!match) return syllable;
  const letters = match[1]!.replace(/u:/g, 'ü').replace(/U:/g, 'Ü');
  const tone = Number(match[2]);
  if (tone === 5) return letters;
  const lower = letters.toLowerCase();
  // The mark goes on a or e, on the o of ou, else on the last vowel.
  let at = lower.search(/[ae]/);
  if (at < 0) at = lower.indexOf('ou');
  if (at < 0) {
    for (let i = lower.length - 1; i >= 0; i--) {
      if ('iouü'.includes(lower[i]!)) {
        at = i;
        break;
      }
    }
  }
  if (at < 0) {
    // m, n, ng, hm: the mark goes on the first m or n.
    const nasal = lower.search(/[mn]/);
    if (nasal < 0) return letters;
    return (letters.slice(0, nasal + 1) + COMBINING[tone - 1]! + letters.slice(nasal + 1)).normalize('NFC');
  }
  const vowel = lower[at]!;
  let marked = MARKS[vowel]![tone - 1]!;
  if (letters[at] !== vowel) marked = marked.toUpperCase();
  return letters.slice(0, at) + marked + letters.slice(at + 1);
}

/** A whole reading, syllable by syllable. */
export function markPinyin(numbered: string): string {
  return numbered.split(' ').map(markSyllable).join(' ');
}

/** Readings in brackets inside a sense ("see 什麼|什么[shen2 me5]") get tone marks too. */
export function markSense(sense: string): string {
  return sense.replace(/\[([^\]]*)\]/g, (whole, inner: string) =>
    /^[A-Za-z:1-5 ]+$/.test(inner) ? `[${markPinyin(inner)}]` : whole,
  );
}

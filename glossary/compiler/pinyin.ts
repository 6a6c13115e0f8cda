/**
 * Pinyin for glossary terms, computed at build time (pinyin-pro never ships in the extension). Digits and
 * Latin letters stay as they are; quotation marks are dropped; an enumeration comma becomes a comma and brackets
 * become ASCII ones around their syllables: 太（原）焦（作）线 is tài (yuán) jiāo (zuò) xiàn.
 * Tones are dictionary citation forms: no tone sandhi (一 yī, 不 bù), and a neutral tone only where the
 * dictionary writes one; the words that pinyin-pro reads with a full tone there are STYLE.md's neutral-tone table.
 */
import { pinyin } from 'pinyin-pro';
import { stripQuotes } from '../../lib/matcher/characters';

const HAN = /\p{Script=Han}/u;

/** Words read with a neutral tone, by their characters: 粮食 → liáng shi. */
export type NeutralToneWords = ReadonlyMap<string, string>;

export function computedPinyin(term: string, neutralTones: NeutralToneWords = new Map()): string {
  const text = stripQuotes(term);
  const tokens = pinyin(text, { type: 'all', toneType: 'symbol', nonZh: 'consecutive', toneSandhi: false }).map(
    ({ origin, pinyin: reading, isZh }) => ({ origin, reading: isZh ? reading : origin.trim() }),
  );
  const starts: number[] = [];
  tokens.reduce((offset, { origin }) => (starts.push(offset), offset + origin.length), 0);
  for (const [word, reading] of neutralTones) {
    const syllables = reading.split(' ');
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const first = starts.indexOf(at);
      if (first >= 0) syllables.forEach((syllable, i) => (tokens[first + i]!.reading = syllable));
    }
  }
  return tokens
    .map(({ reading }) => reading)
    .filter((token) => token.length > 0)
    .join(' ')
    .replace(/ ?[、，,] ?/g, ', ')
    .replace(/（ /g, '(')
    .replace(/ ）/g, ')');
}

export function hanCount(term: string): number {
  return [...term].filter((ch) => HAN.test(ch)).length;
}

/** Syllables of a pinyin string: the tokens that hold a letter but are not one of the term's Latin words. */
export function syllables(reading: string, term: string): string[] {
  const latinWords = new Set(stripQuotes(term).match(/[A-Za-z0-9+]+/g) ?? []);
  return reading
    .replace(/[,，、·()]/g, ' ')
    .split(/\s+/)
    .filter((token) => /\p{L}/u.test(token) && !latinWords.has(token));
}

/** Problems with an override, or [] when it is fine. */
export function checkOverride(term: string, override: string, neutralTones: NeutralToneWords = new Map()): string[] {
  const problems: string[] = [];
  const expected = hanCount(term);
  const found = syllables(override, term);
  const erhua = [...term].filter((ch) => ch === '儿').length;
  const erhuaSyllables = found.filter((s) => /r$/.test(s) && !/^(ér|èr|er|ěr)$/.test(s)).length;
  const allowed =
    found.length === expected || (erhua > 0 && found.length === expected - Math.min(erhua, erhuaSyllables));
  if (!allowed) problems.push(`has ${found.length} syllables for ${expected} Chinese characters`);
  const bad = found.filter((s) => !/^[a-zü\u00e0-\u01dc\u0300-\u036f]+$/iu.test(s));
  if (bad.length > 0) problems.push(`has tokens that are not pinyin syllables: ${bad.join(' ')}`);
  if (override === computedPinyin(term, neutralTones))
    problems.push('is the same as the computed reading: remove the override');
  return problems;
}

/**
 * Pinyin for glossary terms, computed at build time (pinyin-pro never ships in the extension). Digits and
 * Latin letters stay as they are; quotation marks are dropped; an enumeration comma becomes a comma.
 * Tones are citation tones (一 yī, 不 bù), as dictionaries and flashcards write them, not tone sandhi.
 */
import { pinyin } from 'pinyin-pro';
import { stripQuotes } from '../../lib/matcher/characters';

const HAN = /\p{Script=Han}/u;

export function computedPinyin(term: string): string {
  const tokens = pinyin(stripQuotes(term), {
    type: 'array',
    toneType: 'symbol',
    nonZh: 'consecutive',
    toneSandhi: false,
  });
  return tokens
    .map((token) => token.trim())
    .filter((token) => token.length > 0)
    .join(' ')
    .replace(/ ?[、，,] ?/g, ', ');
}

export function hanCount(term: string): number {
  return [...term].filter((ch) => HAN.test(ch)).length;
}

/** Syllables of a pinyin string: the tokens that hold a letter but are not one of the term's Latin words. */
export function syllables(reading: string, term: string): string[] {
  const latinWords = new Set(stripQuotes(term).match(/[A-Za-z0-9+]+/g) ?? []);
  return reading
    .replace(/[,，、·]/g, ' ')
    .split(/\s+/)
    .filter((token) => /\p{L}/u.test(token) && !latinWords.has(token));
}

/** Problems with an override, or [] when it is fine. */
export function checkOverride(term: string, override: string): string[] {
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
  if (override === computedPinyin(term)) problems.push('is the same as pinyin-pro gives: remove the override');
  return problems;
}

/**
 * Pinyin as the search matches it: an entry's pinyin as flat records (letters run together, each letter's
 * syllable, each syllable's tone), a typed query read as pinyin (toned, toneless, tone numbers, initials),
 * and where one matches the other.
 */
import { letterOf } from './tones';

export interface PinyinRecord {
  /** The syllables' letters run together, toneless, ü as v: "jiaozuo". */
  letters: string;
  /** For each letter, the index of its syllable. */
  syllableOf: Uint8Array;
  /** Each syllable's tone: 1–4, 5 for the neutral tone. */
  tones: Uint8Array;
  /** Where each syllable starts in `letters`. */
  starts: number[];
  /** The first letter of each syllable: "yqwc". */
  initials: string;
}

/**
 * The syllables of tone-marked pinyin ("jiāo zuò gāo xīn qū", "zhuǎn biàn zuò fēng, …", "xī dà jǐng 1919",
 * "tài (yuán) jiāo (zuò) xiàn"):
 * digits and Latin words (25311, 5G, 3+13+N) are not syllables and are left to the term's own text.
 */
export function pinyinRecord(pinyin: string): PinyinRecord {
  let letters = '';
  const syllableOf: number[] = [];
  const tones: number[] = [];
  const starts: number[] = [];
  for (const token of pinyin
    .normalize('NFC')
    .toLowerCase()
    .split(/[\s,·+()]+/)) {
    let plain = '';
    let tone = 5;
    for (const ch of token) {
      const letter = letterOf(ch);
      plain += letter.plain;
      if (letter.tone) tone = letter.tone;
    }
    if (!/^[a-z]+$/.test(plain) || !/[aeiouv]/.test(plain)) continue;
    starts.push(letters.length);
    for (let i = 0; i < plain.length; i++) syllableOf.push(tones.length);
    tones.push(tone);
    letters += plain;
  }
  return {
    letters,
    syllableOf: Uint8Array.from(syllableOf),
    tones: Uint8Array.from(tones),
    starts,
    initials: starts.map((at) => letters[at]).join(''),
  };
}

/**
 * What may stand between syllables in a query: spaces, xi'an's apostrophe, and pinyin pasted with its punctuation
 * (the glossary writes 太（原）焦（作）线 as tài (yuán) jiāo (zuò) xiàn).
 */
const SEPARATORS = new Set([...` '-·,，、+()（）`]);

/** Letters with an optional tone (0: any); a tone number closing a syllable; a syllable boundary (a space). */
type PinyinItem = { letter: string; tone: number } | { closes: number } | { boundary: true };

/** The query read as pinyin, or null when it cannot be pinyin (hanzi, punctuation, a bare number). */
export function parsePinyin(q: string): PinyinItem[] | null {
  const items: PinyinItem[] = [];
  for (const ch of q) {
    const last = items[items.length - 1];
    const { plain, tone } = letterOf(ch);
    if ((ch >= 'a' && ch <= 'z') || ch === 'ü' || tone > 0) items.push({ letter: plain, tone });
    else if (ch >= '1' && ch <= '5' && last && 'letter' in last) items.push({ closes: Number(ch) });
    else if (SEPARATORS.has(ch)) {
      if (last && !('boundary' in last)) items.push({ boundary: true });
    } else return null;
  }
  while (items.length > 0 && 'boundary' in items[items.length - 1]!) items.pop();
  return items.some((item) => 'letter' in item) ? items : null;
}

export interface PinyinMatch {
  /** The syllable where the match starts. */
  syllable: number;
  /** The query covers the whole pinyin. */
  whole: boolean;
  /** The query stops inside a syllable (still being typed: xian for xiāng). */
  partial: boolean;
  /** The letters match but a tone the query gave does not. */
  wrongTone: boolean;
}

/**
 * A parsed query in flat arrays: the search tries it at every syllable of every entry on each keystroke, so
 * the inner loop reads numbers only (no objects, no closures).
 */
interface CompiledPinyin {
  /** Per item: LETTER, CLOSES (a tone number) or BOUNDARY. */
  kind: Uint8Array;
  /** A letter's char code. */
  code: Uint16Array;
  /** A letter's tone mark (0: none), or the tone number. */
  tone: Uint8Array;
  /** Whether any item asks for a tone (else a failed match need not be tried again without tones). */
  toned: boolean;
}

const LETTER = 0;
const CLOSES = 1;
const BOUNDARY = 2;
const CODE_U = 'u'.charCodeAt(0);
const CODE_V = 'v'.charCodeAt(0);

export function compilePinyin(items: PinyinItem[]): CompiledPinyin {
  const kind = new Uint8Array(items.length);
  const code = new Uint16Array(items.length);
  const tone = new Uint8Array(items.length);
  let toned = false;
  items.forEach((item, i) => {
    if ('letter' in item) {
      kind[i] = LETTER;
      code[i] = item.letter.charCodeAt(0);
      tone[i] = item.tone;
      toned ||= item.tone !== 0;
    } else if ('closes' in item) {
      kind[i] = CLOSES;
      tone[i] = item.closes;
      toned = true;
    } else kind[i] = BOUNDARY;
  });
  return { kind, code, tone, toned };
}

/**
 * Where the query matches the entry's pinyin, starting at a syllable: the first such syllable. A query whose
 * tones do not fit still matches on its letters (a misremembered tone), flagged so that it ranks last.
 */
export function matchPinyin(record: PinyinRecord, query: PinyinItem[] | CompiledPinyin): PinyinMatch | null {
  const compiled = Array.isArray(query) ? compilePinyin(query) : query;
  return (
    matchAnySyllable(record, compiled, true) ?? (compiled.toned ? matchAnySyllable(record, compiled, false) : null)
  );
}

function matchAnySyllable(record: PinyinRecord, query: CompiledPinyin, strictTones: boolean): PinyinMatch | null {
  const { letters, starts, syllableOf } = record;
  // The first item is always a letter (parsePinyin drops leading separators; a tone follows a letter).
  const first = query.code[0]!;
  for (let s = 0; s < starts.length; s++) {
    const at = starts[s]!;
    const have = letters.charCodeAt(at);
    if (have !== first && !(first === CODE_U && have === CODE_V)) continue;
    const end = matchFrom(record, query, at, strictTones);
    if (end < 0) continue;
    const partial = end < letters.length && syllableOf[end] === syllableOf[end - 1];
    return { syllable: s, whole: s === 0 && end === letters.length, partial, wrongTone: !strictTones };
  }
  return null;
}

/** The letter offset where the match starting at `pos` ends, or -1. */
function matchFrom(record: PinyinRecord, query: CompiledPinyin, pos: number, strictTones: boolean): number {
  const { letters, syllableOf, tones } = record;
  const length = letters.length;
  const { kind, code, tone } = query;
  for (let i = 0; i < kind.length; i++) {
    const k = kind[i];
    if (k === LETTER) {
      if (pos >= length) return -1;
      const have = letters.charCodeAt(pos);
      const want = code[i]!;
      // u for ü: lu finds lǜ (written lv here), as most readers type it.
      if (want !== have && !(want === CODE_U && have === CODE_V)) return -1;
      if (strictTones && tone[i] !== 0 && tones[syllableOf[pos]!] !== tone[i]) return -1;
      pos++;
    } else {
      // A tone number or a space stands at the end of a syllable.
      if (pos < length && syllableOf[pos] === syllableOf[pos - 1]) return -1;
      if (k === CLOSES && strictTones && tones[syllableOf[pos - 1]!] !== tone[i]) return -1;
    }
  }
  return pos;
}

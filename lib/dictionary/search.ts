/**
 * Finding dictionary words from what a reader types, as lib/search.ts finds glossary entries: hanzi (the word,
 * then words that start with it), pinyin (toned, tone numbers or toneless, with or without spaces: the reading
 * starting with what was typed) and English (entries whose senses have every word typed, the last one possibly
 * cut short). Initials are left to the glossary: among 120,000 words "bj" names hundreds, in no useful order.
 *
 * Every lookup reads the build's index (search-format.ts) in place; only the candidates are decoded, and they
 * are capped, so a keystroke costs a few milliseconds at most. The dictionary's entries must all have been read
 * (Dictionary.loadAll).
 */
import type { DictionaryEntry } from '../dictionary-types';
import type { Dictionary } from './dictionary';
import { KeyTable } from './key-table';
import { SEARCH_LAYOUT, STOP_WORDS, readPostings, senseParts, withoutTo } from './search-format';
import { readSections } from './sections';
import { compilePinyin, matchPinyin, parsePinyin, pinyinRecord } from '../pinyin/match';
import { englishWords, normalise } from '../search';

export interface DictionaryHit {
  /** The entry's index in the dictionary. */
  index: number;
  entry: DictionaryEntry;
  field: 'hanzi' | 'pinyin' | 'english';
  /** 0 exact, 1 the word or reading starts with the query, 2 a sense has the words together, 3 loose. */
  tier: number;
}

/** Candidates decoded per query at most: enough to fill a list, few enough to stay fast on one letter. */
const MAX_CANDIDATES = 300;
/** Words that a last, unfinished English word may stand for, at most (the shortest first). */
const MAX_COMPLETIONS = 40;
/** A last English word shorter than this is taken as typed, not as the start of longer words. */
const MIN_PREFIX = 3;

const FIELD_ORDER = { hanzi: 0, pinyin: 1, english: 2 } as const;

export class DictionarySearch {
  private readonly pinyin: KeyTable;
  private readonly pinyinEntries: Uint32Array;
  private readonly words: KeyTable;
  private readonly postingStart: Uint32Array;
  private readonly postings: Uint8Array;
  /** Scratch: for each entry, how many of the query's English words it has. */
  private readonly wordCount: Uint8Array;

  constructor(
    readonly dictionary: Dictionary,
    index: ArrayBuffer,
  ) {
    const sections = readSections(SEARCH_LAYOUT, index, 'dictionary search index');
    this.pinyin = new KeyTable(sections.pinyinChars, sections.pinyinGroups);
    this.pinyinEntries = sections.pinyinEntries;
    this.words = new KeyTable(sections.wordChars, sections.wordGroups);
    this.postingStart = sections.postingStart;
    this.postings = sections.postings;
    this.wordCount = new Uint8Array(dictionary.entryCount);
  }

  /** The best hits first; [] for a blank query. */
  search(query: string, limit = 30): DictionaryHit[] {
    const q = normalise(query);
    if (q.length === 0) return [];
    const best = new Map<number, DictionaryHit>();
    const consider = (index: number, field: DictionaryHit['field'], tier: number, entry?: DictionaryEntry) => {
      const current = best.get(index);
      if (
        current &&
        (current.tier < tier || (current.tier === tier && FIELD_ORDER[current.field] <= FIELD_ORDER[field]))
      )
        return;
      best.set(index, { index, entry: entry ?? current?.entry ?? this.dictionary.entry(index), field, tier });
    };
    if (/\p{Script=Han}/u.test(q)) this.hanzi(q.replace(/\s+/g, ''), consider);
    else {
      this.readings(q, consider);
      this.english(query, consider);
    }
    return [...best.values()]
      .sort(
        (a, b) =>
          a.tier - b.tier ||
          FIELD_ORDER[a.field] - FIELD_ORDER[b.field] ||
          a.entry.simplified.length - b.entry.simplified.length ||
          a.index - b.index,
      )
      .slice(0, limit);
  }

  /** The word itself, then words that start with it, shortest first. */
  private hanzi(form: string, consider: (index: number, field: 'hanzi', tier: number) => void): void {
    let taken = 0;
    for (const [first, end] of this.dictionary.keys.withPrefix(form)) {
      const exact = this.dictionary.keys.lengthOf(first) === form.length;
      for (let row = first; row < end && taken < MAX_CANDIDATES; row++, taken++) {
        consider(this.dictionary.entryOfRow(row), 'hanzi', exact ? 0 : 1);
      }
    }
  }

  /** Readings that start with the letters typed, checked syllable by syllable (and tone by tone, if given). */
  private readings(
    q: string,
    consider: (index: number, field: 'pinyin', tier: number, entry: DictionaryEntry) => void,
  ) {
    const parsed = parsePinyin(q);
    if (!parsed) return;
    const letters = parsed.map((item) => ('letter' in item ? item.letter : '')).join('');
    const compiled = compilePinyin(parsed);
    let taken = 0;
    for (const [first, end] of this.pinyin.withPrefix(letters)) {
      for (let row = first; row < end && taken < MAX_CANDIDATES; row++, taken++) {
        const index = this.pinyinEntries[row]!;
        const entry = this.dictionary.entry(index);
        const match = matchPinyin(pinyinRecord(entry.pinyin), compiled);
        if (!match || match.syllable !== 0) continue;
        consider(index, 'pinyin', match.wrongTone ? 3 : match.whole ? 0 : 1, entry);
      }
    }
  }

  /** Entries whose senses have every word of the query (the last possibly unfinished), ranked by the best sense. */
  private english(
    query: string,
    consider: (index: number, field: 'english', tier: number, entry: DictionaryEntry) => void,
  ) {
    const typed = englishWords(query);
    const words = typed.filter((word) => !STOP_WORDS.has(word));
    if (words.length === 0) return;
    const counts = this.wordCount;
    counts.fill(0);
    // Entries where the last word heads a part of a sense first: "city" is in 3,000 entries, and 城市 is
    // among the few hundred where a sense starts with it.
    const leading: number[] = [];
    const others: number[] = [];
    words.forEach((word, w) => {
      const last = w === words.length - 1;
      const rows = last && word.length >= MIN_PREFIX ? this.completions(word) : this.exactWord(word);
      for (const row of rows) {
        readPostings(this.postings, this.postingStart[row]!, this.postingStart[row + 1]!, (entry, leads) => {
          if (counts[entry] !== w) return;
          counts[entry] = w + 1;
          if (last) (leads ? leading : others).push(entry);
        });
      }
    });
    const phrase = withoutTo(typed);
    for (const index of [...leading, ...others].slice(0, MAX_CANDIDATES)) {
      const entry = this.dictionary.entry(index);
      consider(index, 'english', Math.min(...entry.senses.map((sense) => senseTier(sense, phrase))), entry);
    }
  }

  private exactWord(word: string): number[] {
    const [first, end] = this.words.find(word, 0, word.length);
    return end > first ? [first] : [];
  }

  /** The word and the words that start with it, shortest first. */
  private completions(prefix: string): number[] {
    const rows: number[] = [];
    for (const [first, end] of this.words.withPrefix(prefix)) {
      for (let row = first; row < end && rows.length < MAX_COMPLETIONS; row++) rows.push(row);
    }
    return rows;
  }
}

/**
 * How well one sense answers an English query: 0 one of its parts is the query, 1 a part starts with it, 2 a
 * part has its words together, 3 the words are there.
 */
function senseTier(sense: string, phrase: string[]): number {
  let tier = 3;
  for (const words of senseParts(sense)) {
    const at = indexOfRun(words, phrase);
    if (at >= 0) tier = Math.min(tier, at > 0 ? 2 : words.length === phrase.length ? 0 : 1);
  }
  return tier;
}

/** Where `run` first stands in `words`, or -1. */
function indexOfRun(words: string[], run: string[]): number {
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Finding glossary entries from what a reader types: hanzi (any part of a term or alias), pinyin with tone
 * marks, tone numbers or no tones at all, with or without spaces (jiāo zuò, jiao1zuo4, jiaozuo), the initials
 * of the syllables (yqwc for 一区五城), and English words of the gloss and explanation.
 *
 * Everything that does not depend on the query is worked out once, when the index is built, so that a search
 * is a loop over a few hundred small records: well under a millisecond, fast enough to run on every keystroke.
 * Numbered and toneless pinyin are derived here from the entries' tone-marked pinyin (pinyin-pro is a build
 * tool and never ships in the extension).
 */
import type { GlossaryData, GlossaryEntry } from './glossary-types';
import { stripQuotes } from './matcher/characters';
import { compilePinyin, matchPinyin, parsePinyin, pinyinRecord, type PinyinRecord } from './pinyin/match';

/** What matched; also the tie-break between equally good matches, in this order. */
type MatchField = 'term' | 'alias' | 'pinyin' | 'initials' | 'gloss' | 'explanation';

export interface SearchHit {
  entry: GlossaryEntry;
  /** The entry's position in GlossaryData.entries. */
  index: number;
  field: MatchField;
  /** How good the match is: 0 exact, 1 prefix, 2 inside a term or a whole English word, 3 loose. */
  tier: number;
  /** The alias that matched, when field is 'alias'. */
  alias?: string;
}

export interface GlossarySearch {
  /** Entries matching the query, best first; [] for a blank query. */
  search(query: string, limit?: number): SearchHit[];
}

const EXACT = 0;
const PREFIX = 1;
const INSIDE = 2;
const LOOSE = 3;

const FIELD_ORDER: Record<MatchField, number> = { term: 0, alias: 1, pinyin: 2, initials: 3, gloss: 4, explanation: 5 };

interface EntryRecord {
  entry: GlossaryEntry;
  index: number;
  /** The term, its aliases, then its traditional forms: lower case, width-folded, without quotation marks. */
  forms: string[];
  pinyin: PinyinRecord;
  /** The gloss as words joined by single spaces, lower case: "one zone five cities". */
  gloss: string;
}

/** One English word of the glossary and the entries that use it. */
interface WordPosting {
  word: string;
  gloss: number[];
  explanation: number[];
}

interface Candidate {
  record: EntryRecord;
  field: MatchField;
  tier: number;
  /** Secondary order within a tier and field (where the match starts; partial English words). */
  order: number;
  alias?: string;
}

export function createSearch(glossary: GlossaryData): GlossarySearch {
  const records = glossary.entries.map((entry, index) => entryRecord(entry, index));
  const words = wordIndex(glossary.entries);
  // Scratch space for the English matcher, reused by every query: a search allocates little.
  const wordHit = new Uint8Array(records.length);
  const found = new Uint8Array(records.length);
  const inGloss = new Uint8Array(records.length);
  const partial = new Uint8Array(records.length);

  /** Entries that have every query word (as a word or the start of one) in their gloss or explanation. */
  function english(queryWords: string[], phrase: string, consider: (candidate: Candidate) => void): void {
    found.fill(0);
    inGloss.fill(0);
    partial.fill(0);
    for (const queryWord of queryWords) {
      wordHit.fill(0);
      for (let i = lowerBound(words, queryWord); i < words.length && words[i]!.word.startsWith(queryWord); i++) {
        const posting = words[i]!;
        const whole = posting.word === queryWord;
        // The best place for this word in each entry: 4 a whole gloss word, 3 part of one, 2 and 1 likewise
        // in the explanation.
        for (const e of posting.gloss) wordHit[e] = Math.max(wordHit[e]!, whole ? 4 : 3);
        for (const e of posting.explanation) wordHit[e] = Math.max(wordHit[e]!, whole ? 2 : 1);
      }
      for (let e = 0; e < records.length; e++) {
        const hit = wordHit[e]!;
        if (hit === 0) continue;
        found[e]!++;
        if (hit >= 3) inGloss[e]!++;
        if (hit === 3 || hit === 1) partial[e]!++;
      }
    }
    const n = queryWords.length;
    for (let e = 0; e < records.length; e++) {
      if (found[e] !== n) continue;
      const record = records[e]!;
      if (inGloss[e] === n) {
        const tier = record.gloss === phrase ? EXACT : record.gloss.startsWith(phrase) ? PREFIX : INSIDE;
        consider({ record, field: 'gloss', tier, order: partial[e]! });
      } else {
        consider({ record, field: 'explanation', tier: LOOSE, order: partial[e]! });
      }
    }
  }

  return {
    search(query: string, limit = Infinity): SearchHit[] {
      const q = normalise(query);
      if (q.length === 0) return [];
      const best = new Map<EntryRecord, Candidate>();
      const consider = (candidate: Candidate) => {
        const current = best.get(candidate.record);
        if (!current || compareCandidates(candidate, current) < 0) best.set(candidate.record, candidate);
      };

      const han = /\p{Script=Han}/u.test(q);
      // Chinese is written without spaces: 一区 五城 means 一区五城.
      const formQuery = han ? q.replace(/\s+/g, '') : q;
      for (const record of records) {
        record.forms.forEach((form, i) => {
          const at = form.indexOf(formQuery);
          if (at < 0) return;
          const tier = at > 0 ? INSIDE : form.length === formQuery.length ? EXACT : PREFIX;
          // A traditional form is the term (or an alias) in another script: found as the term.
          const alias = i === 0 ? undefined : record.entry.aliases[i - 1];
          consider({ record, field: alias === undefined ? 'term' : 'alias', tier, order: at, alias });
        });
      }
      if (han) return finish(best, limit);

      const parsed = parsePinyin(q);
      const pinyinQuery = parsed ? compilePinyin(parsed) : null;
      if (pinyinQuery) {
        const initialsQuery = /^[a-z]{2,}$/.test(q) ? q : null;
        for (const record of records) {
          const at = matchPinyin(record.pinyin, pinyinQuery);
          if (at) {
            const tier = at.wrongTone ? LOOSE : at.whole ? EXACT : at.syllable === 0 ? PREFIX : INSIDE;
            // Whole syllables before a syllable still being typed: xian finds 先 (xiān) before 乡 (xiāng).
            consider({ record, field: 'pinyin', tier, order: at.syllable * 2 + (at.partial ? 1 : 0) });
          }
          if (initialsQuery && record.pinyin.initials.startsWith(initialsQuery)) {
            consider({
              record,
              field: 'initials',
              tier: record.pinyin.initials.length === initialsQuery.length ? EXACT : PREFIX,
              order: 0,
            });
          }
        }
      }

      // From the query as typed: normalise() drops apostrophes with the quotation marks, and Henan's is two words.
      const queryWords = englishWords(query);
      if (queryWords.length > 0) {
        // A query that reads as Chinese (jiao, tai) would find its syllable in English explanations all over
        // the glossary (Jiaozuo, Taihang): there, explanations are left out; the gloss still counts.
        const readsAsChinese = [...best.values()].some((c) => c.field !== 'gloss' && c.field !== 'explanation');
        english(
          queryWords,
          queryWords.join(' '),
          readsAsChinese ? (c) => c.field === 'gloss' && consider(c) : consider,
        );
      }
      return finish(best, limit);
    },
  };
}

function finish(best: Map<EntryRecord, Candidate>, limit: number): SearchHit[] {
  const sorted = [...best.values()].sort(compareCandidates);
  return sorted
    .slice(0, limit)
    .map(({ record, field, tier, alias }) =>
      alias === undefined
        ? { entry: record.entry, index: record.index, field, tier }
        : { entry: record.entry, index: record.index, field, tier, alias },
    );
}

/** Better tier, then the more telling field, then the earlier match, then the shorter term, then glossary order. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    a.tier - b.tier ||
    FIELD_ORDER[a.field] - FIELD_ORDER[b.field] ||
    a.order - b.order ||
    a.record.forms[0]!.length - b.record.forms[0]!.length ||
    a.record.index - b.record.index
  );
}

/** Lower case, full-width forms folded (ｊｉａｏ, ２５３１１), quotation marks removed, spaces collapsed. */
export function normalise(text: string): string {
  return stripQuotes(text.normalize('NFKC').toLowerCase()).replace(/\s+/g, ' ').trim();
}

function entryRecord(entry: GlossaryEntry, index: number): EntryRecord {
  return {
    entry,
    index,
    forms: [entry.term, ...entry.aliases, ...entry.traditional].map(normalise),
    pinyin: pinyinRecord(entry.pinyin),
    gloss: englishWords(entry.gloss).join(' '),
  };
}

// ---- English

/** Lower-case words of English text, accents removed ("High-tech Zone" → high, tech, zone). */
export function englishWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

function wordIndex(entries: GlossaryEntry[]): WordPosting[] {
  const postings = new Map<string, WordPosting>();
  const add = (word: string, field: 'gloss' | 'explanation', index: number) => {
    let posting = postings.get(word);
    if (!posting) postings.set(word, (posting = { word, gloss: [], explanation: [] }));
    const list = posting[field];
    if (list[list.length - 1] !== index) list.push(index);
  };
  entries.forEach((entry, index) => {
    for (const word of englishWords(entry.gloss)) add(word, 'gloss', index);
    for (const word of englishWords(entry.explanation)) add(word, 'explanation', index);
  });
  return [...postings.values()].sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}

/** The first posting whose word is not before `word`. */
function lowerBound(postings: WordPosting[], word: string): number {
  let low = 0;
  let high = postings.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (postings[mid]!.word < word) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Looking up a selection from a page (the context menu's "Look up in the Jiaozuo glossary"). A selection is
 * often longer than a term (a phrase, a whole sentence): the terms it contains are found with the page's own
 * matcher, in the order they appear. A selection with no whole term in it (part of a term, pinyin, English)
 * goes to the glossary search instead.
 */
import type { GlossaryData, GlossaryEntry, MatcherData } from './glossary-types';
import { Matcher } from './matcher/matcher';
import { ANCHOR, AMBIGUOUS, inGlossarySense, standsAsWord, type IsWord } from './matcher/sense';
import type { GlossarySearch } from './search';

/** Longer selections are cut: a context menu sends what the reader selected, which may be a whole page. */
export const MAX_LOOKUP_CHARS = 2000;
/** Search results beyond this are not listed (the glossary page's filter shows them all). */
const MAX_SEARCH_HITS = 20;

export interface LookupResult {
  /** The selection as looked up: trimmed, whitespace collapsed, cut at MAX_LOOKUP_CHARS. */
  text: string;
  /** contains: terms found in the text; search: entries the search finds for it; none: nothing. */
  kind: 'contains' | 'search' | 'none';
  entries: GlossaryEntry[];
}

export function selectionText(raw: string): string {
  return [...raw.replace(/\s+/g, ' ').trim()].slice(0, MAX_LOOKUP_CHARS).join('');
}

/** The general dictionary, as the word check needs it (lib/matcher/sense.ts): what a word is, and the longest. */
export interface Words {
  isWordIn(text: string): IsWord;
  longest: number;
}

/**
 * The lookup. The terms a selection contains obey "Where a form is matched" (glossary/README.md) with the
 * selection as the page: an ambiguous form only beside an anchor in it, and, once the dictionary is read
 * (`words`), a short form only where it stands as a word.
 */
export function createLookup(
  glossary: GlossaryData,
  matcherData: MatcherData,
  search: GlossarySearch,
): (raw: string, words?: Words) => LookupResult {
  const matcher = new Matcher(matcherData.trie);
  const byTerm = new Map(glossary.entries.map((entry) => [entry.term, entry]));
  return (raw, words) => {
    const text = selectionText(raw);
    if (text === '') return { text, kind: 'none', entries: [] };
    const contained = new Set<GlossaryEntry>();
    const found = matcher.findLongest(text);
    const aboutJiaozuo = found.some((match) => match.flags & ANCHOR);
    const isWord = words?.isWordIn(text);
    const inSense = inGlossarySense(text, found, aboutJiaozuo, (match, before, after) =>
      isWord
        ? standsAsWord(match, isWord, words!.longest, {
            from: before,
            to: after,
            strict: (match.flags & AMBIGUOUS) !== 0,
          })
        : (match.flags & AMBIGUOUS) === 0,
    );
    for (const match of inSense) {
      const entry = byTerm.get(matcherData.terms[match.entry]!);
      if (entry) contained.add(entry);
    }
    if (contained.size > 0) return { text, kind: 'contains', entries: [...contained] };
    const hits = search.search(text, MAX_SEARCH_HITS);
    return hits.length > 0
      ? { text, kind: 'search', entries: hits.map((hit) => hit.entry) }
      : { text, kind: 'none', entries: [] };
  };
}

/**
 * The shapes of the dictionary's answers (lib/dictionary/), as the parts that ask it see them: the content
 * script included, which may import this module (shapes and one number) but nothing of lib/dictionary/.
 */

/** Another word an entry points to: a classifier it takes, or the word it is a variant of. */
export interface WordRef {
  traditional: string;
  simplified: string;
  /** Tone marks; '' when the source gives none. */
  pinyin: string;
}

/** One CC-CEDICT entry, as the dictionary answers it. */
export interface DictionaryEntry {
  traditional: string;
  simplified: string;
  /** Tone marks, one syllable per space-separated token: "Běi jīng" (capitalised for proper nouns). */
  pinyin: string;
  /** The English senses, in CC-CEDICT's order (at most MAX_SENSES). */
  senses: string[];
  /** Measure words the noun takes (CC-CEDICT's CL:). */
  classifiers: WordRef[];
  /** The words this entry is a variant of. */
  variantOf: WordRef[];
}

/** Text sent around the pointer: the longest word is 19 code units, and a little context either side does. */
export const MAX_LOOKUP_TEXT = 64;

export interface DictionaryWord {
  /** The word as it stands in the text. */
  text: string;
  /** Where it stands in the text that was sent: [start, end), in UTF-16 code units. */
  start: number;
  end: number;
  /** Every entry written this way (simplified or traditional), in CC-CEDICT's order. */
  entries: DictionaryEntry[];
  /**
   * The glossary term written the same way, if there is one: its card is the one to show. Only then: a
   * dictionary word is never presented as a Jiaozuo term.
   */
  glossaryTerm?: string;
}

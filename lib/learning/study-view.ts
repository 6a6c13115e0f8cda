/**
 * What the Learn page and the exports show of an item on the study list: a glossary term's entry, or what the
 * general dictionary said of a word saved from it (SavedTerm.word). Each from its own source: a dictionary word
 * is never shown with a glossary entry's explanation, even where the glossary has a term written the same way.
 */
import type { DictionaryEntry } from '../dictionary-types';
import type { EntryDetails } from '../entry-details';
import type { SavedTerm, SavedWord } from './model';

export interface StudyView {
  term: string;
  source: 'glossary' | 'dictionary';
  /** Pinyin with tone marks; a dictionary word's readings, when it has several, separated by " / ". */
  pinyin: string;
  /**
   * The meaning in one line: the glossary's gloss, or the dictionary's senses (without their readings: the
   * review asks for the word from it).
   */
  gloss: string;
  /** The glossary's explanation ('' for a dictionary word). */
  explanation: string;
  /** A dictionary word's entries (none for a glossary term). */
  entries: DictionaryEntry[];
  /** A sentence holding the term, and where it stands in it: what a cloze card asks (null: none to ask). */
  cloze: { text: string; start: number; end: number } | null;
  /** The glossary's entry (null for a dictionary word). */
  details: EntryDetails | null;
}

/**
 * The view of a saved item: from the dictionary's data kept with a saved word, or from the glossary (`details`
 * of the term); null for a glossary term the glossary no longer has.
 */
export function studyView(item: SavedTerm, details: (term: string) => EntryDetails | null): StudyView | null {
  if (item.word) return wordView(item.term, item.word);
  const entry = details(item.term);
  if (!entry) return null;
  const context = entry.contexts[0];
  const [start, end] = context?.marks[0] ?? [0, 0];
  return {
    term: entry.term,
    source: 'glossary',
    pinyin: entry.pinyin,
    gloss: entry.gloss,
    explanation: entry.explanation,
    entries: [],
    cloze: context && end > start ? { text: context.text, start, end } : null,
    details: entry,
  };
}

function wordView(term: string, word: SavedWord): StudyView {
  const at = word.sentence.indexOf(term);
  return {
    term,
    source: 'dictionary',
    pinyin: readings(word.entries).join(' / '),
    gloss: meaning(word.entries, false),
    explanation: '',
    entries: word.entries,
    cloze: at >= 0 ? { text: word.sentence, start: at, end: at + term.length } : null,
    details: null,
  };
}

/** The distinct readings of a word's entries, in CC-CEDICT's order (发: fā, fà). */
function readings(entries: readonly DictionaryEntry[]): string[] {
  return [...new Set(entries.map((entry) => entry.pinyin))];
}

/**
 * A word's senses in one line: "to walk; to go", and with several readings, each reading's apart ("to walk; to
 * go | row; line"), named if `withReadings` ("xíng: to walk; to go | háng: row; line"). Entries with no senses
 * (a bare variant) are left out.
 */
export function meaning(entries: readonly DictionaryEntry[], withReadings: boolean): string {
  const byReading = new Map<string, string[]>();
  for (const entry of entries) {
    if (entry.senses.length === 0) continue;
    byReading.set(entry.pinyin, [...(byReading.get(entry.pinyin) ?? []), ...entry.senses]);
  }
  const lines = [...byReading].map(([pinyin, senses]) => ({ pinyin, senses: senses.join('; ') }));
  if (lines.length === 1 || !withReadings) return lines.map((line) => line.senses).join(' | ');
  return lines.map((line) => `${line.pinyin}: ${line.senses}`).join(' | ');
}

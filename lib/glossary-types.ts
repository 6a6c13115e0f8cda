/** The shapes of the glossary build's output (glossary/generated/), as the extension reads them. */
import type { TrieTables } from './matcher/compile';

/** glossary/generated/matcher.json: all the content script needs to find terms. */
export interface MatcherData {
  /** The main form of each entry, indexed by the trie's entry numbers. */
  terms: string[];
  trie: TrieTables;
}

export interface SourceDocument {
  id: string;
  headline: string;
  subheadline?: string;
  outlet: string;
  outletEnglish: string;
  period: string;
  year: number;
  paragraphs: { id: string; kind: 'heading' | 'byline' | 'text'; sentences: string[] }[];
}

/** A sentence that mentions an entry: one per sentence, however often the entry occurs in it. */
export interface Context {
  document: string;
  paragraph: string;
  sentence: string;
  /** Where the entry stands in the sentence's text: [start, end) pairs, in order, not overlapping. */
  marks: [number, number][];
}

export interface GlossaryEntry {
  term: string;
  aliases: string[];
  pinyin: string;
  /** Why the pinyin differs from pinyin-pro's reading, where it does. */
  pinyinReason?: string;
  gloss: string;
  explanation: string;
  category: string;
  breakdown: string[];
  related: string[];
  /** Entries named after this one (山阳区 after 山阳): their sentences are not this entry's contexts. */
  namesakes: string[];
  /** Index into contexts of the sentence that best shows the term, with its translation. */
  featured: { context: number; translation?: string };
  contexts: Context[];
  firstYear: number;
  lastYear: number;
}

/** glossary/generated/glossary.json: everything else (popover details, popup, pages, export). */
export interface GlossaryData {
  documents: SourceDocument[];
  /** Sentence id → cleaned text, for every sentence of every document. */
  sentences: Record<string, string>;
  entries: GlossaryEntry[];
}

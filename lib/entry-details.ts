/**
 * What the popover shows for one entry, shaped by the background from the full glossary so that the content
 * script never carries it: contexts are grouped by sentence, the featured one first.
 */
import type { GlossaryData, GlossaryEntry } from './glossary-types';

export interface ContextView {
  text: string;
  /** Where the term stands in `text`: [start, end) pairs. */
  marks: [number, number][];
  headline: string;
  outlet: string;
  period: string;
  /** The editor's English translation (the featured sentence only). */
  translation?: string;
}

export interface EntryDetails {
  term: string;
  aliases: string[];
  pinyin: string;
  gloss: string;
  explanation: string;
  category: string;
  breakdown: { term: string; gloss: string }[];
  related: { term: string; gloss: string }[];
  /** The featured sentence first, then the others in document order. */
  contexts: ContextView[];
  firstYear: number;
  lastYear: number;
}

export function entryDetails(
  glossary: GlossaryData,
  term: string,
  index = indexGlossary(glossary),
): EntryDetails | null {
  const entry = index.get(term);
  if (!entry) return null;
  const documents = new Map(glossary.documents.map((doc) => [doc.id, doc]));
  const featuredSentence = entry.contexts[entry.featured.context]?.sentence;
  const bySentence = new Map<string, ContextView>();
  for (const context of entry.contexts) {
    let view = bySentence.get(context.sentence);
    if (!view) {
      const doc = documents.get(context.document)!;
      view = {
        text: glossary.sentences[context.sentence]!,
        marks: [],
        headline: doc.headline,
        outlet: doc.outlet,
        period: doc.period,
      };
      if (context.sentence === featuredSentence && entry.featured.translation)
        view.translation = entry.featured.translation;
      bySentence.set(context.sentence, view);
    }
    // Nested occurrences (an alias inside the term) would overlap: keep the outermost.
    if (!view.marks.some(([s, e]) => context.start < e && context.end > s))
      view.marks.push([context.start, context.end]);
  }
  const contexts = [...bySentence.entries()]
    .sort(([a], [b]) => Number(b === featuredSentence) - Number(a === featuredSentence))
    .map(([, view]) => view);
  const summary = (name: string) => ({ term: name, gloss: index.get(name)?.gloss ?? '' });
  return {
    term: entry.term,
    aliases: entry.aliases,
    pinyin: entry.pinyin,
    gloss: entry.gloss,
    explanation: entry.explanation,
    category: entry.category,
    breakdown: entry.breakdown.map(summary),
    related: entry.related.map(summary),
    contexts,
    firstYear: entry.firstYear,
    lastYear: entry.lastYear,
  };
}

export function indexGlossary(glossary: GlossaryData): Map<string, GlossaryEntry> {
  return new Map(glossary.entries.map((entry) => [entry.term, entry]));
}

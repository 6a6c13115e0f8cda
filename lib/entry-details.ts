/**
 * What the popover shows for one entry, shaped by the background from the full glossary so that the content
 * script never carries it: one context per sentence, the featured one first.
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
  const views = entry.contexts.map((context, i): ContextView => {
    const doc = documents.get(context.document)!;
    return {
      text: glossary.sentences[context.sentence]!,
      marks: context.marks.map(([start, end]) => [start, end]),
      headline: doc.headline,
      outlet: doc.outlet,
      period: doc.period,
      ...(i === entry.featured.context && entry.featured.translation
        ? { translation: entry.featured.translation }
        : {}),
    };
  });
  const featured = views[entry.featured.context];
  const contexts = featured ? [featured, ...views.filter((view) => view !== featured)] : views;
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

/**
 * Every context of an entry, grouped by the source document it comes from (the popup's and the glossary
 * page's detail view; the in-page popover pages through them one sentence at a time instead).
 */
import type { GlossaryData, SourceDocument } from './glossary-types';

export interface SentenceContext {
  /** The sentence's id, e.g. 000.p26.s4 (the glossary page's reader scrolls to it). */
  id: string;
  text: string;
  /** Where the entry stands in `text`: [start, end) pairs, in order, not overlapping. */
  marks: [number, number][];
}

export interface DocumentContexts {
  document: Pick<SourceDocument, 'id' | 'headline' | 'subheadline' | 'outlet' | 'outletEnglish' | 'period'>;
  sentences: SentenceContext[];
}

/** The entry's sentences per document, both in reading order (the build's order); [] for an unknown term. */
export function contextsByDocument(glossary: GlossaryData, term: string): DocumentContexts[] {
  const entry = glossary.entries.find((e) => e.term === term);
  if (!entry) return [];
  const groups: DocumentContexts[] = [];
  for (const doc of glossary.documents) {
    const sentences = entry.contexts
      .filter((c) => c.document === doc.id)
      .map((c) => ({ id: c.sentence, text: glossary.sentences[c.sentence] ?? '', marks: c.marks.map(copyMark) }));
    if (sentences.length === 0) continue;
    const { id, headline, subheadline, outlet, outletEnglish, period } = doc;
    groups.push({ document: { id, headline, subheadline, outlet, outletEnglish, period }, sentences });
  }
  return groups;
}

const copyMark = ([start, end]: [number, number]): [number, number] => [start, end];

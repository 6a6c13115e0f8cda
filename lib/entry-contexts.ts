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

/** The entry's sentences per document, both in reading order; [] for an unknown term. */
export function contextsByDocument(glossary: GlossaryData, term: string): DocumentContexts[] {
  const entry = glossary.entries.find((e) => e.term === term);
  if (!entry) return [];
  const bySentence = new Map<string, SentenceContext>();
  for (const context of entry.contexts) {
    let sentence = bySentence.get(context.sentence);
    if (!sentence)
      bySentence.set(
        context.sentence,
        (sentence = { id: context.sentence, text: glossary.sentences[context.sentence] ?? '', marks: [] }),
      );
    // Nested occurrences (an alias inside the term) would overlap: keep the outermost.
    const overlapping = sentence.marks.filter(([s, e]) => context.start < e && context.end > s);
    if (overlapping.every(([s, e]) => context.start <= s && context.end >= e)) {
      sentence.marks = sentence.marks.filter((mark) => !overlapping.includes(mark));
      sentence.marks.push([context.start, context.end]);
    }
  }
  const groups: DocumentContexts[] = [];
  for (const doc of glossary.documents) {
    const order = new Map<string, number>();
    doc.paragraphs.forEach((paragraph) => paragraph.sentences.forEach((id) => order.set(id, order.size)));
    const sentences = [...bySentence.values()]
      .filter((s) => order.has(s.id))
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    if (sentences.length === 0) continue;
    for (const sentence of sentences) sentence.marks.sort(([a], [b]) => a - b);
    const { id, headline, subheadline, outlet, outletEnglish, period } = doc;
    groups.push({ document: { id, headline, subheadline, outlet, outletEnglish, period }, sentences });
  }
  return groups;
}

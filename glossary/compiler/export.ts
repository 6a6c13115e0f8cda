/** The command-line export: every entry with its contexts resolved to document and sentence text. */
import { csv } from '../../lib/csv';
import type { GlossaryData } from '../../lib/glossary-types';

function exportRecords(data: GlossaryData) {
  const documents = new Map(data.documents.map((doc) => [doc.id, doc]));
  return data.entries.map((entry) => {
    const contexts = entry.contexts.map((c) => {
      const doc = documents.get(c.document)!;
      return {
        document: c.document,
        headline: doc.headline,
        outlet: doc.outlet,
        period: doc.period,
        paragraph: c.paragraph,
        sentence: c.sentence,
        text: data.sentences[c.sentence]!,
        marks: c.marks,
      };
    });
    const featured = contexts[entry.featured.context]!;
    return {
      term: entry.term,
      aliases: entry.aliases,
      pinyin: entry.pinyin,
      ...(entry.pinyinReason ? { pinyinReason: entry.pinyinReason } : {}),
      gloss: entry.gloss,
      explanation: entry.explanation,
      category: entry.category,
      breakdown: entry.breakdown,
      related: entry.related,
      namesakes: entry.namesakes,
      featured: { sentence: featured.sentence, text: featured.text, translation: entry.featured.translation ?? null },
      firstYear: entry.firstYear,
      lastYear: entry.lastYear,
      contexts,
    };
  });
}

export function exportJson(data: GlossaryData): string {
  return `${JSON.stringify(exportRecords(data), null, 2)}\n`;
}

const CSV_COLUMNS = [
  'term',
  'aliases',
  'pinyin',
  'gloss',
  'explanation',
  'category',
  'breakdown',
  'related',
  'featured_sentence',
  'featured_translation',
  'first_year',
  'last_year',
  'context_count',
  'contexts',
] as const;

export function exportCsv(data: GlossaryData): string {
  const rows = exportRecords(data).map((r) => [
    r.term,
    r.aliases.join('; '),
    r.pinyin,
    r.gloss,
    r.explanation,
    r.category,
    r.breakdown.join('; '),
    r.related.join('; '),
    r.featured.text,
    r.featured.translation ?? '',
    String(r.firstYear),
    String(r.lastYear),
    String(r.contexts.length),
    r.contexts.map((c) => `[${c.sentence}] ${c.text}`).join('\n'),
  ]);
  return csv([[...CSV_COLUMNS], ...rows]);
}

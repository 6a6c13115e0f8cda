/**
 * The English of the featured sentences (glossary/translations.yaml): one translation per sentence, found by a
 * verbatim snippet, so that every entry that features a sentence shows the same English.
 */
import type { TranslationSource } from './schema';
import { normaliseSpacing } from './text';

export const TRANSLATIONS_FILE = 'translations.yaml';

export interface Translation {
  sentence: string;
  translation: string;
  /** `translations.yaml: translation "…"`, for messages. */
  where: string;
}

/** Each translation by the id of the one sentence its quote picks. */
export function indexTranslations(
  items: readonly TranslationSource[],
  sentences: Record<string, string>,
  problems: string[],
): Map<string, Translation> {
  const bySentence = new Map<string, Translation>();
  for (const { quote, translation } of items) {
    const where = `${TRANSLATIONS_FILE}: translation "${quote}"`;
    const snippet = normaliseSpacing(quote);
    const hits = Object.keys(sentences).filter((id) => sentences[id]!.includes(snippet));
    if (hits.length !== 1) {
      problems.push(`${where}, field "quote": must occur in exactly one sentence; it occurs in ${hits.length}`);
      continue;
    }
    const sentence = hits[0]!;
    const earlier = bySentence.get(sentence);
    if (earlier) {
      problems.push(`${where}, field "quote": sentence ${sentence} already has ${earlier.where.split(': ')[1]}`);
      continue;
    }
    bySentence.set(sentence, { sentence, translation, where });
  }
  return bySentence;
}

/** Problems with translations that no entry features: an orphan is English nobody will see or check. */
export function unusedTranslations(translations: Map<string, Translation>, featured: ReadonlySet<string>): string[] {
  return [...translations.values()]
    .filter(({ sentence }) => !featured.has(sentence))
    .map(({ sentence, where }) => `${where}, field "quote": sentence ${sentence} is featured by no entry`);
}

/** Which glossary term, if any, is written like a dictionary word: its term, an alias, or a traditional form. */
import type { GlossaryData } from '../glossary-types';
import { stripQuotes } from '../matcher/characters';
import { normaliseKey } from '../matcher/compile';

export function glossaryTermByForm(glossary: GlossaryData): (form: string) => string | undefined {
  const terms = new Map<string, string>();
  for (const entry of glossary.entries) {
    for (const form of [entry.term, ...entry.aliases, ...entry.traditional]) {
      terms.set(normaliseKey(stripQuotes(form)), entry.term);
    }
  }
  return (form) => terms.get(normaliseKey(stripQuotes(form)));
}

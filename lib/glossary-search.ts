/** The search index over the full glossary, built once per extension page on first use. */
import { createSearch, type GlossarySearch } from './search';
import { glossary } from './glossary';

let index: GlossarySearch | null = null;

export function glossarySearch(): GlossarySearch {
  index ??= createSearch(glossary);
  return index;
}

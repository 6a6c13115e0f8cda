/** One entry of the glossary page: a disclosure button with the term, opening to the entry's full detail. */
import type { GlossaryEntry } from '../../lib/glossary-types';
import { entryDetails, indexGlossary } from '../../lib/entry-details';
import { EntryDetail } from '../entry/EntryDetail';
import { glossary } from '../../lib/glossary';
import { categoryLabel } from './categories';
import { navigate } from './route';
import { formatRoute } from '../../lib/glossary-route';

const entriesByTerm = indexGlossary(glossary);

/** The element id of an entry's row (ids from the glossary index: terms hold characters ids should not). */
export function entryAnchor(index: number): string {
  return `entry-${index}`;
}

export interface EntryRowProps {
  entry: GlossaryEntry;
  index: number;
  open: boolean;
  onToggle(): void;
  /** Shows the entry's category (in a filtered list, where entries are not under their category). */
  showCategory?: boolean;
}

export function EntryRow({ entry, index, open, onToggle, showCategory }: EntryRowProps) {
  const panel = `${entryAnchor(index)}-detail`;
  const details = open ? entryDetails(glossary, entry.term, entriesByTerm) : null;
  return (
    <li class={open ? 'entry open' : 'entry'} id={entryAnchor(index)}>
      <h3 class="entry-heading">
        <button type="button" class="entry-toggle" aria-expanded={open} aria-controls={panel} onClick={onToggle}>
          <span class="entry-term" lang="zh-CN">
            {entry.term}
          </span>
          <span class="entry-pinyin" lang="zh-Latn-pinyin">
            {entry.pinyin}
          </span>
          <span class="entry-gloss">{entry.gloss}</span>
          {showCategory ? <span class="entry-category">{categoryLabel(entry.category)}</span> : null}
        </button>
      </h3>
      <div id={panel} class="entry-panel" hidden={!open}>
        {details ? (
          <EntryDetail
            glossary={glossary}
            details={details}
            headingLevel={4}
            onOpenEntry={(term) => navigate({ view: 'glossary', term })}
            sourceLink={(document, sentence) => ({ href: formatRoute({ view: 'source', document, sentence }) })}
          />
        ) : null}
      </div>
    </li>
  );
}

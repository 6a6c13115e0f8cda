/**
 * The whole glossary by category, with a filter box (the popup's search: hanzi, pinyin, initials, English;
 * results ranked, best first) and the five sources at the end. An entry named in the address (#term=…) is
 * opened and scrolled to.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { GlossaryEntry } from '../../lib/glossary-types';
import { countText, formatCount, i18n } from '../../lib/i18n';
import { normalise } from '../../lib/search';
import { glossary } from '../../lib/glossary';
import { glossarySearch } from '../../lib/glossary-search';
import { categoryLabel, compareCategories } from './categories';
import { EntryRow, entryAnchor } from './EntryRow';
import { noteRoute } from './route';
import { SourceList } from '../common/SourceList';

const indexOf = new Map(glossary.entries.map((entry, i) => [entry, i]));

const byCategory: [category: string, entries: GlossaryEntry[]][] = (() => {
  const groups = new Map<string, GlossaryEntry[]>();
  for (const entry of glossary.entries) {
    const list = groups.get(entry.category) ?? [];
    list.push(entry);
    groups.set(entry.category, list);
  }
  return [...groups].sort(([a], [b]) => compareCategories(a, b));
})();

/** The entry a deep link names: by its term or an alias, quotation marks and width aside. */
function entryNamed(name: string): GlossaryEntry | undefined {
  const wanted = normalise(name);
  return glossary.entries.find((entry) => [entry.term, ...entry.aliases].some((form) => normalise(form) === wanted));
}

export function GlossaryView({ focusTerm }: { focusTerm?: string }) {
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const hits = useMemo(() => (filter.trim() ? glossarySearch().search(filter) : null), [filter]);

  useEffect(() => {
    const entry = focusTerm ? entryNamed(focusTerm) : undefined;
    if (!entry) return;
    setFilter('');
    setOpen((current) => new Set(current).add(entry.term));
    // After the entry has been rendered open.
    requestAnimationFrame(() => {
      const row = document.getElementById(entryAnchor(indexOf.get(entry)!));
      row?.scrollIntoView({ block: 'start' });
      row?.querySelector<HTMLButtonElement>('.entry-toggle')?.focus({ preventScroll: true });
    });
  }, [focusTerm]);

  const toggle = (entry: GlossaryEntry) => {
    const opening = !open.has(entry.term);
    const next = new Set(open);
    if (opening) next.add(entry.term);
    else next.delete(entry.term);
    setOpen(next);
    if (opening) noteRoute({ view: 'glossary', term: entry.term });
  };
  const row = (entry: GlossaryEntry, showCategory = false) => (
    <EntryRow
      key={entry.term}
      entry={entry}
      index={indexOf.get(entry)!}
      open={open.has(entry.term)}
      onToggle={() => toggle(entry)}
      showCategory={showCategory}
    />
  );

  return (
    <main class="glossary-view">
      <h1>
        {i18n.t('glossaryPage.heading')} <span lang={i18n.t('otherLang')}>{i18n.t('glossaryPage.otherHeading')}</span>
      </h1>
      <p class="muted">
        {i18n.t('glossaryPage.intro', {
          terms: countText('count.terms', glossary.entries.length),
          sources: countText('count.sourceArticles', glossary.documents.length),
        })}
      </p>
      <div class="filter">
        <label for="glossary-filter">{i18n.t('glossaryPage.filter')}</label>
        <input
          id="glossary-filter"
          type="search"
          autocomplete="off"
          spellcheck={false}
          placeholder={i18n.t('glossaryPage.filterPlaceholder')}
          value={filter}
          onInput={(event) => setFilter(event.currentTarget.value)}
          aria-describedby="glossary-filter-count"
        />
        <span id="glossary-filter-count" class="muted" aria-live="polite">
          {hits
            ? i18n.t('glossaryPage.filterCount', {
                shown: formatCount(hits.length),
                total: countText('count.terms', glossary.entries.length),
              })
            : ''}
        </span>
      </div>

      {hits ? (
        <section aria-label={i18n.t('glossaryPage.matching')}>
          {hits.length === 0 ? <p class="muted">{i18n.t('common.noMatch', [filter.trim()])}</p> : null}
          <ol class="entries">{hits.map((hit) => row(hit.entry, true))}</ol>
        </section>
      ) : (
        <>
          <nav class="category-index" aria-label={i18n.t('glossaryPage.categories')}>
            {byCategory.map(([category, entries]) => (
              <button
                key={category}
                type="button"
                onClick={() => document.getElementById(`category-${category}`)?.scrollIntoView({ block: 'start' })}
              >
                {categoryLabel(category)} <span class="muted">{formatCount(entries.length)}</span>
              </button>
            ))}
          </nav>
          {byCategory.map(([category, entries]) => (
            <section
              key={category}
              id={`category-${category}`}
              class="category"
              aria-labelledby={`category-${category}-title`}
            >
              <h2 id={`category-${category}-title`}>
                {categoryLabel(category)} <span class="muted">{formatCount(entries.length)}</span>
              </h2>
              <ul class="entries">{entries.map((entry) => row(entry))}</ul>
            </section>
          ))}
        </>
      )}

      <section class="sources" aria-labelledby="sources-title">
        <h2 id="sources-title">{i18n.t('glossaryPage.theSources')}</h2>
        <SourceList documents={glossary.documents} href={(doc) => `#source=${encodeURIComponent(doc.id)}`} />
      </section>
    </main>
  );
}

/**
 * The whole glossary by category, with a filter box (the popup's search: hanzi, pinyin, initials, English;
 * results ranked, best first) and the five sources at the end. An entry named in the address (#term=…) is
 * opened and scrolled to.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { GlossaryEntry } from '../../lib/glossary-types';
import { normalise } from '../../lib/search';
import { glossary } from '../glossary';
import { glossarySearch } from '../glossary-search';
import { categoryLabel, compareCategories } from './categories';
import { EntryRow, entryAnchor } from './EntryRow';
import { noteRoute } from './route';
import { SourceList } from '../SourceList';

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
    <EntryRow key={entry.term} entry={entry} index={indexOf.get(entry)!} open={open.has(entry.term)} onToggle={() => toggle(entry)} showCategory={showCategory} />
  );

  return (
    <main class="glossary-view">
      <h1>
        Glossary <span lang="zh-CN">焦作政策词汇</span>
      </h1>
      <p class="muted">
        {glossary.entries.length} terms of Jiaozuo policy writing, each traced to the sentences of {glossary.documents.length}{' '}
        source articles where it appears.
      </p>
      <div class="filter">
        <label for="glossary-filter">Filter</label>
        <input
          id="glossary-filter"
          type="search"
          autocomplete="off"
          spellcheck={false}
          placeholder="一区五城, jiaozuo, jiao1zuo4, yqwc, zone…"
          value={filter}
          onInput={(event) => setFilter(event.currentTarget.value)}
          aria-describedby="glossary-filter-count"
        />
        <span id="glossary-filter-count" class="muted" aria-live="polite">
          {hits ? `${hits.length} of ${glossary.entries.length} terms` : ''}
        </span>
      </div>

      {hits ? (
        <section aria-label="Matching terms, best first">
          {hits.length === 0 ? <p class="muted">No term matches “{filter.trim()}”.</p> : null}
          <ol class="entries">{hits.map((hit) => row(hit.entry, true))}</ol>
        </section>
      ) : (
        <>
          <nav class="category-index" aria-label="Categories">
            {byCategory.map(([category, entries]) => (
              <button
                key={category}
                type="button"
                onClick={() => document.getElementById(`category-${category}`)?.scrollIntoView({ block: 'start' })}
              >
                {categoryLabel(category)} <span class="muted">{entries.length}</span>
              </button>
            ))}
          </nav>
          {byCategory.map(([category, entries]) => (
            <section key={category} id={`category-${category}`} class="category" aria-labelledby={`category-${category}-title`}>
              <h2 id={`category-${category}-title`}>
                {categoryLabel(category)} <span class="muted">{entries.length}</span>
              </h2>
              <ul class="entries">{entries.map((entry) => row(entry))}</ul>
            </section>
          ))}
        </>
      )}

      <section class="sources" aria-labelledby="sources-title">
        <h2 id="sources-title">The sources</h2>
        <SourceList documents={glossary.documents} href={(doc) => `#source=${encodeURIComponent(doc.id)}`} />
      </section>
    </main>
  );
}

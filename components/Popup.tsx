/**
 * The toolbar popup: a search box over the whole glossary (focused on open), the terms on the current page,
 * an entry's full detail, and the per-site switch. One listbox, driven from the search box like a combobox:
 * ↑/↓ move through it, Enter chooses (a result opens its detail; a term on the page is scrolled to and
 * flashed there), → explains a term on the page, Escape goes back, clears the search, or closes the popup.
 */
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { entryDetails, indexGlossary } from '../lib/entry-details';
import { formatRoute, type GlossaryRoute } from '../lib/glossary-route';
import type { RevealTermMessage, RevealTermResponse } from '../lib/messages';
import { EntryDetail } from './entry/EntryDetail';
import { glossary } from './glossary';
import { glossarySearch } from './glossary-search';
import { useCurrentTab } from './popup/current-tab';
import { PageTermOption, ResultOption, type Revealed } from './popup/options';
import { usePageTerms } from './popup/page-terms';
import { SiteSwitch } from './popup/SiteSwitch';
import { StorageNotice } from './popup/StorageNotice';

/** More results than this are not rendered: a longer query narrows them. */
const MAX_RESULTS = 50;
const LISTBOX_ID = 'popup-options';
const optionId = (index: number) => `popup-option-${index}`;

const entriesByTerm = indexGlossary(glossary);

function glossaryUrl(route: GlossaryRoute): string {
  return `${browser.runtime.getURL('/glossary.html')}${formatRoute(route)}`;
}

export function Popup() {
  const { tab, setEnabled } = useCurrentTab();
  const lensOn = tab.kind === 'ready' && tab.enabled;
  const pageTerms = usePageTerms(tab.kind === 'ready' ? tab.tabId : null);
  const [query, setQuery] = useState('');
  const [activeKey, setActiveKey] = useState<string | null>(null);
  /** The entries opened, the one shown last; empty: the list. */
  const [trail, setTrail] = useState<string[]>([]);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const back = useRef<HTMLButtonElement>(null);

  const searching = query.trim().length > 0;
  const hits = useMemo(() => glossarySearch().search(query), [query]);
  const shownHits = hits.slice(0, MAX_RESULTS);
  const listed = searching ? shownHits.map((hit) => hit.entry.term) : lensOn ? (pageTerms ?? []).map((t) => t.term) : [];
  const activeIndex = activeKey === null ? -1 : listed.indexOf(activeKey);
  const shownTerm = trail[trail.length - 1];
  const details = useMemo(() => (shownTerm ? entryDetails(glossary, shownTerm, entriesByTerm) : null), [shownTerm]);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);
  // Opening an entry takes focus to it (a screen reader reads where it went); leaving it gives it back.
  const detailOpen = details !== null;
  useLayoutEffect(() => {
    if (detailOpen) {
      window.scrollTo(0, 0);
      back.current?.focus();
    } else input.current?.focus();
  }, [detailOpen, shownTerm]);

  const openEntry = (term: string) => setTrail((current) => [...current, term]);
  const goBack = () => setTrail((current) => current.slice(0, -1));

  async function reveal(term: string) {
    if (tab.kind !== 'ready') return;
    const message: RevealTermMessage = { type: 'reveal-term', term };
    const response = (await browser.tabs.sendMessage(tab.tabId, message, { frameId: 0 }).catch(() => null)) as RevealTermResponse | null;
    setRevealed(response?.revealed ? { term, index: response.index, count: response.count } : { term });
  }

  const choose = (term: string) => {
    setActiveKey(term);
    if (searching) openEntry(term);
    else void reveal(term);
  };

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLInputElement>) => {
    const count = listed.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = activeIndex < 0 ? (step === 1 ? 0 : count - 1) : (activeIndex + step + count) % count;
      setActiveKey(listed[next]!);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const term = listed[activeIndex] ?? (searching ? listed[0] : undefined);
      if (term) choose(term);
    } else if (event.key === 'ArrowRight' && !searching && activeIndex >= 0) {
      event.preventDefault();
      openEntry(listed[activeIndex]!);
    }
  };

  // Registered once; it reads the state of the latest render (a quick second Escape must see the first one's result).
  const latest = useRef({ trail, query });
  latest.current = { trail, query };
  useEffect(() => {
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      const { trail: opened, query: typed } = latest.current;
      if (opened.length > 0) {
        latest.current = { trail: opened.slice(0, -1), query: typed };
        goBack();
      } else if (typed) {
        latest.current = { trail: opened, query: '' };
        setQuery('');
        setActiveKey(null);
      } else window.close();
    };
    document.addEventListener('keydown', onEscape);
    return () => document.removeEventListener('keydown', onEscape);
  }, []);

  const openGlossary = (route: GlossaryRoute) => void browser.tabs.create({ url: glossaryUrl(route) });

  return (
    <div class="popup">
      <header class="popup-header">
        <h1>
          Jiaozuo Policy Lens <span lang="zh-CN">焦作政策词汇助读</span>
        </h1>
        <p class="summary">
          {glossary.entries.length} terms from {glossary.documents.length} source articles
        </p>
      </header>

      <div class="search">
        <label for="popup-search" class="visually-hidden">
          Search the glossary
        </label>
        <input
          ref={input}
          id="popup-search"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-controls={LISTBOX_ID}
          aria-expanded={!detailOpen && listed.length > 0}
          aria-activedescendant={!detailOpen && activeIndex >= 0 ? optionId(activeIndex) : undefined}
          aria-describedby="popup-keys"
          autocomplete="off"
          spellcheck={false}
          placeholder="Search: 一区五城, jiaozuo, yqwc, zone…"
          value={query}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setActiveKey(null);
            setTrail([]);
          }}
          onKeyDown={onKeyDown}
        />
      </div>

      {details ? (
        <main class="detail-view">
          <button ref={back} type="button" class="back-to-list" onClick={() => setTrail([])}>
            ← {searching ? 'Results' : 'On this page'}
          </button>
          <EntryDetail
            glossary={glossary}
            details={details}
            previous={trail.length > 1 ? trail[trail.length - 2] : undefined}
            onOpenEntry={(term) => (term === trail[trail.length - 2] ? goBack() : openEntry(term))}
            onOpenGlossary={(term) => openGlossary({ view: 'glossary', term })}
            sourceLink={(document, sentence) => ({ href: glossaryUrl({ view: 'source', document, sentence }), target: '_blank' })}
          />
        </main>
      ) : (
        <main class="list-view">
          <h2 id="popup-list-title">
            {searching ? `${hits.length} ${hits.length === 1 ? 'result' : 'results'}` : 'On this page'}
          </h2>
          {!searching ? <PageStatus tab={tab} terms={pageTerms} /> : hits.length === 0 ? <p class="muted">No term matches “{query.trim()}”.</p> : null}
          <ul id={LISTBOX_ID} role="listbox" aria-labelledby="popup-list-title" class="options">
            {searching
              ? shownHits.map((hit, i) => (
                  <ResultOption key={hit.entry.term} id={optionId(i)} active={i === activeIndex} hit={hit} onChoose={() => choose(hit.entry.term)} />
                ))
              : lensOn
                ? (pageTerms ?? []).map(({ term, count }, i) => (
                    <PageTermOption
                      key={term}
                      id={optionId(i)}
                      active={i === activeIndex}
                      term={term}
                      count={count}
                      entry={entriesByTerm.get(term)}
                      revealed={revealed?.term === term ? revealed : null}
                      onChoose={() => choose(term)}
                      onExplain={() => {
                        setActiveKey(term);
                        openEntry(term);
                      }}
                    />
                  ))
                : null}
          </ul>
          {searching && hits.length > MAX_RESULTS ? <p class="muted">{hits.length - MAX_RESULTS} more: type more to narrow the search.</p> : null}
          <p id="popup-keys" class="hint">
            {searching ? '↑↓ move · Enter open · Esc clear' : '↑↓ move · Enter show on page · → explain · Esc close'}
          </p>
          <p class="visually-hidden" aria-live="polite">
            {revealed ? revealText(revealed) : ''}
          </p>
        </main>
      )}

      <StorageNotice />
      <footer class="popup-footer">
        {tab.kind === 'ready' ? <SiteSwitch site={tab.site} enabled={tab.enabled} onChange={(on) => void setEnabled(on)} /> : null}
        <a
          class="open-glossary"
          title="Open the whole glossary in a tab"
          href={glossaryUrl({ view: 'glossary' })}
          onClick={(event) => {
            event.preventDefault();
            openGlossary({ view: 'glossary' });
          }}
        >
          Glossary ↗
        </a>
        <a
          class="open-glossary"
          title="Review and export your saved terms"
          href={browser.runtime.getURL('/learn.html')}
          onClick={(event) => {
            event.preventDefault();
            void browser.tabs.create({ url: browser.runtime.getURL('/learn.html') });
          }}
        >
          Learn ↗
        </a>
      </footer>
    </div>
  );
}

function PageStatus({ tab, terms }: { tab: ReturnType<typeof useCurrentTab>['tab']; terms: { term: string }[] | null }) {
  if (tab.kind === 'checking') return <p class="muted">Looking…</p>;
  if (tab.kind === 'no-tab' || tab.kind === 'unreachable') {
    return (
      <p class="notice">
        Policy Lens can’t read this tab. Browsers keep extensions out of their own pages (settings, new tabs, the web
        store) and out of other extensions’ pages. If this is an ordinary web page, reload it.
      </p>
    );
  }
  if (!tab.enabled) return <p class="muted">Highlighting is off on {tab.site}.</p>;
  if (terms === null) return <p class="muted">Looking…</p>;
  if (terms.length === 0) return <p class="muted">No glossary terms found on this page.</p>;
  return null;
}

function revealText({ term, index, count }: Revealed): string {
  return index === undefined ? `${term} could not be shown on the page.` : `${term}: occurrence ${index} of ${count}, shown on the page.`;
}

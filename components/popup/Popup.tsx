/**
 * The toolbar popup: a search box over the whole glossary (focused on open), the terms on the current page,
 * an entry's full detail, and the per-site switch. One listbox, driven from the search box like a combobox:
 * ↑/↓ move through it, Enter chooses (a result opens its detail; a term on the page is scrolled to and
 * flashed there), → explains a term on the page, Escape goes back, clears the search, or closes the popup.
 */
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { entryDetails, indexGlossary } from '../../lib/entry-details';
import { formatRoute, type GlossaryRoute } from '../../lib/glossary-route';
import { countText, formatCount, i18n } from '../../lib/i18n';
import { askTab } from '../../lib/messages/send';
import type { DictionaryEntry } from '../../lib/dictionary-types';
import type { DictionaryHit, DictionarySearch } from '../../lib/dictionary/search';
import type { TabAccess } from '../../lib/tab-access';
import { EntryDetail } from '../entry/EntryDetail';
import { glossary } from '../../lib/glossary';
import { glossarySearch } from '../../lib/glossary-search';
import { useCurrentTab, type CurrentTab } from './current-tab';
import { PopupMenu } from './PopupMenu';
import { DictionaryOption, PageTermOption, ResultOption, type Revealed } from './options';
import { usePageTerms } from './page-terms';
import { SiteSwitch } from './SiteSwitch';
import { StorageNotice } from '../common/StorageNotice';
import { useDictionarySearch } from '../common/use-dictionary';
import { DictionaryEntries } from '../entry/DictionaryEntries';

/** More results than this are not rendered: a longer query narrows them. */
const MAX_RESULTS = 50;
/** Dictionary words listed after the glossary's results. */
const MAX_DICTIONARY_RESULTS = 30;
/** A dictionary word's key in the list and the trail: glossary terms are hanzi, so it cannot be one. */
const wordKey = (index: number) => `dictionary:${index}`;
const LISTBOX_ID = 'popup-options';
const optionId = (index: number) => `popup-option-${index}`;

const entriesByTerm = indexGlossary(glossary);

function glossaryUrl(route: GlossaryRoute): string {
  return `${browser.runtime.getURL('/glossary.html')}${formatRoute(route)}`;
}

export function Popup() {
  const current = useCurrentTab();
  const { tab, setEnabled } = current;
  const [switchError, setSwitchError] = useState<string | null>(null);
  const lensOn = tab.kind === 'ready' && tab.enabled && !tab.paused;
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
  const dictionary = useDictionarySearch();
  const words = useMemo(
    () => dictionary.search?.search(query, MAX_DICTIONARY_RESULTS) ?? [],
    [dictionary.search, query],
  );
  const listed = searching
    ? [...shownHits.map((hit) => hit.entry.term), ...words.map((word) => wordKey(word.index))]
    : lensOn
      ? (pageTerms ?? []).map((t) => t.term)
      : [];
  const activeIndex = activeKey === null ? -1 : listed.indexOf(activeKey);
  const shownTerm = trail[trail.length - 1];
  const details = useMemo(() => (shownTerm ? entryDetails(glossary, shownTerm, entriesByTerm) : null), [shownTerm]);
  const shownWord = shownTerm === undefined ? undefined : words.find((word) => wordKey(word.index) === shownTerm);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);
  // Opening an entry takes focus to it (a screen reader reads where it went); leaving it gives it back.
  const detailOpen = details !== null || shownWord !== undefined;
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
    const response = await askTab(browser.tabs, tab.tabId, 'reveal-term', { term });
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
          {i18n.t('extension.name')} <span lang={i18n.t('otherLang')}>{i18n.t('extension.otherName')}</span>
        </h1>
        <p class="summary">
          {i18n.t('popup.summary', {
            terms: countText('count.terms', glossary.entries.length),
            sources: countText('count.sourceArticles', glossary.documents.length),
          })}
        </p>
      </header>

      <div class="search">
        <label for="popup-search" class="visually-hidden">
          {i18n.t('popup.searchLabel')}
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
          placeholder={i18n.t('popup.searchPlaceholder')}
          value={query}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setActiveKey(null);
            setTrail([]);
          }}
          onKeyDown={onKeyDown}
        />
      </div>

      {shownWord ? (
        <main class="detail-view">
          <button ref={back} type="button" class="back-to-list" onClick={() => setTrail([])}>
            {i18n.t('popup.backToResults')}
          </button>
          <h2 class="dictionary-title" lang="zh-CN">
            {shownWord.entry.simplified}
          </h2>
          <DictionaryEntries entries={dictionary.search ? sameWord(dictionary.search, shownWord) : []} />
        </main>
      ) : details ? (
        <main class="detail-view">
          <button ref={back} type="button" class="back-to-list" onClick={() => setTrail([])}>
            {searching ? i18n.t('popup.backToResults') : i18n.t('popup.backToPage')}
          </button>
          <EntryDetail
            glossary={glossary}
            details={details}
            previous={trail.length > 1 ? trail[trail.length - 2] : undefined}
            onOpenEntry={(term) => (term === trail[trail.length - 2] ? goBack() : openEntry(term))}
            onOpenGlossary={(term) => openGlossary({ view: 'glossary', term })}
            sourceLink={(document, sentence) => ({
              href: glossaryUrl({ view: 'source', document, sentence }),
              target: '_blank',
            })}
          />
        </main>
      ) : (
        <main class="list-view">
          <h2 id="popup-list-title">
            {searching ? countText('popup.results', hits.length + words.length) : i18n.t('popup.onThisPage')}
          </h2>
          {!searching ? (
            <PageStatus current={current} terms={pageTerms} />
          ) : hits.length + words.length === 0 && (dictionary.search || dictionary.unavailable) ? (
            <p class="muted">{i18n.t('common.noMatch', [query.trim()])}</p>
          ) : null}
          {searching && dictionary.unavailable ? <p class="notice">{i18n.t('dictionary.unavailable')}</p> : null}
          <ul id={LISTBOX_ID} role="listbox" aria-labelledby="popup-list-title" class="options">
            {searching
              ? [
                  ...shownHits.map((hit, i) => (
                    <ResultOption
                      key={hit.entry.term}
                      id={optionId(i)}
                      active={i === activeIndex}
                      hit={hit}
                      onChoose={() => choose(hit.entry.term)}
                    />
                  )),
                  ...words.map((word, w) => {
                    const i = shownHits.length + w;
                    return (
                      <DictionaryOption
                        key={wordKey(word.index)}
                        id={optionId(i)}
                        active={i === activeIndex}
                        hit={word}
                        onChoose={() => choose(wordKey(word.index))}
                      />
                    );
                  }),
                ]
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
          {searching && hits.length > MAX_RESULTS ? (
            <p class="muted">{countText('popup.moreResults', hits.length - MAX_RESULTS)}</p>
          ) : null}
          <p id="popup-keys" class="hint">
            {/* No keys to tell where there is no list to move through (the lens cannot read the tab, or is off). */}
            {searching ? i18n.t('popup.keysSearching') : lensOn ? i18n.t('popup.keysOnPage') : ''}
          </p>
          <p class="visually-hidden" aria-live="polite">
            {revealed ? revealText(revealed) : ''}
          </p>
        </main>
      )}

      <StorageNotice />
      <footer class="popup-footer">
        {tab.kind === 'ready' ? (
          <SiteSwitch
            site={tab.site}
            enabled={tab.enabled}
            onChange={(on) => {
              setSwitchError(null);
              void setEnabled(on).then((result) => {
                // A storage fault is told by StorageNotice, with the browser's reason.
                if (!result.ok && result.reason !== 'storage') {
                  setSwitchError(
                    result.reason === 'full' ? i18n.t('popup.siteListFull') : i18n.t('popup.siteSwitchFailed'),
                  );
                }
              });
            }}
          />
        ) : null}
        <a
          class="open-glossary"
          title={i18n.t('popup.glossaryLinkTitle')}
          href={glossaryUrl({ view: 'glossary' })}
          onClick={(event) => {
            event.preventDefault();
            openGlossary({ view: 'glossary' });
          }}
        >
          {i18n.t('popup.glossaryLink')}
        </a>
        <a
          class="open-glossary"
          title={i18n.t('popup.learnLinkTitle')}
          href={browser.runtime.getURL('/learn.html')}
          onClick={(event) => {
            event.preventDefault();
            void browser.tabs.create({ url: browser.runtime.getURL('/learn.html') });
          }}
        >
          {i18n.t('popup.learnLink')}
        </a>
        <PopupMenu />
      </footer>
      {switchError ? (
        <p class="notice switch-error" role="alert">
          {switchError}
        </p>
      ) : null}
    </div>
  );
}

/** Every entry written like the word chosen (CC-CEDICT has one per reading: 行 xíng, háng, …). */
function sameWord(search: DictionarySearch, hit: DictionaryHit): DictionaryEntry[] {
  const { dictionary } = search;
  const form = hit.entry.simplified;
  return dictionary.entriesOf(form, 0, form.length).map((index) => dictionary.entry(index));
}

function PageStatus({ current, terms }: { current: CurrentTab; terms: { term: string }[] | null }) {
  const { tab } = current;
  if (tab.kind === 'checking') return <p class="muted">{i18n.t('popup.looking')}</p>;
  if (tab.kind === 'no-tab') return <p class="notice">{i18n.t('popup.access.restricted')}</p>;
  if (tab.kind === 'unreachable') return <AccessNotice current={current} access={tab.access} />;
  if (!tab.enabled) return <p class="muted">{i18n.t('popup.highlightingOff', { site: tab.site })}</p>;
  if (tab.paused) {
    return (
      <p class="notice">
        {i18n.t('popup.paused')}{' '}
        <button type="button" class="inline-action" onClick={() => void current.resume()}>
          {i18n.t('popup.resume')}
        </button>
      </p>
    );
  }
  if (terms === null) return <p class="muted">{i18n.t('popup.looking')}</p>;
  if (terms.length === 0) return <p class="muted">{i18n.t('popup.noTermsOnPage')}</p>;
  return null;
}

/** Why the lens cannot read the tab, and the one thing the reader can do about it, if any. */
function AccessNotice({ current, access }: { current: CurrentTab; access: TabAccess }) {
  const [refused, setRefused] = useState(false);
  switch (access.kind) {
    case 'restricted':
      return <p class="notice access-notice">{i18n.t('popup.access.restricted')}</p>;
    case 'no-access':
      return (
        <div class="notice access-notice" data-access="no-access">
          <p>{access.host ? i18n.t('popup.access.noAccessSite', [access.host]) : i18n.t('popup.access.noAccess')}</p>
          <button
            type="button"
            class="access-action"
            onClick={() => void current.requestAccess(access.origins).then((granted) => setRefused(!granted))}
          >
            {access.host ? i18n.t('popup.access.allowSite', [access.host]) : i18n.t('popup.access.allowAll')}
          </button>
          {refused ? <p class="muted">{i18n.t('popup.access.refused')}</p> : null}
        </div>
      );
    case 'file-access':
      return (
        <div class="notice access-notice">
          <p>{i18n.t('popup.access.fileAccess')}</p>
          <button
            type="button"
            class="access-action"
            onClick={() => void browser.tabs.create({ url: `chrome://extensions/?id=${browser.runtime.id}` })}
          >
            {i18n.t('popup.access.openDetails')}
          </button>
        </div>
      );
    case 'not-loaded':
      return (
        <div class="notice access-notice">
          <p>{i18n.t('popup.access.notLoaded')}</p>
          <button type="button" class="access-action" onClick={() => void current.reload()}>
            {i18n.t('popup.access.reload')}
          </button>
        </div>
      );
  }
}

function revealText({ term, index, count }: Revealed): string {
  return index === undefined
    ? i18n.t('popup.notRevealed', { term })
    : i18n.t('popup.revealed', { term, index: formatCount(index), count: formatCount(count ?? index) });
}

import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { glossary } from '../lib/glossary';
import { glossaryTermByForm } from '../lib/dictionary/glossary-forms';
import { openDictionary } from '../lib/dictionary/load';
import { standsAsWordIn } from '../lib/dictionary/word-check';
import { lookUpWords } from '../lib/dictionary/words-at';
import { migrateDisabledSites } from '../lib/disabled-sites';
import { entryDetails, indexGlossary } from '../lib/entry-details';
import { formatRoute } from '../lib/glossary-route';
import { i18n } from '../lib/i18n';
import type { DictionaryEntry } from '../lib/dictionary-types';
import { isSaved, removeTerm, saveTerm, saveWord } from '../lib/learning/actions';
import { contextSentence } from '../lib/learning/history';
import { MAX_SAVED_ENTRIES } from '../lib/learning/model';
import { recordSightings, sightingAtSave } from '../lib/learning/sightings';
import { loadData, savedTerms } from '../lib/learning/store';
import { StorageFault } from '../lib/storage/faults';
import { selectionText } from '../lib/lookup';
import { senderAllowed, type BackgroundProtocol } from '../lib/messages/protocol';
import { receiveMessages } from '../lib/messages/receive';
import { sendToTab } from '../lib/messages/send';
import { shouldWelcome } from '../lib/onboarding';
import { RateLimit } from '../lib/rate-limit';
import { TabTerms } from '../lib/tab-terms';

/**
 * Glossary tabs one tab may have us open, per minute. The card's button needs the reader's own click; this
 * bounds what a page could do should it ever find a way to press it.
 */
const GLOSSARY_TABS_PER_MINUTE = 5;

/** The context menu item on selected text. */
const LOOKUP_MENU_ID = 'lookup-selection';

export default defineBackground(() => {
  const tabTerms = new TabTerms();
  const glossaryTabs = new RateLimit<number>(GLOSSARY_TABS_PER_MINUTE, 60_000);
  const index = indexGlossary(glossary);
  const glossaryTermOf = glossaryTermByForm(glossary);
  // 0.1 kept the sites switched off in storage.local: move them to sync (lib/disabled-sites). Run at every
  // start, not only on update, so that an interrupted move is finished; with nothing to move it is one read.
  void migrateDisabledSites().catch((error) =>
    console.warn('Policy Lens: could not move the site list to sync', error),
  );

  /** Opens an extension page in a new tab beside the reader's tab. */
  const openBeside = (url: string, tab?: Browser.tabs.Tab) =>
    browser.tabs.create(
      tab?.index === undefined ? { url } : { url, index: tab.index + 1, windowId: tab.windowId, openerTabId: tab.id },
    );

  const showCount = (tabId: number) => {
    const distinct = tabTerms.terms(tabId).length;
    void browser.action.setBadgeText({ tabId, text: distinct > 0 ? String(distinct) : '' });
  };

  // Only our own pages and content scripts can reach this listener (no externally_connectable); content scripts
  // run inside web pages, so each request is validated and its sender checked (lib/messages/protocol.ts).
  const extensionOrigin = browser.runtime.getURL('/');
  receiveMessages<BackgroundProtocol>(
    browser.runtime.onMessage,
    {
      'terms-found': (message, sender) => {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return undefined;
        tabTerms.report(tabId, sender.frameId ?? 0, message.terms);
        showCount(tabId);
        recordSightings(
          message,
          { topFrame: sender.frameId === 0, incognito: sender.tab?.incognito === true },
          new Date(),
        ).catch((error: unknown) => {
          // Storage full or failing (the popup and the Learn page say so): the page's terms are still shown.
          if (error instanceof StorageFault) console.warn('Policy Lens: could not record where terms were met', error);
          else console.error('Policy Lens: could not record where terms were met', error);
        });
        return undefined;
      },
      'save-term': async (request, sender) => {
        const { term, save } = request;
        if (!index.has(term)) return { saved: false };
        if (!save) {
          await removeTerm(term);
          return { saved: false };
        }
        const now = new Date();
        const origin = { topFrame: sender.frameId === 0, incognito: sender.tab?.incognito === true };
        await saveTerm(term, now, await sightingAtSave(request, origin, now));
        return { saved: true };
      },
      'page-terms': ({ tabId }) => ({ terms: tabTerms.terms(tabId) }),
      'entry-details': async ({ term }) => ({
        details: entryDetails(glossary, term, index),
        saved: await isSaved(term),
      }),
      'open-glossary': ({ term }, sender) => {
        // The popover's "Open in glossary": content scripts cannot open extension pages, so we do, next to
        // the reader's tab.
        if (!index.has(term) || !glossaryTabs.allow(sender.tab?.id ?? -1)) return undefined;
        void openBeside(
          `${browser.runtime.getURL('/glossary.html')}${formatRoute({ view: 'glossary', term })}`,
          sender.tab,
        );
        return undefined;
      },
      'dictionary-lookup': async ({ text, offset, ending }) => {
        // The study list is read beside the lookup (the card shows whether the word is saved); storage that cannot
        // be read shows nothing as saved.
        const saved = savedTerms().catch(() => new Set<string>());
        let words;
        try {
          words = await lookUpWords(await openDictionary(), text, offset, glossaryTermOf, ending);
        } catch (error) {
          console.error('Policy Lens: could not read the dictionary', error);
          return { words: [], unavailable: true };
        }
        const savedWords = await saved.then((terms) => words.filter((w) => terms.has(w.text)).map((w) => w.text));
        return savedWords.length > 0 ? { words, saved: savedWords } : { words };
      },
      'save-word': async (request, sender) => {
        const { word, save } = request;
        // Only a word the dictionary has, and what it says of it is the dictionary's own, not the sender's.
        let entries: DictionaryEntry[];
        try {
          const found = await lookUpWords(await openDictionary(), word, 0, glossaryTermOf);
          entries = found.find((w) => w.end === word.length)?.entries ?? [];
        } catch (error) {
          console.error('Policy Lens: could not read the dictionary', error);
          entries = [];
        }
        if (entries.length === 0) return { saved: false };
        if (!save) {
          await removeTerm(word);
          return { saved: false };
        }
        const now = new Date();
        const origin = { topFrame: sender.frameId === 0, incognito: sender.tab?.incognito === true };
        // The sentence is the word's context on the study list; nothing of a private window's page is kept.
        const sentence = request.sentence !== undefined && !origin.incognito ? contextSentence(request.sentence) : '';
        const saved = { entries: entries.slice(0, MAX_SAVED_ENTRIES), sentence };
        await saveWord(word, saved, now, await sightingAtSave({ ...request, term: word }, origin, now));
        return { saved: true };
      },
      'word-check': async ({ checks }) => {
        try {
          const dictionary = await openDictionary();
          return { stands: checks.map((check) => standsAsWordIn(dictionary, check)) };
        } catch (error) {
          console.error('Policy Lens: could not read the dictionary', error);
          return { stands: null };
        }
      },
    },
    (type, sender) => senderAllowed(type, sender, extensionOrigin),
  );

  // Keyboard commands (wxt.config.ts). _execute_action, which opens the popup, never comes here.
  browser.commands.onCommand.addListener((command) => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id === undefined) return;
      // No content script in the tab (a browser page, or no site access): nothing to step through or pause.
      const ignore = () => {};
      if (command === 'next-term' || command === 'previous-term') {
        const direction = command === 'next-term' ? 1 : -1;
        return sendToTab(browser.tabs, tab.id, 'step-term', { direction }, { frameId: 0 }).catch(ignore);
      }
      if (command === 'toggle-highlighting') {
        // Every frame of the page pauses (or resumes) its own lens.
        return sendToTab(browser.tabs, tab.id, 'toggle-page', {}).catch(ignore);
      }
      return undefined;
    });
  });

  // The context menu on a text selection: the glossary page looks the text up (lib/lookup).
  // One after the other: onInstalled and onStartup may both fire at a start, and a second create() with the
  // same id before the first removeAll() has finished would fail.
  let menu = Promise.resolve();
  const createMenu = () =>
    (menu = menu
      .then(() => browser.contextMenus.removeAll())
      .then(() => {
        browser.contextMenus.create({
          id: LOOKUP_MENU_ID,
          title: i18n.t('contextMenu.lookup'),
          contexts: ['selection'],
        });
      })
      .catch((error) => console.warn('Policy Lens: could not add the context menu', error)));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOKUP_MENU_ID) return;
    const route = formatRoute({ view: 'lookup', text: selectionText(info.selectionText ?? '') });
    void openBeside(`${browser.runtime.getURL('/glossary.html')}${route}`, tab);
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Bring the stored data to this version's format at once (setting aside what cannot be read), rather than
    // at the first read.
    loadData().catch((error: unknown) => console.error('Policy Lens: could not check the stored data', error));
    void createMenu();
    // A welcome page on the first install only (lib/onboarding).
    void shouldWelcome(reason).then((welcome) => {
      if (welcome) void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    });
  });
  // Menus outlive the service worker but, in some browsers, not a browser restart.
  browser.runtime.onStartup.addListener(() => void createMenu());

  browser.tabs.onRemoved.addListener((tabId) => {
    tabTerms.forget(tabId);
    glossaryTabs.forget(tabId);
  });
  // A tab that starts loading a new document no longer shows what it showed: its frames report afresh.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') {
      tabTerms.forget(tabId);
      showCount(tabId);
    }
  });
  void browser.action.setBadgeBackgroundColor({ color: '#9a3412' });
});

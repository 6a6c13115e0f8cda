import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { glossary } from '../lib/glossary';
import { migrateDisabledSites } from '../lib/disabled-sites';
import { entryDetails, indexGlossary } from '../lib/entry-details';
import { formatRoute } from '../lib/glossary-route';
import { i18n } from '../lib/i18n';
import { isSaved, removeTerm, saveTerm } from '../lib/learning/actions';
import { recordSightings } from '../lib/learning/sightings';
import { StorageFault, loadData } from '../lib/learning/store';
import { selectionText } from '../lib/lookup';
import {
  receiveMessages,
  type EntryDetailsResponse,
  type PageTermsResponse,
  type SaveTermResponse,
  type StepTermMessage,
  type TogglePageMessage,
} from '../lib/messages';
import { shouldWelcome } from '../lib/onboarding';
import { TabTerms } from '../lib/tab-terms';

/** The context menu item on selected text. */
const LOOKUP_MENU_ID = 'lookup-selection';

export default defineBackground(() => {
  const tabTerms = new TabTerms();
  const index = indexGlossary(glossary);
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

  // Only our own pages and content scripts can reach this listener (no externally_connectable).
  receiveMessages(browser.runtime.onMessage, (message, sender) => {
    switch (message.type) {
      case 'terms-found': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return undefined;
        tabTerms.report(tabId, sender.frameId ?? 0, message.terms);
        showCount(tabId);
        recordSightings(message, new Date()).catch((error: unknown) => {
          // Storage full or failing (the popup and the Learn page say so): the page's terms are still shown.
          if (error instanceof StorageFault) console.warn('Policy Lens: could not record where terms were met', error);
          else console.error('Policy Lens: could not record where terms were met', error);
        });
        return undefined;
      }
      case 'save-term':
        return (message.save ? saveTerm(message.term, new Date()) : removeTerm(message.term)).then<SaveTermResponse>(
          () => ({
            saved: message.save,
          }),
        );
      case 'page-terms':
        return Promise.resolve<PageTermsResponse>({ terms: tabTerms.terms(message.tabId) });
      case 'entry-details':
        return isSaved(message.term).then<EntryDetailsResponse>((saved) => ({
          details: entryDetails(glossary, message.term, index),
          saved,
        }));
      case 'open-glossary': {
        // The popover's "Open in glossary": content scripts cannot open extension pages, so we do, next to
        // the reader's tab.
        if (!index.has(message.term)) return undefined;
        void openBeside(
          `${browser.runtime.getURL('/glossary.html')}${formatRoute({ view: 'glossary', term: message.term })}`,
          sender.tab,
        );
        return undefined;
      }
      default:
        return undefined;
    }
  });

  // Keyboard commands (wxt.config.ts). _execute_action, which opens the popup, never comes here.
  browser.commands.onCommand.addListener((command) => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id === undefined) return;
      // No content script in the tab (a browser page, or no site access): nothing to step through or pause.
      const ignore = () => {};
      if (command === 'next-term' || command === 'previous-term') {
        const message: StepTermMessage = { type: 'step-term', direction: command === 'next-term' ? 1 : -1 };
        return browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(ignore);
      }
      if (command === 'toggle-highlighting') {
        // Every frame of the page pauses (or resumes) its own lens.
        const message: TogglePageMessage = { type: 'toggle-page' };
        return browser.tabs.sendMessage(tab.id, message).catch(ignore);
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

  browser.tabs.onRemoved.addListener((tabId) => tabTerms.forget(tabId));
  // A tab that starts loading a new document no longer shows what it showed: its frames report afresh.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') {
      tabTerms.forget(tabId);
      showCount(tabId);
    }
  });
  void browser.action.setBadgeBackgroundColor({ color: '#9a3412' });
});

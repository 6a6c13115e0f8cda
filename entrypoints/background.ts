import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { glossary } from '../components/glossary';
import { entryDetails, indexGlossary } from '../lib/entry-details';
import { isSaved, removeTerm, saveTerm } from '../lib/learning/actions';
import { recordSightings } from '../lib/learning/sightings';
import { StorageFault, loadData } from '../lib/learning/store';
import { receiveMessages, type EntryDetailsResponse, type PageTermsResponse, type SaveTermResponse, type StepTermMessage } from '../lib/messages';
import { TabTerms } from '../lib/tab-terms';

export default defineBackground(() => {
  const tabTerms = new TabTerms();
  const index = indexGlossary(glossary);

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
          (error instanceof StorageFault ? console.warn : console.error)('Policy Lens: could not record where terms were met', error);
        });
        return undefined;
      }
      case 'save-term':
        return (message.save ? saveTerm(message.term, new Date()) : removeTerm(message.term)).then<SaveTermResponse>(() => ({
          saved: message.save,
        }));
      case 'page-terms':
        return Promise.resolve<PageTermsResponse>({ terms: tabTerms.terms(message.tabId) });
      case 'entry-details':
        return isSaved(message.term).then<EntryDetailsResponse>((saved) => ({ details: entryDetails(glossary, message.term, index), saved }));
      case 'open-glossary': {
        // The popover's "Open in glossary": content scripts cannot open extension pages, so we do, next to
        // the reader's tab.
        if (!index.has(message.term)) return undefined;
        const url = `${browser.runtime.getURL('/glossary.html')}#term=${encodeURIComponent(message.term)}`;
        const tab = sender.tab;
        void browser.tabs.create(tab?.index === undefined ? { url } : { url, index: tab.index + 1, windowId: tab.windowId, openerTabId: tab.id });
        return undefined;
      }
      default:
        return undefined;
    }
  });

  browser.commands.onCommand.addListener((command) => {
    if (command !== 'next-term' && command !== 'previous-term') return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id === undefined) return;
      const message: StepTermMessage = { type: 'step-term', direction: command === 'next-term' ? 1 : -1 };
      return browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => {
        // No content script in this tab (a browser page, or no site access): nothing to step through.
      });
    });
  });

  // After an install or an update, bring the stored data to this version's format at once (setting aside what
  // cannot be read), rather than at the first read.
  browser.runtime.onInstalled.addListener(() => {
    loadData().catch((error: unknown) => console.error('Policy Lens: could not check the stored data', error));
  });

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

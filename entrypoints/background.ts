import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { parseMessage, type PageTermsResponse } from '../lib/messages';
import { TabTerms } from '../lib/tab-terms';

export default defineBackground(() => {
  const tabTerms = new TabTerms();

  const showCount = (tabId: number) => {
    const distinct = tabTerms.terms(tabId).length;
    void browser.action.setBadgeText({ tabId, text: distinct > 0 ? String(distinct) : '' });
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    const message = parseMessage(raw);
    if ('invalid' in message) {
      console.warn(`Policy Lens: ignored a message (${message.invalid})`);
      return undefined;
    }
    if (message.type === 'terms-found') {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      tabTerms.report(tabId, sender.frameId ?? 0, message.terms);
      showCount(tabId);
      return undefined;
    }
    const response: PageTermsResponse = { terms: tabTerms.terms(message.tabId) };
    return Promise.resolve(response);
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

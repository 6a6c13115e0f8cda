/** Opening the toolbar popup in the browser tests, where the toolbar button cannot be clicked. */
import type { Page } from 'playwright-core';
import type { ExtensionHarness } from './harness';

/**
 * Opens popup.html over `page` as the toolbar popup would see it: `page` the active tab of the last focused
 * window. popup.html opened as a tab (harness.openPopup) would be the active tab itself, and Playwright's
 * new pages are tabs of the same window; so `page` is brought to the front, and popup.html opens in a
 * separate popup-type window that does not take the focus (chrome.windows.create with focused: false, from
 * the service worker). The popup asks for the active tab of the last focused window: `page`, as for real.
 * Close the popup before page-tools' tabIdOf/pageTerms: they too ask for the last focused window's tab.
 */
export async function openPopupOver(h: ExtensionHarness, page: Page): Promise<Page> {
  // Clicking into an earlier popup window focuses it, and bringToFront does not focus the page's window
  // back (headless): the tests' pages all open in the one normal window, which is focused here.
  await h.serviceWorker.evaluate(async () => {
    for (const window of await chrome.windows.getAll({ windowTypes: ['normal'] }))
      await chrome.windows.update(window.id!, { focused: true });
  });
  await page.bringToFront();
  const [popup] = await Promise.all([
    h.context.waitForEvent('page'),
    h.serviceWorker.evaluate(async (url) => {
      await chrome.windows.create({ url, type: 'popup', focused: false, width: 400, height: 600 });
    }, `${h.extensionOrigin}/popup.html`),
  ]);
  await popup.waitForLoadState('load');
  await popup.setViewportSize({ width: 400, height: 600 });
  return popup;
}

/** The popup's listbox as text per option, in order. */
export function optionTexts(popup: Page): Promise<string[]> {
  return popup.locator('[role=listbox] [role=option]').allTextContents();
}

/** The text of the entry card (in its shadow root) in the popup's or glossary page's detail view. */
export function cardText(page: Page, within = 'body'): Promise<string> {
  return page.evaluate((selector) => {
    const host = document.querySelector(selector)?.querySelector('.entry-card');
    return host?.shadowRoot?.textContent ?? '';
  }, within);
}

/**
 * Where our focus highlight stands (the one registered with priority 1, page-tools.ts): its text, the id of its
 * element, and whether it is in view.
 */
export function focusedOccurrence(page: Page): Promise<{ text: string; element: string; inView: boolean } | null> {
  return page.evaluate(() => {
    const highlight = [...CSS.highlights.values()].find((candidate) => candidate.priority === 1);
    const [range] = highlight ? [...highlight] : [];
    if (!range) return null;
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    const rect = live.getBoundingClientRect();
    return {
      text: live.toString(),
      element: range.startContainer.parentElement?.closest('[id]')?.id ?? '',
      inView: rect.top >= 0 && rect.bottom <= innerHeight,
    };
  });
}

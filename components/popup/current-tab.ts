/**
 * The tab the popup was opened over, and what its content script says about it (the site and whether the
 * lens is on there). Extension pages see no tab URLs without the "tabs" permission, so the content script is
 * asked: no answer means that none runs there (a browser page, another extension's page, the Web Store, or a
 * page that was open before the extension was installed or updated).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { setSiteEnabled } from '../../lib/disabled-sites';
import { noteFault, writeFault } from '../../lib/learning/store';
import type { LensStatusMessage, LensStatusResponse } from '../../lib/messages';

export type TabState =
  | { kind: 'checking' }
  | { kind: 'no-tab' }
  | { kind: 'unreachable'; tabId: number }
  | { kind: 'ready'; tabId: number; site: string; enabled: boolean };

/** How long to keep asking a tab that is still loading (its content script runs once the page is idle). */
const LOADING_RETRIES = 20;
const RETRY_MS = 300;

export function useCurrentTab(): { tab: TabState; setEnabled(enabled: boolean): Promise<void> } {
  const [tab, setTab] = useState<TabState>({ kind: 'checking' });

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      // The active tab of the window the popup hangs from. (A real popup is no tab of its own; the browser
      // tests open popup.html in a separate, unfocused window, so the page's window stays the last focused.)
      const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      if (active?.id === undefined) return !cancelled && setTab({ kind: 'no-tab' });
      for (let attempt = 0; !cancelled; attempt++) {
        const status = await askLens(active.id);
        if (cancelled) return;
        if (status) return setTab({ kind: 'ready', tabId: active.id, ...status });
        // A page still loading has no content script yet; one try more covers a script that is just starting.
        const current = await browser.tabs.get(active.id).catch(() => null);
        if (attempt >= LOADING_RETRIES || (attempt > 0 && current?.status !== 'loading')) {
          return !cancelled && setTab({ kind: 'unreachable', tabId: active.id });
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const setEnabled = useCallback(
    async (enabled: boolean) => {
      if (tab.kind !== 'ready') return;
      setTab({ ...tab, enabled });
      try {
        await setSiteEnabled(tab.site, enabled);
      } catch (error) {
        setTab(tab); // not stored: the switch goes back to what holds, and the popup says why
        await noteFault(writeFault(error, `Highlighting on ${tab.site} was not switched ${enabled ? 'on' : 'off'}`));
      }
    },
    [tab],
  );

  return { tab, setEnabled };
}

async function askLens(tabId: number): Promise<{ site: string; enabled: boolean } | null> {
  const message: LensStatusMessage = { type: 'lens-status' };
  try {
    const response = (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as LensStatusResponse | undefined;
    return response && typeof response.site === 'string' ? { site: response.site, enabled: response.enabled === true } : null;
  } catch {
    return null;
  }
}

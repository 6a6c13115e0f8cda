/**
 * The tab the popup was opened over, and what its content script says about it (the site, whether the lens
 * is on there, whether it is paused on the page). No answer means that none runs there: lib/tab-access works
 * out why (a browser page, a site without access, a page opened before install), and the popup offers what
 * can be done about it (asking for access to the site, reloading the page).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { setSiteEnabled, type SiteChange } from '../../lib/disabled-sites';
import { clearFault, noteFault, writeFault, type ChangeName } from '../../lib/storage/faults';
import { askTab, sendToTab } from '../../lib/messages/send';
import { ALL_SITES, originPattern, tabAccess, type TabAccess } from '../../lib/tab-access';

type TabState =
  | { kind: 'checking' }
  | { kind: 'no-tab' }
  | ({ kind: 'unreachable'; tabId: number } & { access: TabAccess })
  | { kind: 'ready'; tabId: number; site: string; enabled: boolean; paused: boolean };

/** How long to keep asking a tab that is still loading (its content script runs once the page is idle). */
const LOADING_RETRIES = 20;
const RETRY_MS = 300;

export interface CurrentTab {
  tab: TabState;
  setEnabled(enabled: boolean): Promise<SiteChange>;
  /** Asks the browser for access to the tab's site (from a click: the browser asks the reader), then reloads it. */
  requestAccess(origins: string[]): Promise<boolean>;
  reload(): Promise<void>;
  resume(): Promise<void>;
}

export function useCurrentTab(): CurrentTab {
  const [tab, setTab] = useState<TabState>({ kind: 'checking' });
  /** Counts the checks asked for: a reload or a grant checks the tab again. */
  const [check, setCheck] = useState(0);
  /** The tab found at the first check: later checks look at the same tab, wherever the focus went since. */
  const tabId = useRef<number | null>(null);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      // The active tab of the window the popup hangs from. (A real popup is no tab of its own; the browser
      // tests open popup.html in a separate, unfocused window, so the page's window stays the last focused.)
      const active =
        tabId.current === null
          ? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]
          : await browser.tabs.get(tabId.current).catch(() => undefined);
      if (active?.id === undefined) return !cancelled && setTab({ kind: 'no-tab' });
      tabId.current = active.id;
      for (let attempt = 0; !cancelled; attempt++) {
        const status = await askLens(active.id);
        if (cancelled) return;
        if (status) return setTab({ kind: 'ready', tabId: active.id, ...status });
        // A page still loading has no content script yet; one try more covers a script that is just starting.
        const current = await browser.tabs.get(active.id).catch(() => null);
        if (attempt >= LOADING_RETRIES || (attempt > 0 && current?.status !== 'loading')) {
          const access = await whyUnreachable(current?.url ?? active.url);
          return !cancelled && setTab({ kind: 'unreachable', tabId: active.id, access });
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [check]);

  const setEnabled = useCallback(
    async (enabled: boolean): Promise<SiteChange> => {
      if (tab.kind !== 'ready') return { ok: true };
      setTab({ ...tab, enabled });
      const result = await setSiteEnabled(tab.site, enabled);
      const what: ChangeName = { action: 'site-switch', site: tab.site, enabled };
      if (result.ok) {
        await clearFault(what);
        return result;
      }
      setTab({ ...tab, enabled: !enabled }); // not stored: the switch goes back to what holds
      // A refused write (storage.sync's quotas) is noted like any other, for the popup and the Learn page to say
      // why; a full list or an invalid site is the popup's own message.
      if (result.reason === 'storage') await noteFault(writeFault(result.detail, what));
      return result;
    },
    [tab],
  );

  const reload = useCallback(async () => {
    if (tab.kind === 'checking' || tab.kind === 'no-tab') return;
    setTab({ kind: 'checking' });
    await browser.tabs.reload(tab.tabId);
    setCheck((n) => n + 1);
  }, [tab]);

  const requestAccess = useCallback(
    async (origins: string[]) => {
      // Called straight from the click, before any other await: the browser asks only during a user gesture.
      const granted = await browser.permissions.request({ origins });
      if (granted) await reload();
      return granted;
    },
    [reload],
  );

  const resume = useCallback(async () => {
    if (tab.kind !== 'ready') return;
    await sendToTab(browser.tabs, tab.tabId, 'toggle-page', {}).catch(() => {});
    setCheck((n) => n + 1);
  }, [tab]);

  return { tab, setEnabled, requestAccess, reload, resume };
}

function askLens(tabId: number) {
  return askTab(browser.tabs, tabId, 'lens-status', {});
}

async function whyUnreachable(url: string | undefined): Promise<TabAccess> {
  const pattern = url ? originPattern(url) : null;
  const granted = await browser.permissions.contains({ origins: [pattern ?? ALL_SITES] }).catch(() => false);
  // Firefox has no file-access switch (its answer here is always false): only Chrome's is asked.
  const fileAccess = import.meta.env.FIREFOX || (await browser.extension.isAllowedFileSchemeAccess().catch(() => true));
  return tabAccess({ url, granted, fileAccess });
}

/** The terms the tab shows (from the background's per-tab record), kept current while the popup is open. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { TermCount } from '../../lib/messages/protocol';
import { sendToBackground } from '../../lib/messages/send';

/** The page may change, and the lens reports a moment after the per-site switch: the list is asked again. */
const REFRESH_MS = 1000;

export function usePageTerms(tabId: number | null): TermCount[] | null {
  const [terms, setTerms] = useState<TermCount[] | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    let cancelled = false;
    let last = '';
    const ask = async () => {
      const response = await sendToBackground(browser.runtime, 'page-terms', { tabId }).catch(() => undefined);
      const next = response?.terms ?? [];
      const key = JSON.stringify(next);
      // Same list, same array: the listbox keeps its state and nothing is rendered again.
      if (!cancelled && key !== last) {
        last = key;
        setTerms(next);
      }
    };
    void ask();
    const timer = setInterval(() => void ask(), REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [tabId]);
  return terms;
}

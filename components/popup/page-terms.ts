/** The terms the tab shows (from the background's per-tab record), kept current while the popup is open. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageTermsMessage, PageTermsResponse, TermCount } from '../../lib/messages';

/** The page may change, and the lens reports a moment after the per-site switch: the list is asked again. */
const REFRESH_MS = 1000;

export function usePageTerms(tabId: number | null): TermCount[] | null {
  const [terms, setTerms] = useState<TermCount[] | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    let cancelled = false;
    let last = '';
    const ask = async () => {
      const request: PageTermsMessage = { type: 'page-terms', tabId };
      const response = (await browser.runtime.sendMessage(request).catch(() => undefined)) as
        PageTermsResponse | undefined;
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

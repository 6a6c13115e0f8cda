import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import matcherData from '../../glossary/generated/matcher.json';
import { scanText } from '../../lib/content/scan';
import type { MatcherData } from '../../lib/glossary-types';
import { Matcher } from '../../lib/matcher/matcher';
import type { TermsFoundMessage } from '../../lib/messages';
import './highlight.css';

/** Our highlight's name in the page's (shared) highlight registry. */
const HIGHLIGHT = 'jpl-term';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main() {
    const data = matcherData as MatcherData;
    const found = scanText(document.body ?? document.documentElement, new Matcher(data.trie));
    if (typeof Highlight === 'function' && 'highlights' in CSS) CSS.highlights.set(HIGHLIGHT, new Highlight(...found.ranges));
    const message: TermsFoundMessage = {
      type: 'terms-found',
      terms: [...found.counts].map(([entry, count]) => ({ term: data.terms[entry]!, count })),
    };
    void browser.runtime.sendMessage(message).catch(() => {
      // The background may be restarting; the next scan reports again.
    });
  },
});

import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import matcherData from '../../glossary/generated/matcher.json';
import { startLens } from '../../lib/content/lens';
import { POPOVER_VIEW_FILE, importPopoverView } from '../../lib/content/popover-host';
import { siteOf } from '../../lib/content/site';
import { followSiteSwitch } from '../../lib/content/site-switch';
import { mark } from '../../lib/content/timing';
import type { MatcherData } from '../../lib/glossary-types';
import '../../lib/content/highlight.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  // Frames without an origin of their own (sandboxed srcdoc, data:, blob:) are read too: the reader sees them.
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  main() {
    mark('main'); // for the benchmarks (lib/content/timing.ts): where our start-up begins
    // The lens runs unless the reader switched it off for this site, and follows their settings.
    followSiteSwitch({
      site: siteOf(location),
      runtime: browser.runtime,
      start: (settings) =>
        startLens({
          doc: document,
          matcherData: matcherData as MatcherData,
          runtime: browser.runtime,
          settings,
          loadPopoverView: () => importPopoverView(browser.runtime.getURL(POPOVER_VIEW_FILE)),
        }),
    });
  },
});

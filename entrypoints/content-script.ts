/**
 * The content script: runs in every page and frame (manifest: wxt.config.ts). Built as an unlisted script and
 * declared in the manifest by hand, rather than with WXT's defineContentScript: WXT's content-script start-up
 * announces itself to the page (a window.postMessage, and an event on the document whose name holds the
 * extension's id), which would tell any page that the extension is installed.
 *
 * A frame without Chinese text costs little more than this file's evaluation: it is watched for Chinese text
 * (chinese.ts) before the site switch is read from storage or the matcher's tables are parsed.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import matcherJson from '../glossary/generated/matcher.json?raw';
import { whenChinese } from '../lib/content/chinese';
import { startLens } from '../lib/content/lens';
import { POPOVER_VIEW_FILE, importPopoverView } from '../lib/content/popover-host';
import { siteOf } from '../lib/content/site';
import { followSiteSwitch } from '../lib/content/site-switch';
import { mark } from '../lib/content/timing';
import type { MatcherData } from '../lib/glossary-types';

/** The tables, parsed the first time a lens starts in this frame (kept as text until then). */
let matcherData: MatcherData | null = null;

export default defineUnlistedScript(() => {
  mark('main'); // for the benchmarks (lib/content/timing.ts): where our start-up begins
  // The lens runs where the frame has Chinese text, unless the reader switched it off for this site, and
  // follows their settings.
  followSiteSwitch({
    site: () => siteOf(location),
    runtime: browser.runtime,
    waitFor: (go) => whenChinese(document, go),
    start: (settings) =>
      startLens({
        doc: document,
        matcherData: (matcherData ??= JSON.parse(matcherJson) as MatcherData),
        runtime: browser.runtime,
        settings,
        loadPopoverView: () => importPopoverView(browser.runtime.getURL(POPOVER_VIEW_FILE)),
      }),
  });
});

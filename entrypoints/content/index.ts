import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import matcherData from '../../glossary/generated/matcher.json';
import { startLens } from '../../lib/content/lens';
import type { MatcherData } from '../../lib/glossary-types';
import './highlight.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main() {
    startLens({ doc: document, matcherData: matcherData as MatcherData, runtime: browser.runtime });
  },
});

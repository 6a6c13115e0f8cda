/**
 * Every receiving end validates: the background's and the content script's message listeners, and the storage
 * watchers. A malformed message is ignored with a logged reason and never acted on. The receivers are the
 * real ones (the background entrypoint, the site switch), run against WXT's fake browser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followSiteSwitch } from '../../lib/content/site-switch';
import { readDisabledSites, setSiteEnabled } from '../../lib/disabled-sites';
import { readLearnerData } from '../../lib/learning/actions';
import type { TabProtocol } from '../../lib/messages/protocol';
import { receiveMessages } from '../../lib/messages/receive';
import { startBackground } from './start-background';

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const TAB = { id: 7, index: 2, windowId: 1 };
/** A content script in a web page, and one of our own pages (the popup has no tab). */
const FROM_PAGE = { tab: TAB, frameId: 0, url: 'https://news.example/article' };
const FROM_POPUP = { url: 'chrome-extension://test-extension-id/popup.html' };

/** Delivers a message as the browser would; the listener's answer, or undefined for none. */
async function deliver(message: unknown, sender: object = FROM_PAGE): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => {});
  return answers.find((answer) => answer !== undefined);
}

/** Malformed messages of every kind the parts exchange. */
const MALFORMED: [unknown, string][] = [
  [null, 'not an object'],
  ['save-term', 'not an object'],
  [{ type: 'save-term', term: 42, save: true }, 'save-term: bad term: Invalid type: Expected string but received 42'],
  [{ type: 'save-term', term: '焦作' }, 'save-term: bad save: Invalid key: Expected "save" but received undefined'],
  [
    { type: 'save-term', term: '焦'.repeat(101), save: true },
    'save-term: bad term: Invalid length: Expected <=100 but received 101',
  ],
  [
    { type: 'terms-found', terms: [{ term: '焦作', count: 0 }] },
    'terms-found: bad terms.0.count: Invalid value: Expected >=1 but received 0',
  ],
  [
    { type: 'terms-found', terms: 'all of them' },
    'terms-found: bad terms: Invalid type: Expected Array but received "all of them"',
  ],
  [
    { type: 'terms-found', terms: [], page: { url: 5, title: '' } },
    'terms-found: bad page.url: Invalid type: Expected string but received 5',
  ],
  [{ type: 'open-glossary', term: '' }, 'open-glossary: bad term: Invalid length: Expected >=1 but received 0'],
  [{ type: 'entry-details' }, 'entry-details: bad term: Invalid key: Expected "term" but received undefined'],
  [{ type: 'page-terms', tabId: '7' }, 'page-terms: bad tabId: Invalid type: Expected number but received "7"'],
  [{ type: 'reveal-term', term: ['焦作'] }, 'reveal-term: bad term: Invalid type: Expected string but received Array'],
  [{ type: 'step-term', direction: 2 }, 'step-term: bad direction: Invalid type: Expected (1 | -1) but received 2'],
  [{ type: '__proto__' }, 'unknown type "__proto__"'],
];
/** The types each part handles; a malformed message of another part's type is that part's to log. */
const BACKGROUND_TYPES = ['terms-found', 'entry-details', 'save-term', 'page-terms', 'open-glossary'];
const SITE_SWITCH_TYPES = ['lens-status', 'toggle-page'];
const typeOf = (message: unknown) => (message as { type?: string } | null)?.type ?? '';
const isKnown = (type: string) =>
  [...BACKGROUND_TYPES, ...SITE_SWITCH_TYPES, 'step-term', 'reveal-term'].includes(type);

let warnings: string[];
beforeEach(() => {
  fakeBrowser.reset();
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')));
});
afterEach(() => vi.restoreAllMocks());

describe('the background', () => {
  it('acts on well-formed messages (so that the ignoring below means something)', async () => {
    startBackground();
    expect(await deliver({ type: 'save-term', term: '焦作', save: true })).toEqual({ saved: true });
    expect((await readLearnerData()).studyList.map((s) => s.term)).toEqual(['焦作']);
    await deliver({
      type: 'terms-found',
      terms: [
        { term: '焦作', count: 2 },
        { term: '山药', count: 1 },
      ],
    });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB.id })).toBe('2');
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await deliver({ type: 'open-glossary', term: '焦作' });
    expect(create).toHaveBeenCalledTimes(1);
    expect(warnings).toEqual([]);
  });

  it.each(
    MALFORMED.filter(([message]) => !isKnown(typeOf(message)) || BACKGROUND_TYPES.includes(typeOf(message))).map(
      ([message, reason], i) => [`${i + 1} (${reason})`, message, reason] as const,
    ),
  )('ignores malformed message %s, logging why', async (_name, message, reason) => {
    startBackground();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await deliver(message)).toBeUndefined();
    expect(warnings).toEqual([`Policy Lens: ignored a message (${reason})`]);
    expect(set).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB.id })).toBe('');
  });
  it('answers what a tab shows to our own pages only, not to a content script asking about another tab', async () => {
    startBackground();
    await deliver(
      { type: 'terms-found', terms: [{ term: '焦作', count: 2 }] },
      { ...FROM_PAGE, tab: { ...TAB, id: 9 } },
    );
    expect(await deliver({ type: 'page-terms', tabId: 9 }, FROM_POPUP)).toEqual({
      terms: [{ term: '焦作', count: 2 }],
    });
    expect(await deliver({ type: 'page-terms', tabId: 9 }, FROM_PAGE)).toBeUndefined();
    expect(warnings).toEqual(['Policy Lens: ignored a message (page-terms from https://news.example/article)']);
  });

  it('opens at most a few glossary tabs a minute for one tab', async () => {
    startBackground();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    for (let i = 0; i < 8; i++) await deliver({ type: 'open-glossary', term: '焦作' });
    expect(create).toHaveBeenCalledTimes(5);
    await deliver({ type: 'open-glossary', term: '焦作' }, { ...FROM_PAGE, tab: { ...TAB, id: 8 } });
    expect(create).toHaveBeenCalledTimes(6);
  });

  it('saves only terms of the glossary', async () => {
    startBackground();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await deliver({ type: 'save-term', term: '不是词条', save: true })).toEqual({ saved: false });
    expect(set).not.toHaveBeenCalled();
    expect((await readLearnerData()).studyList).toEqual([]);
  });

  it("keeps where a term was saved from a card in the top frame, not in a subframe's", async () => {
    startBackground();
    const save = (term: string, sentence: string) => ({
      type: 'save-term',
      term,
      save: true,
      page: { url: 'https://news.example/article', title: '新闻' },
      sentence,
    });
    expect(await deliver(save('焦作', '焦作市召开大会。'))).toEqual({ saved: true });
    expect(await deliver(save('山药', '山药丰收。'), { ...FROM_PAGE, frameId: 3 })).toEqual({ saved: true });
    const { studyList, history } = await readLearnerData();
    expect(studyList.map((s) => s.term)).toEqual(['焦作', '山药']);
    expect(history.map((e) => [e.term, e.sentence])).toEqual([['焦作', '焦作市召开大会。']]);
  });

  it('keeps a page address or title that is too long, cut to length, rather than refusing the report', async () => {
    startBackground();
    const page = { url: `https://news.example/?q=${'x'.repeat(5000)}`, title: '标'.repeat(5000) };
    await deliver({ type: 'terms-found', terms: [{ term: '焦作', count: 1 }], page });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB.id })).toBe('1');
    expect(warnings).toEqual([]);
  });
});

describe('the content script', () => {
  function siteSwitch() {
    let lenses = 0;
    const handle = followSiteSwitch({
      site: () => 'example.com',
      runtime: browser.runtime,
      start: () => {
        lenses++;
        return { stop: () => lenses-- };
      },
    });
    return { running: () => lenses, handle };
  }

  it('answers lens-status, pauses on toggle-page, and ignores malformed messages with a logged reason', async () => {
    const { running, handle } = siteSwitch();
    await settle();
    expect(await deliver({ type: 'lens-status' })).toEqual({ site: 'example.com', enabled: true, paused: false });
    await deliver({ type: 'toggle-page' });
    expect(running()).toBe(0);
    expect(await deliver({ type: 'lens-status' })).toEqual({ site: 'example.com', enabled: true, paused: true });
    await deliver({ type: 'toggle-page' });
    expect(running()).toBe(1);
    for (const [message, reason] of MALFORMED) {
      warnings.length = 0;
      expect(await deliver(message)).toBeUndefined();
      // Its own types and unknown ones are logged; the background's are left for the background.
      const logged = !isKnown(typeOf(message)) || SITE_SWITCH_TYPES.includes(typeOf(message));
      expect(warnings).toEqual(logged ? [`Policy Lens: ignored a message (${reason})`] : []);
    }
    handle.unwatch();
  });

  it('follows a damaged per-site list as "on everywhere", logging why, and repairs it on the next switch', async () => {
    await fakeBrowser.storage.sync.set({ disabledSites: 'example.com' }); // a string: `includes` would match any substring
    const { running, handle } = siteSwitch();
    await settle();
    expect(running()).toBe(1);
    expect(warnings.some((w) => w.startsWith('Policy Lens: ignored a malformed list of switched-off sites'))).toBe(
      true,
    );
    await fakeBrowser.storage.sync.set({ disabledSites: { 'example.com': true } });
    await fakeBrowser.storage.local.set({ disabledSites: 42 }); // 0.1's list, as damaged
    await settle();
    expect(running()).toBe(1);
    await setSiteEnabled('example.com', false);
    await settle();
    expect((await readDisabledSites()).synced).toEqual(['example.com']);
    expect(running()).toBe(0);
    handle.unwatch();
  });
});

describe('receiveMessages', () => {
  it('stops listening when asked', async () => {
    const handled: unknown[] = [];
    const stop = receiveMessages<TabProtocol>(browser.runtime.onMessage, {
      'lens-status': (message) => void handled.push(message),
    });
    await deliver({ type: 'lens-status' });
    stop();
    await deliver({ type: 'lens-status' });
    expect(handled).toEqual([{ type: 'lens-status' }]);
  });

  it('is the only way our code listens for messages: no raw listener, no external or page channel', () => {
    const root = join(__dirname, '..', '..');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    const offenders = ['entrypoints', 'components', 'lib']
      .flatMap((dir) => files(join(root, dir)))
      .flatMap((path) => {
        const source = readFileSync(path, 'utf8');
        const file = relative(root, path);
        const found = [
          /onMessage\.addListener/.test(source) && file !== join('lib', 'messages', 'receive.ts')
            ? 'onMessage.addListener outside receiveMessages'
            : '',
          /onMessageExternal|onConnectExternal|onConnect\b/.test(source) ? 'an external or port channel' : '',
          // A window's message event can be posted by the page (a private MessageChannel's port cannot).
          /(^|[^.\w]|\b(window|self|globalThis|top|parent|view)\.)(addEventListener\(\s*['"]message['"]|onmessage\s*=)/m.test(
            source,
          )
            ? 'a window message listener (pages can post to it)'
            : '',
        ].filter(Boolean);
        return found.map((what) => `${file}: ${what}`);
      });
    expect(offenders).toEqual([]);
  });
});

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
import { receiveMessages } from '../../lib/messages';
import { startBackground } from './start-background';

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const TAB = { id: 7, index: 2, windowId: 1 };

/** Delivers a message as the browser would; the listener's answer, or undefined for none. */
async function deliver(message: unknown, sender: object = { tab: TAB, frameId: 0 }): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => {});
  return answers.find((answer) => answer !== undefined);
}

/** Malformed messages of every kind the parts exchange. */
const MALFORMED: [unknown, string][] = [
  [null, 'not an object'],
  ['save-term', 'not an object'],
  [{ type: 'save-term', term: 42, save: true }, 'save-term: bad term or save'],
  [{ type: 'save-term', term: '焦作' }, 'save-term: bad term or save'],
  [{ type: 'save-term', term: '焦'.repeat(101), save: true }, 'save-term: bad term or save'],
  [{ type: 'terms-found', terms: [{ term: '焦作', count: 0 }] }, 'terms-found: bad terms'],
  [{ type: 'terms-found', terms: 'all of them' }, 'terms-found: bad terms'],
  [{ type: 'terms-found', terms: [], page: { url: 5, title: '' } }, 'terms-found: bad page or sightings'],
  [
    {
      type: 'terms-found',
      terms: [],
      page: { url: 'https://a.example/', title: '' },
      sightings: [{ term: '焦作', sentence: '长'.repeat(2001) }],
    },
    'terms-found: bad page or sightings',
  ],
  [{ type: 'open-glossary', term: '' }, 'open-glossary: bad term'],
  [{ type: 'entry-details' }, 'entry-details: bad term'],
  [{ type: 'page-terms', tabId: '7' }, 'page-terms: bad tabId'],
  [{ type: 'reveal-term', term: ['焦作'] }, 'reveal-term: bad term'],
  [{ type: 'step-term', direction: 2 }, 'step-term: bad direction'],
  [{ type: '__proto__' }, 'unknown type "__proto__"'],
];

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

  it.each(MALFORMED.map(([message, reason], i) => [`${i + 1} (${reason})`, message, reason] as const))(
    'ignores malformed message %s, logging why',
    async (_name, message, reason) => {
      startBackground();
      const create = vi.spyOn(fakeBrowser.tabs, 'create');
      const set = vi.spyOn(fakeBrowser.storage.local, 'set');
      expect(await deliver(message)).toBeUndefined();
      expect(warnings).toEqual([`Policy Lens: ignored a message (${reason})`]);
      expect(set).not.toHaveBeenCalled();
      expect(create).not.toHaveBeenCalled();
      expect(await fakeBrowser.action.getBadgeText({ tabId: TAB.id })).toBe('');
    },
  );
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
      expect(warnings).toEqual([`Policy Lens: ignored a message (${reason})`]);
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
    const stop = receiveMessages(browser.runtime.onMessage, (message) => {
      handled.push(message);
      return undefined;
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
          /onMessage\.addListener/.test(source) && file !== join('lib', 'messages.ts')
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

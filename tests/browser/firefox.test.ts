/**
 * The built Firefox extension in a real Firefox ESR (see firefox-harness.ts): it installs with its welcome page
 * and access to every site, highlights terms on a page, explains a hovered term, its popup searches by pinyin
 * initials, it reads every frame, a change on the options page reaches an open tab at once, and no extension
 * code logs an error. Then without the access to every site that desktop Firefox grants at install (the pref
 * extensions.originControls.grantByDefault off, as when the reader took it back): the lens stays off until the
 * reader allows all sites in about:addons.
 * docs/browsers.md sums up where Firefox differs from Chromium.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { describe, expect, test } from 'vitest';
import { useFirefox, type FirefoxHarness } from './firefox-harness';
import { GLOSSARY_JSON } from './harness';
import type { TermCount } from '../../lib/messages/protocol';
import { firefoxCardText } from './firefox-card';
import { highlightTextsInPage, termStyleInPage, textCentreInPage, type HighlightKind } from './page-tools';

/** The terms of tests/fixtures/frames.html, all frames summed (content-script.test.ts reads it in Chromium). */
const FRAMES_TERMS = { 焦作高新区: 2, 三区一极: 1, 一区五城: 1, 太极拳: 1 };

const highlighted = (page: Page, kind: HighlightKind = 'terms') => page.evaluate(highlightTextsInPage, kind);
const popoverText = (page: Page) => firefoxCardText(page);

async function hover(page: Page, selector: string, text: string): Promise<void> {
  await page.bringToFront();
  await page.mouse.move(5, 5);
  await expect.poll(() => popoverText(page), { timeout: 5000 }).toBeNull();
  const point = await page.evaluate(textCentreInPage, [selector, text] as const);
  await page.mouse.move(point.x, point.y);
}

/** What the background says the tab holds (the popup's `page-terms` question), asked from an extension page. */
async function pageTerms(extensionPage: Page, page: Page): Promise<Record<string, number>> {
  const terms = await extensionPage.evaluate(async (address) => {
    // With access to every site the extension sees each tab's address, so no `tabs` permission is needed.
    const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === address);
    if (tab?.id === undefined) return [];
    const response = (await chrome.runtime.sendMessage({ type: 'page-terms', tabId: tab.id })) as {
      terms: TermCount[];
    };
    return response.terms;
  }, page.url());
  return Object.fromEntries(terms.map(({ term, count }) => [term, count]));
}

/**
 * Clicks, with the mouse, the element `selector` finds (or the one `inShadow` finds in its shadow root) once it is
 * laid out. Puppeteer's own selectors run code built by `new Function`, which about: pages refuse.
 */
async function clickWhenShown(page: Page, selector: string, inShadow?: string): Promise<void> {
  const centre = () =>
    page.evaluate(
      ([outer, inner]) => {
        const host = document.querySelector(outer);
        const element = inner ? host?.shadowRoot?.querySelector(inner) : host;
        const rect = element?.getBoundingClientRect();
        return rect?.width ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
      },
      [selector, inShadow] as const,
    );
  await expect.poll(centre, { timeout: 10_000 }).not.toBeNull();
  const { x, y } = (await centre())!;
  await page.mouse.click(x, y);
}

const grantedOrigins = (extensionPage: Page) =>
  extensionPage.evaluate(async () => (await chrome.permissions.getAll()).origins ?? []);

describe('Firefox ESR with the built extension', () => {
  const h: FirefoxHarness = useFirefox();

  test('installs: opens its welcome page, and holds access to every site', async () => {
    const welcomeAddress = `${h.extensionOrigin}/welcome.html`;
    await expect.poll(async () => (await h.findTab(welcomeAddress)) !== null, { timeout: 10_000 }).toBe(true);
    const welcome = (await h.findTab(welcomeAddress))!;
    await expect
      .poll(() => welcome.evaluate(() => document.querySelector('h1')?.textContent))
      .toBe('Welcome to Jiaozuo Policy Lens');
    // Firefox's own way to pin the button, not Chrome's.
    await expect
      .poll(() => welcome.evaluate(() => document.querySelector('section[aria-labelledby="pin"]')?.textContent))
      .toContain('then the gear beside Jiaozuo Policy Lens, and choose Pin to Toolbar.');
    await welcome.close();

    // Firefox treats an MV3 extension's host permissions as optional; desktop Firefox grants those of the
    // content scripts' matches at install (extensions.originControls.grantByDefault), as it does here.
    const options = await h.openOptions();
    expect(await grantedOrigins(options)).toEqual(['<all_urls>']);
    await options.close();
  });

  test('highlights glossary terms on a news page: whole terms only', async () => {
    const glossary = JSON.parse(readFileSync(GLOSSARY_JSON, 'utf8')) as {
      entries: { term: string; aliases?: string[] }[];
    };
    const known = new Set(glossary.entries.flatMap((entry) => [entry.term, ...(entry.aliases ?? [])]));
    const page = await h.openPage('/smoke.html');
    await expect.poll(() => highlighted(page), { timeout: 10_000 }).toContain('一区五城');
    const texts = await highlighted(page);
    expect(texts).toEqual(expect.arrayContaining(['焦作高新区', '高质量发展', '一区五城']));
    expect(texts.filter((text) => !known.has(text))).toEqual([]);
    await page.close();
  });

  test('a real hover opens the card: term, pinyin and gloss', async () => {
    const page = await h.openPage('/article.html');
    await expect.poll(() => highlighted(page), { timeout: 10_000 }).toContain('焦作高新区');
    await hover(page, '#zone', '焦作高新区');
    await expect.poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 }).toContain('jiāo zuò gāo xīn qū');
    expect(await popoverText(page)).toContain('Jiaozuo High-tech Zone');
    await page.close();
  });

  test('pointing at a word that is no glossary term opens the dictionary’s card, with pinyin and a sense', async () => {
    const page = await h.openPage('/words.html');
    await expect.poll(() => highlighted(page), { timeout: 10_000 }).not.toEqual([]);
    await hover(page, '#plain', '铿');
    await expect.poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 }).toContain('kēng qiāng');
    expect(await popoverText(page)).toContain('sonorous');
    await page.close();
  });

  test('the popup finds 一区五城 for yqwc', async () => {
    const popup = await h.openPopup();
    await popup.waitForSelector('#popup-search');
    await popup.type('#popup-search', 'yqwc');
    const options = () =>
      popup.$$eval('[role=listbox] [role=option]', (elements) => elements.map((option) => option.textContent ?? ''));
    await expect.poll(async () => (await options())[0] ?? '', { timeout: 5000 }).toContain('一区五城');
    expect(await options()).toHaveLength(1);
    await popup.close();
  });

  test('reads every frame: src, srcdoc and a script-filled about:blank frame', async () => {
    const page = await h.openPage('/frames.html');
    const frameTexts = () =>
      Promise.all(
        page
          .frames()
          .map(async (frame) => (await frame.evaluate(highlightTextsInPage, 'terms' as HighlightKind)).sort()),
      );
    await expect
      .poll(frameTexts, { timeout: 10_000 })
      .toEqual([['焦作高新区'], ['三区一极', '焦作高新区'], ['一区五城'], ['太极拳']]);
    // The frames' reports reach the background, which sums them for the tab.
    const options = await h.openOptions();
    await expect.poll(() => pageTerms(options, page), { timeout: 10_000 }).toEqual(FRAMES_TERMS);
    await options.close();
    await page.close();
  });

  test('a change on the options page applies to an open tab at once, without a reload', async () => {
    const page = await h.openPage('/article.html');
    await expect.poll(() => highlighted(page), { timeout: 10_000 }).toContain('焦作高新区');
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const options = await h.openOptions();
    await options.waitForSelector('input[name=highlightStyle][value=background]');
    await options.click('input[name=highlightStyle][value=background]');
    await options.click('input[name=pinyinStyle][value=numbers]');
    // Painted with a background now, not an underline, as the page computes the highlight's style.
    await expect
      .poll(async () => (await page.evaluate(termStyleInPage))?.decoration, { timeout: 5000 })
      .not.toContain('underline');
    expect((await page.evaluate(termStyleInPage))?.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(await highlighted(page)).toContain('焦作高新区');
    await hover(page, '#zone', '焦作高新区');
    await expect
      .poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 })
      .toContain('jiao1 zuo4 gao1 xin1 qu1');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // Back to the defaults, through the same page.
    await options.bringToFront();
    await options.click('input[name=highlightStyle][value=underline]');
    await options.click('input[name=pinyinStyle][value=marks]');
    await expect.poll(() => highlighted(page), { timeout: 5000 }).toContain('焦作高新区');
    await options.close();
    await page.close();
  });

  test('no extension code logged an error', () => {
    expect(h.extensionErrors).toEqual([]);
  });

  test('errors of extension pages and the background page are heard, so the check above can fail', async () => {
    const options = await h.openOptions();
    await options.evaluate(async () => {
      console.error('logged by the options page');
      // Firefox's MV3 background is an event page, a window the extension's pages can reach.
      const background = (await chrome.runtime.getBackgroundPage()) as unknown as typeof globalThis;
      background.console.error('logged by the background page');
      background.setTimeout(() => {
        throw new Error('thrown in the background page');
      });
    });
    await expect.poll(() => h.extensionErrors.length, { timeout: 5000 }).toBe(3);
    expect(h.extensionErrors).toEqual([
      expect.stringMatching(/^JavaScript error: moz-extension:.*Error: thrown in the background page$/),
      'console.error: "logged by the options page"',
      'console.error: "logged by the background page"',
    ]);
    await options.close();
  });
});

describe('Firefox without access to every site (not granted at install, or taken back by the reader)', () => {
  const h: FirefoxHarness = useFirefox({ prefs: { 'extensions.originControls.grantByDefault': false } });

  test('the lens stays off until the reader allows all sites in about:addons', async () => {
    const options = await h.openOptions();
    expect(await grantedOrigins(options)).toEqual([]);
    const page = await h.openPage('/smoke.html');
    // Nothing to wait for: the content script is not injected at all without the host permission. A second is
    // well past when it highlights with access (a few hundred milliseconds), so an injection would show.
    await new Promise((ok) => setTimeout(ok, 1000));
    expect(await page.evaluate(() => [CSS.highlights.size, document.documentElement.children.length])).toEqual([0, 2]);

    // What the reader does: about:addons → the extension → Permissions → "Access your data for all websites".
    const addons = await h.openPrivilegedPage('about:addons');
    await addons.evaluate(
      (id) =>
        (window as unknown as { gViewController: { loadView(view: string): void } }).gViewController.loadView(
          `addons://detail/${encodeURIComponent(id)}/permissions`,
        ),
      h.addonId,
    );
    await clickWhenShown(addons, 'button[name=permissions]');
    await clickWhenShown(addons, 'moz-toggle[permission-key="<all_urls>"]', 'button');
    await expect.poll(() => grantedOrigins(options), { timeout: 5000 }).toEqual(['<all_urls>']);

    await page.bringToFront();
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => highlighted(page), { timeout: 10_000 }).toContain('一区五城');
    expect(h.extensionErrors).toEqual([]);
  });
});

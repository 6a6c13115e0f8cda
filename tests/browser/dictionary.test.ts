/**
 * The general dictionary in a real Chromium with the built extension: the background answering a content
 * script's lookup after its service worker was stopped, the popup's search finding dictionary words, the
 * context menu's lookup listing them, and glossary terms on a page in traditional script.
 */
import { expect, test, describe } from 'vitest';
import type { Page } from 'playwright-core';
import { type ExtensionHarness } from './harness';
import { useExtension } from './use-harness';
import { popoverText } from './card-tools';
import { highlightedTexts, pointOf, tabIdOf, waitForPageTerms } from './page-tools';
import { openPopupOver, optionTexts } from './popup-tools';
import { inContentScript, stopServiceWorker } from './worker-tools';

describe('dictionary', () => {
  const h = useExtension();

  test('the popup finds dictionary words by hanzi, pinyin and English, after the glossary, tagged', async () => {
    const page = await h.openPage('/smoke.html');
    const popup = await openPopupOver(h, page);
    // The first dictionary word (glossary hits come before: Beijing is in some explanations).
    const firstWord = async () => (await optionTexts(popup)).find((text) => text.includes('Dictionary')) ?? '';
    for (const [query, word] of [
      ['北京', '北京'],
      ['bei jing', '北京'],
      ['Beijing', '北京'],
      ['铿锵', '铿锵'],
      ['keng qiang', '铿锵'],
      ['sonorous', '铿锵'],
    ] as const) {
      await popup.locator('#popup-search').fill(query);
      await expect.poll(firstWord, { timeout: 5000 }).toContain(word);
    }
    // Glossary hits come first, tagged as the glossary's.
    await popup.locator('#popup-search').fill('焦作');
    await expect.poll(async () => (await optionTexts(popup)).some((text) => text.includes('Dictionary'))).toBe(true);
    const options = await optionTexts(popup);
    expect(options[0]).toContain('Glossary');
    const firstDictionary = options.findIndex((text) => text.includes('Dictionary'));
    expect(options.slice(0, firstDictionary).every((text) => text.includes('Glossary'))).toBe(true);

    // A dictionary word opens with its senses, labelled as the general dictionary's.
    await popup.locator('#popup-search').fill('铿锵');
    await expect.poll(async () => (await optionTexts(popup))[0] ?? '').toContain('铿锵');
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('.detail-view').textContent()).toContain('sonorous');
    const detail = (await popup.locator('.detail-view').textContent())!;
    expect(detail).toContain('kēng qiāng');
    expect(detail).toContain('鏗鏘');
    expect(detail).toContain('not the Jiaozuo glossary');
    expect(h.extensionErrors).toEqual([]);
    await popup.close();
    await page.close();
  });

  test('the context menu lookup of 步履铿锵 lists its dictionary words', async () => {
    const page = await h.openPage('/smoke.html');
    const found = await lookUp(h, page, '步履铿锵');
    await expect.poll(() => found.locator('.lookup-summary').textContent()).toBe('No glossary term matches this text.');
    await expect.poll(() => found.locator('.lookup-word h3').allTextContents()).toEqual(['步履', '铿锵']);
    const words = await found.locator('.lookup-word').allTextContents();
    expect(words[0]).toContain('bù lǚ');
    expect(words[1]).toContain('sonorous');
    await found.close();
    await page.close();
  });

  test('glossary terms on a page in traditional script are highlighted and explained', async () => {
    const page = await h.openPage('/traditional.html');
    await expect
      .poll(() => highlightedTexts(page), { timeout: 5000 })
      .toEqual(expect.arrayContaining(['一區五城', '高質量發展', '焦作']));
    // Not 五城 inside 一區五城: the whole term is found.
    expect(await highlightedTexts(page)).not.toContain('五城');
    const point = await pointOf(page, '#goal', '一區五城');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => popoverText(page), { timeout: 5000 }).toContain('One Zone, Five Cities');
    expect(await popoverText(page)).toContain('yī qū wǔ chéng');
    await page.close();
  });
});

describe('dictionary, from a stopped service worker', () => {
  const h = useExtension();

  test('the background answers a content script after a cold start: the longest word, then shorter ones', async () => {
    const page = await h.openPage('/smoke.html');
    await waitForPageTerms(h, page, { 焦作高新区: 2 });
    const worker = await stopServiceWorker(h);
    expect(worker.running()).toBe(false);
    const answer = await inContentScript(
      h,
      page,
      `chrome.runtime.sendMessage({ type: 'dictionary-lookup', text: '步履铿锵地走向未来', offset: 2 })`,
    );
    // The message woke the service worker, which read the dictionary and answered.
    expect(worker.running()).toBe(true);
    await worker.close();
    expect(answer).toMatchObject({
      words: [
        {
          text: '铿锵',
          start: 2,
          end: 4,
          entries: [
            {
              simplified: '铿锵',
              traditional: '鏗鏘',
              pinyin: 'kēng qiāng',
              senses: ['sonorous', 'resounding', 'fig. resounding words'],
            },
          ],
        },
        { text: '铿', start: 2, end: 3 },
      ],
    });
    // A glossary term written the same way is named; odd input gets an empty answer, not an error.
    const jiaozuo = (await inContentScript(
      h,
      page,
      `chrome.runtime.sendMessage({ type: 'dictionary-lookup', text: '焦作市', offset: 0 })`,
    )) as { words: { text: string; glossaryTerm?: string }[] };
    expect(jiaozuo.words.find((word) => word.text === '焦作')?.glossaryTerm).toBe('焦作');
    for (const [text, offset] of [
      ['', 0],
      ['北京', 2],
      ['\ud800', 0],
      ['English', 0],
    ] as const) {
      expect(
        await inContentScript(
          h,
          page,
          `chrome.runtime.sendMessage(${JSON.stringify({ type: 'dictionary-lookup', text, offset })})`,
        ),
      ).toEqual({ words: [] });
    }
    expect(h.extensionErrors).toEqual([]);
    await page.close();
  });
});

/** The context menu's lookup of `text`, as a click on it over `page` would open it. */
async function lookUp(h: ExtensionHarness, page: Page, text: string): Promise<Page> {
  const tabId = await tabIdOf(h, page);
  const [opened] = await Promise.all([
    h.context.waitForEvent('page'),
    h.serviceWorker.evaluate(
      async ([id, selectionText, pageUrl]) => {
        const tab = await chrome.tabs.get(id);
        const info = { menuItemId: 'lookup-selection', selectionText, pageUrl, editable: false };
        (chrome.contextMenus.onClicked as unknown as { dispatch(info: object, tab: object): void }).dispatch(info, tab);
      },
      [tabId, text, page.url()] as const,
    ),
  ]);
  await opened.waitForLoadState('load');
  return opened;
}

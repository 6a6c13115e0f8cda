/**
 * The general dictionary under the pointer, in a real Chromium with the built extension: pointing at Chinese text
 * that is no glossary term opens the dictionary's card for the longest word starting at the character under the
 * pointer, marked on the page while it is open; glossary terms keep their own card; the text is read across
 * inline elements, to the very end of a text node, around non-BMP characters and lone surrogates, and inside a
 * text node of two million characters; the card's keys step through the words, and never while the reader types.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useExtension } from './use-harness';
import { cardButtons, clickInCard, inCard, popoverText } from './card-tools';
import { highlightCountInPage, highlightedTexts, pointOf } from './page-tools';

const SHOTS = process.env.JPL_SCREENSHOT_DIR || join(import.meta.dirname, '../../test-results/screens');

describe('the dictionary under the pointer', () => {
  const h = useExtension();
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });

  /** The card's word (its headline), or null when no card is open. */
  const cardWord = (page: Page) =>
    inCard(page, (root) =>
      root.querySelector('.panel')?.matches(':popover-open')
        ? (root.querySelector('.term')?.textContent ?? null)
        : null,
    );

  /**
   * Points at the first `character` inside `selector` and waits for a card showing `word`: from a corner, once
   * the card open before has closed (it may cover the lines below its word).
   */
  async function pointAt(page: Page, selector: string, character: string, word: string): Promise<void> {
    await page.mouse.move(5, 5);
    await expect.poll(() => popoverText(page), { timeout: 5000 }).toBeNull();
    const point = await pointOf(page, selector, character);
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardWord(page), { timeout: 5000 }).toBe(word);
  }

  test('a word that is no glossary term: its card (pinyin, senses, the other script, the source), marked while open', async () => {
    const page = await h.openPage('/words.html');
    await expect.poll(() => highlightedTexts(page), { timeout: 5000 }).toContain('焦作高新区');
    // Nothing of the dictionary is marked before the reader points at it.
    expect(await highlightedTexts(page, 'word')).toEqual([]);

    await pointAt(page, '#plain', '铿', '铿锵');
    const text = (await popoverText(page))!;
    expect(text).toContain('kēng qiāng');
    expect(text).toContain('sonorous');
    expect(text).toContain('traditional: 鏗鏘');
    // Never presented as a Jiaozuo term.
    expect(text).toContain('CC-CEDICT · not the glossary');
    expect(text).not.toContain('Open in glossary');
    expect(await highlightedTexts(page, 'word')).toEqual(['铿锵']);
    // The shorter words inside it are offered.
    expect(await cardButtons(page)).toEqual(expect.arrayContaining(['铿锵', '铿']));

    // Moving along the word keeps its card; moving off closes it, and the word is no longer marked.
    const second = await pointOf(page, '#plain', '锵');
    await page.mouse.move(second.x, second.y);
    await expect.poll(() => cardWord(page), { timeout: 5000 }).toBe('锵');
    await page.mouse.move(5, 5);
    await expect.poll(() => popoverText(page), { timeout: 5000 }).toBeNull();
    expect(await highlightedTexts(page, 'word')).toEqual([]);
    expect(h.extensionErrors).toEqual([]);
    await page.close();
  });

  test('glossary terms keep their own card; the words around them get the dictionary’s', async () => {
    const page = await h.openPage('/words.html');
    await expect.poll(() => highlightedTexts(page), { timeout: 5000 }).toContain('焦作高新区');
    const term = await pointOf(page, '#term', '高新');
    await page.mouse.move(term.x, term.y);
    await expect
      .poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 })
      .toContain('Jiaozuo High-tech Zone');
    expect(await highlightedTexts(page, 'word')).toEqual([]);
    await pointAt(page, '#term', '发', '发展');
    expect(await popoverText(page)).toContain('fā zhǎn');
    await pointAt(page, '#term', '推', '推动');
    await page.close();
  });

  test('text across inline elements, at the very end of a text node, beside non-BMP characters and lone surrogates, in a huge text node', async () => {
    const page = await h.openPage('/words.html');
    // 中华<b>人民</b>共和<a>国</a>: one word across three elements, marked across them.
    await pointAt(page, '#split', '中', '中华人民共和国');
    expect(await highlightedTexts(page, 'word')).toEqual(['中华人民共和国']);
    expect(await popoverText(page)).toContain("People's Republic of China");
    // The last characters of a paragraph.
    await pointAt(page, '#end', '主', '主意');
    await pointAt(page, '#end', '意', '意');
    // A word with a character outside the BMP, from the character before it and from the character itself.
    await pointAt(page, '#rare', '二', '二𫫇英');
    expect(await popoverText(page)).toContain('dioxin');
    // 铿锵\uD800步履: the lone surrogate is no character, the words around it are.
    await pointAt(page, '#surrogate', '铿', '铿锵');
    await pointAt(page, '#surrogate', '步', '步履');
    // One text node of two million characters.
    const started = Date.now();
    await pointAt(page, '#huge', '步', '步履');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await highlightedTexts(page, 'word')).toEqual(['步履']);
    expect(h.extensionErrors).toEqual([]);
    await page.close();
  });

  test('keys step to the next and previous word and through the shorter words, but not while the reader types', async () => {
    const page = await h.openPage('/words.html');
    await pointAt(page, '#plain', '步', '步履');
    const marked = () => highlightedTexts(page, 'word');
    await page.keyboard.press('n');
    await expect.poll(() => cardWord(page)).toBe('铿锵');
    expect(await marked()).toEqual(['铿锵']);
    await page.keyboard.press('j');
    await expect.poll(() => cardWord(page)).toBe('铿');
    expect(await marked()).toEqual(['铿']);
    await page.keyboard.press('k');
    await expect.poll(() => cardWord(page)).toBe('铿锵');
    await page.keyboard.press('n');
    await expect.poll(() => cardWord(page)).toBe('地');
    await page.keyboard.press('b');
    await expect.poll(() => cardWord(page)).toBe('铿锵');
    await page.keyboard.press('b');
    await expect.poll(() => cardWord(page)).toBe('步履');
    // Back over a glossary-free sentence start: 改革者 before 步履.
    await page.keyboard.press('b');
    await expect.poll(() => cardWord(page)).toBe('改革者');

    // The page's own key handlers get no key the card took.
    await page.evaluate(() => {
      (window as unknown as { keys: string[] }).keys = [];
      addEventListener('keydown', (event) => (window as unknown as { keys: string[] }).keys.push(event.key));
    });
    await page.keyboard.press('n');
    await expect.poll(() => cardWord(page)).toBe('步履');
    expect(await page.evaluate(() => (window as unknown as { keys: string[] }).keys)).toEqual([]);

    // Typing into a field while the card is open: the keys are the reader's text.
    await page.focus('#field');
    await page.keyboard.type('nbjk');
    expect(await page.inputValue('#field')).toBe('nbjk');
    expect(await cardWord(page)).toBe('步履');
    await page.close();
  });

  test('a glossary term reached by a step opens its own card, and the keys go on from it', async () => {
    const page = await h.openPage('/words.html');
    await expect.poll(() => highlightedTexts(page), { timeout: 5000 }).toContain('焦作高新区');
    await pointAt(page, '#term', '推', '推动');
    await page.keyboard.press('n');
    await expect
      .poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 })
      .toContain('Jiaozuo High-tech Zone');
    expect(await highlightedTexts(page, 'word')).toEqual([]);
    await page.keyboard.press('n');
    await expect.poll(() => cardWord(page), { timeout: 5000 }).toBe('发展');
    await page.close();
  });

  test('a glossary term that the dictionary has too: its senses under the card’s More, not in the first view', async () => {
    const page = await h.openPage('/words.html');
    await expect.poll(() => highlightedTexts(page), { timeout: 5000 }).toContain('新时代');
    const term = await pointOf(page, '#plain', '新时');
    await page.mouse.move(term.x, term.y);
    await expect.poll(() => cardWord(page), { timeout: 5000 }).toBe('新时代');
    const inDictionary = () => inCard(page, (root) => root.querySelector('.in-dictionary')?.textContent ?? null);
    expect(await inDictionary()).toBeNull();
    await clickInCard(page, 'More');
    await expect.poll(inDictionary, { timeout: 5000 }).toContain('new age');
    expect(await inDictionary()).toContain('In the general dictionary');
    // The reader's More is the next card's first view: back to the compact one for the tests after this.
    await clickInCard(page, 'Less');
    await page.close();
  });

  test('the card’s look: the glossary card’s shell and theme, small, on a light page and a dark one', async () => {
    for (const [hash, theme] of [
      ['', 'light'],
      ['#dark', 'dark'],
    ] as const) {
      const page = await h.openPage(`/news-layout.html${hash}`);
      await expect.poll(() => highlightedTexts(page), { timeout: 5000 }).toContain('焦作高新区');
      await pointAt(page, '#opening', '感', '感受');
      const look = await inCard(page, (root) => {
        const card = root.querySelector<HTMLElement>('.card')!;
        const box = card.getBoundingClientRect();
        return {
          theme: card.classList.contains('theme-dark') ? 'dark' : 'light',
          width: box.width,
          height: box.height,
        };
      });
      await page.screenshot({ path: join(SHOTS, `word-card-${theme}.png`) });
      expect(look!.theme).toBe(theme);
      expect(look!.height).toBeLessThan(220); // no taller than the glossary card's first view
      expect(await highlightedTexts(page, 'word')).toEqual(['感受']);
      await page.close();
    }
  });

  test('on a page in traditional script', async () => {
    const page = await h.openPage('/traditional.html');
    await pointAt(page, '#goal', '鏗', '鏗鏘');
    const text = (await popoverText(page))!;
    expect(text).toContain('kēng qiāng');
    expect(text).toContain('sonorous');
    expect(text).toContain('simplified: 铿锵');
    await pointAt(page, '#goal', '圍', '圍繞');
    expect(await popoverText(page)).toContain('simplified: 围绕');
    // A glossary term of the page keeps its card: 創新驅動 is the glossary's 创新驱动.
    const term = await pointOf(page, '#goal', '創');
    await page.mouse.move(term.x, term.y);
    await expect.poll(() => cardWord(page), { timeout: 5000 }).toBe('创新驱动');
    await page.close();
  });

  test('follows the trigger and pinyin settings', async () => {
    const page = await h.openPage('/words.html');
    await h.serviceWorker.evaluate(() =>
      chrome.storage.sync.set({
        lensSettings: {
          highlightStyle: 'underline',
          toneColours: true,
          pinyinStyle: 'numbers',
          popoverTrigger: 'click',
          showTranslation: true,
        },
      }),
    );
    const point = await pointOf(page, '#plain', '铿');
    await page.mouse.move(point.x, point.y);
    // A check that pointing opens nothing with the click trigger: longer than a pointer's rest and a lookup take.
    await page.waitForTimeout(600);
    expect(await popoverText(page)).toBeNull();
    expect(await page.evaluate(highlightCountInPage)).toBe(1); // the glossary's terms only
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => cardWord(page), { timeout: 5000 }).toBe('铿锵');
    expect(await popoverText(page)).toContain('keng1 qiang1');
    const tone = await inCard(page, (root) => {
      const syllable = root.querySelector('.reading .tone1');
      return syllable ? getComputedStyle(syllable).color : null;
    });
    expect(tone).toBe('rgb(200, 30, 30)'); // --tone1 of the light card (popover.css)
    await h.serviceWorker.evaluate(() => chrome.storage.sync.remove('lensSettings'));
    await page.close();
  });

  test('saves a word to the study list with the sentence it is in', async () => {
    const page = await h.openPage('/words.html');
    await pointAt(page, '#plain', '铿', '铿锵');
    await clickInCard(page, 'Save 铿锵 to your study list');
    await expect.poll(() => cardButtons(page)).toContain('铿锵 is on your study list: remove it');
    const [saved] = (await h.serviceWorker.evaluate(() => chrome.storage.local.get('studyList'))).studyList as {
      term: string;
      word: { entries: { pinyin: string; senses: string[] }[]; sentence: string };
    }[];
    expect(saved).toMatchObject({
      term: '铿锵',
      word: { entries: [{ pinyin: 'kēng qiāng', senses: ['sonorous', 'resounding', 'fig. resounding words'] }] },
    });
    expect(saved!.word.sentence).toBe('新时代的改革者步履铿锵地走向未来。');
    // Pointed at again, the card knows it is saved.
    await pointAt(page, '#plain', '步', '步履');
    await pointAt(page, '#plain', '铿', '铿锵');
    expect(await cardButtons(page)).toContain('铿锵 is on your study list: remove it');
    await clickInCard(page, '铿锵 is on your study list: remove it');
    await expect.poll(() => cardButtons(page)).toContain('Save 铿锵 to your study list');
    expect((await h.serviceWorker.evaluate(() => chrome.storage.local.get('studyList'))).studyList).toEqual([]);
    await page.close();
  });
});

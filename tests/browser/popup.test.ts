/**
 * The toolbar popup in a real Chromium with the built extension: search from the keyboard, an entry's detail
 * with every context, the terms on the page and revealing them there, the per-site switch, the tabs it
 * cannot reach, and how it looks in light and dark themes.
 *
 * Screenshots go to JPL_SCREENSHOT_DIR (default /tmp/jpl-screens).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { GlossaryData } from '../../lib/glossary-types';
import { GLOSSARY_JSON } from './harness';
import { useExtension } from './use-harness';
import { hasCardHost } from './card-tools';
import { highlightCountInPage, highlightedTexts, pageTerms, waitForPageTerms } from './page-tools';
import { cardText, focusedOccurrence, openPopupOver, optionTexts } from './popup-tools';

const SHOTS = process.env.JPL_SCREENSHOT_DIR || '/tmp/jpl-screens';
const REVEAL_TERMS = { 一区五城: 3, 焦作: 2, 高质量发展: 1, 云台山: 1, 太极拳: 1 };

const glossary = JSON.parse(readFileSync(GLOSSARY_JSON, 'utf8')) as GlossaryData;

describe('popup', () => {
  const h = useExtension();
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });

  const activeOption = (popup: Page) =>
    popup.evaluate(() => {
      const id = document.querySelector('[role=combobox]')?.getAttribute('aria-activedescendant');
      const option = id ? document.getElementById(id) : null;
      return option ? { text: option.textContent, selected: option.getAttribute('aria-selected') } : null;
    });

  test('searches from the keyboard as you type, and opens an entry with every context by source', async () => {
    const page = await h.openPage('/reveal.html');
    await waitForPageTerms(h, page, REVEAL_TERMS);
    const popup = await openPopupOver(h, page);
    // The search box has the focus on open.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('popup-search');

    // Hanzi, pinyin with tone marks, numbers or none, initials, English: the best match comes first.
    for (const [query, first] of [
      ['一区五', '一区五城'],
      ['jiāo zuò', '焦作'],
      ['jiao1zuo4', '焦作'],
      ['jiaozuo', '焦作'],
      ['yqwc', '一区五城'],
      ['jiaozuo high-tech', '焦作高新区'],
    ] as const) {
      await popup.locator('#popup-search').fill(query);
      await expect.poll(async () => (await optionTexts(popup))[0] ?? '', { timeout: 2000 }).toContain(first);
    }

    // Typed key by key, the list follows every keystroke.
    await popup.locator('#popup-search').fill('');
    await popup.keyboard.type('yqw');
    await expect.poll(async () => (await optionTexts(popup))[0] ?? '').toContain('一区五城');
    await popup.keyboard.type('c');
    expect(await optionTexts(popup)).toHaveLength(1);

    // Arrows move through the results (the search box keeps the focus), Enter opens one.
    await popup.locator('#popup-search').fill('五城');
    await expect.poll(() => optionTexts(popup)).toHaveLength(2);
    expect(await activeOption(popup)).toBeNull();
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    expect(await activeOption(popup)).toEqual({ text: expect.stringContaining('一区五城'), selected: 'true' });
    await popup.keyboard.press('ArrowDown'); // wraps
    expect((await activeOption(popup))!.text).toContain('五城');
    await popup.keyboard.press('ArrowUp');
    await popup.keyboard.press('Enter');

    // The detail: the popover's card, then every context grouped by source document, the term marked.
    await expect.poll(() => cardText(popup)).toContain('One Zone, Five Cities');
    expect(await cardText(popup)).toContain('yī qū wǔ chéng');
    expect(await popup.evaluate(() => document.activeElement?.className)).toBe('back-to-list');
    const entry = glossary.entries.find((e) => e.term === '一区五城')!;
    const sentenceIds = new Set(entry.contexts.map((c) => c.sentence));
    const documents = glossary.documents.filter((doc) => entry.contexts.some((c) => c.document === doc.id));
    const groups = await popup.locator('.source-group').evaluateAll((sections) =>
      sections.map((section) => ({
        headline: section.querySelector('.source-headline')?.textContent,
        meta: section.querySelector('.source-meta')?.textContent,
        sentences: section.querySelectorAll('blockquote').length,
        marks: [...section.querySelectorAll('blockquote mark')].map((mark) => mark.textContent),
      })),
    );
    expect(groups.map((g) => g.headline)).toEqual(documents.map((doc) => doc.headline));
    groups.forEach((group, i) => expect(group.meta).toContain(documents[i]!.period));
    expect(groups.reduce((sum, g) => sum + g.sentences, 0)).toBe(sentenceIds.size);
    expect(groups.flatMap((g) => g.marks).every((mark) => mark === '一区五城')).toBe(true);

    // A breakdown part opens that entry; Escape comes back to the first, then to the results.
    await popup.locator('.entry-card button.part', { hasText: '创新驱动示范城市' }).click();
    await expect.poll(() => cardText(popup)).toContain('创新驱动示范城市');
    await popup.keyboard.press('Escape');
    await expect.poll(() => cardText(popup)).toContain('One Zone, Five Cities');
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.locator('.entry-card').count()).toBe(0);
    expect(await popup.locator('#popup-search').inputValue()).toBe('五城');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('popup-search');

    // Escape clears the search, then closes the popup.
    await popup.keyboard.press('Escape');
    expect(await popup.locator('#popup-search').inputValue()).toBe('');
    // (The key press itself may fail: the page goes away while it is being pressed.)
    await Promise.all([popup.waitForEvent('close'), popup.keyboard.press('Escape').catch(() => {})]);
    await page.close();
  });

  test('lists the terms on the page; choosing one scrolls to its next occurrence and flashes it', async () => {
    const page = await h.openPage('/reveal.html');
    const counts = await waitForPageTerms(h, page, REVEAL_TERMS);
    expect(counts).toEqual(REVEAL_TERMS);
    const popup = await openPopupOver(h, page);

    // The list is the page's terms with their counts, most frequent first.
    await expect.poll(() => optionTexts(popup)).toHaveLength(Object.keys(REVEAL_TERMS).length);
    const listed = await popup
      .locator('[role=option]')
      .evaluateAll((options) =>
        options.map((o) => [
          o.querySelector('.option-term')!.textContent,
          o.querySelector('.option-count')!.textContent,
        ]),
      );
    expect(Object.fromEntries(listed.map(([term, count]) => [term, Number(count!.replace('×', ''))]))).toEqual(counts);
    expect(listed[0]![0]).toBe('一区五城');

    // Enter on 一区五城: the first occurrence, in view at the top, is flashed; the next Enter goes on to the
    // second (scrolled into view), the third, then back to the first.
    await popup.keyboard.press('ArrowDown');
    for (const [element, shown] of [
      ['first', '1/3'],
      ['second', '2/3'],
      ['third', '3/3'],
      ['first', '1/3'],
    ] as const) {
      await popup.keyboard.press('Enter');
      await expect.poll(() => focusedOccurrence(page)).toEqual({ text: '一区五城', element, inView: true });
      await expect
        .poll(() => popup.locator('[role=option][aria-selected=true] .option-count').textContent())
        .toBe(shown);
    }
    // The flash goes after a moment.
    await expect.poll(() => highlightedTexts(page, 'focus'), { timeout: 5000 }).toEqual([]);

    // A click does the same; → explains the active term.
    await popup.locator('[role=option]', { hasText: '太极拳' }).click();
    await expect.poll(() => focusedOccurrence(page)).toEqual({ text: '太极拳', element: '', inView: true });
    await popup.locator('#popup-search').focus();
    await popup.keyboard.press('ArrowRight');
    await expect.poll(() => cardText(popup)).toContain('Taijiquan');
    await popup.close();
    await page.close();
  });

  test('switches the highlighting off and on for the site, remembered, without reloading the page', async () => {
    const page = await h.openPage('/reveal.html');
    await waitForPageTerms(h, page, REVEAL_TERMS);
    let popup = await openPopupOver(h, page);
    const toggle = popup.getByRole('switch', { name: /Highlight on 127\.0\.0\.1/ });
    await expect.poll(() => toggle.isChecked()).toBe(true);

    await toggle.uncheck({ force: true }); // the checkbox itself is visually hidden behind its drawn track
    await expect.poll(() => page.evaluate(highlightCountInPage)).toBe(0);
    expect(await hasCardHost(page)).toBe(false);
    await expect.poll(() => popup.locator('.list-view').textContent()).toContain('Highlighting is off on 127.0.0.1');
    expect(
      await h.serviceWorker.evaluate(async () => (await chrome.storage.sync.get('disabledSites')).disabledSites),
    ).toEqual(['127.0.0.1']);
    await popup.close(); // before pageTerms, which asks for the focused window's active tab (popup-tools.ts)
    await expect.poll(() => pageTerms(h, page)).toEqual({});

    // Remembered: another page of the site loads without highlights, and the popup shows the switch off.
    const other = await h.openPage('/article.html');
    // A check that nothing appears: a second is well past when the lens highlights this page where it runs.
    await other.waitForTimeout(1000);
    expect(await other.evaluate(highlightCountInPage)).toBe(0);
    popup = await openPopupOver(h, other);
    await expect.poll(() => popup.getByRole('switch').isChecked()).toBe(false);

    // On again: both pages highlight their terms at once, no reload needed.
    await popup.getByRole('switch').check({ force: true });
    await expect.poll(() => highlightedTexts(other)).toContain('焦作高新区');
    await expect.poll(() => highlightedTexts(page)).toContain('一区五城');
    expect(
      await h.serviceWorker.evaluate(async () => (await chrome.storage.sync.get('disabledSites')).disabledSites),
    ).toEqual([]);
    await popup.close();
    expect(await waitForPageTerms(h, page, REVEAL_TERMS)).toEqual(REVEAL_TERMS);
    await other.close();
    await page.close();
  });

  test('says plainly when it cannot reach the tab', async () => {
    // An extension page, where no content script runs (as on the browser's own pages).
    const options = await h.openOptions();
    const popup = await openPopupOver(h, options);
    await expect
      .poll(() => popup.locator('.notice').textContent(), { timeout: 10_000 })
      .toContain('can’t run on this page');
    expect(await popup.getByRole('switch').count()).toBe(0);
    // Search still works.
    await popup.locator('#popup-search').fill('taiji');
    await expect.poll(async () => (await optionTexts(popup))[0] ?? '').toContain('太极');
    await popup.close();
    await options.close();
  });

  test('looks right in light and dark themes', async () => {
    const page = await h.openPage('/reveal.html');
    await waitForPageTerms(h, page, REVEAL_TERMS);
    const popup = await openPopupOver(h, page);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.locator('#popup-search').fill('');
      await expect.poll(() => optionTexts(popup)).toHaveLength(Object.keys(REVEAL_TERMS).length);
      await popup.keyboard.press('ArrowDown');
      await popup.screenshot({ path: `${SHOTS}/popup-page-terms-${scheme}.png` });
      await popup.locator('#popup-search').fill('jiao');
      await popup.keyboard.press('ArrowDown');
      await popup.screenshot({ path: `${SHOTS}/popup-results-${scheme}.png` });
      await popup.keyboard.press('Enter');
      await expect.poll(() => cardText(popup)).toContain('Jiaozuo');
      await popup.screenshot({ path: `${SHOTS}/popup-detail-${scheme}.png` });
      await popup.locator('.all-contexts').evaluate((section) => section.scrollIntoView({ block: 'start' }));
      await popup.screenshot({ path: `${SHOTS}/popup-contexts-${scheme}.png` });
      await popup.keyboard.press('Escape');
      // Text and background contrast, read from the page.
      const colours = await popup.evaluate(() => {
        const style = getComputedStyle(document.body);
        return {
          fg: getComputedStyle(document.documentElement).color,
          bg: style.backgroundColor || getComputedStyle(document.documentElement).backgroundColor,
        };
      });
      expect(colours.fg).not.toBe(colours.bg);
      // About 380 px wide, as a popup.
      expect(await popup.evaluate(() => document.body.getBoundingClientRect().width)).toBe(380);
    }
    await popup.close();
    await page.close();
  });

  test('makes no network request and logs no error', () => {
    expect(h.externalRequests).toEqual([]);
    expect(h.extensionErrors).toEqual([]);
  });
});

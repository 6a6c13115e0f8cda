/**
 * The glossary page (glossary.html) in a real Chromium with the built extension: the glossary by category,
 * the filter, an entry's detail, deep links (#term=…), "Open in glossary" from the in-page popover, and the
 * reader for the sources (#source=…) with the lens running in the page. Screenshots in light and dark themes
 * go to JPL_SCREENSHOT_DIR (default /tmp/jpl-screens).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { GlossaryData } from '../../lib/glossary-types';
import { GLOSSARY_JSON } from './harness';
import { useExtension } from './use-harness';
import { highlightCountInPage, highlightedTexts, pointOf } from './page-tools';
import { clickInCard, hasCardHost, popoverText } from './card-tools';
import { cardText } from './popup-tools';

const SHOTS = process.env.JPL_SCREENSHOT_DIR || '/tmp/jpl-screens';
const glossary = JSON.parse(readFileSync(GLOSSARY_JSON, 'utf8')) as GlossaryData;

/** The open entries' terms, in page order. */
function openEntries(page: Page): Promise<string[]> {
  return page.locator('.entry-toggle[aria-expanded=true] .entry-term').allTextContents();
}

/** Whether the entry's row starts inside the viewport, below the sticky header and filter. */
function rowInView(page: Page, term: string): Promise<boolean> {
  return page.evaluate((wanted) => {
    const row = [...document.querySelectorAll('.entry')].find(
      (li) => li.querySelector('.entry-term')?.textContent === wanted,
    );
    if (!row) return false;
    const top = row.getBoundingClientRect().top;
    return top >= 0 && top < innerHeight / 2;
  }, term);
}

describe('glossary page', () => {
  const h = useExtension();
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });

  test('lists the whole glossary by category; the filter finds by hanzi, pinyin, initials and English', async () => {
    const page = await h.openExtensionPage('glossary.html');
    const categories = new Set(glossary.entries.map((e) => e.category));
    await expect.poll(() => page.locator('section.category').count()).toBe(categories.size);
    expect(await page.locator('section.category .entry').count()).toBe(glossary.entries.length);
    expect(await page.locator('section.category h2').first().textContent()).toMatch(/^Slogans \d+$/);

    for (const [query, first] of [
      ['五城', '五城'],
      ['yiquwucheng', '一区五城'],
      ['yqwc', '一区五城'],
      ['jiāo zuò', '焦作'],
      ['pioneer zone', '中国式现代化建设河南实践先行区'],
    ] as const) {
      await page.getByLabel('Filter').fill(query);
      await expect.poll(async () => (await page.locator('.entry-term').allTextContents())[0]).toBe(first);
    }
    expect(await page.locator('#glossary-filter-count').textContent()).toMatch(
      new RegExp(`^\\d+ of ${glossary.entries.length} terms$`),
    );
    await page.getByLabel('Filter').fill('');
    await expect.poll(() => page.locator('section.category').count()).toBe(categories.size);
    await page.close();
  });

  test('opens an entry to its detail: the card and every context by source, with links into the reader', async () => {
    const page = await h.openExtensionPage('glossary.html');
    const toggle = page.locator('.entry-toggle', { hasText: '三区一极' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => cardText(page, '.entry.open')).toContain('sān qū yī jí');
    expect(page.url()).toMatch(/#term=%E4%B8%89%E5%8C%BA%E4%B8%80%E6%9E%81$/);
    const entry = glossary.entries.find((e) => e.term === '三区一极')!;
    const sentences = new Set(entry.contexts.map((c) => c.sentence));
    expect(await page.locator('.entry.open .source-sentences blockquote').count()).toBe(sentences.size);
    expect(new Set(await page.locator('.entry.open blockquote mark').allTextContents())).toEqual(new Set(['三区一极']));

    // "Read in source" opens the reader at that sentence.
    await page.locator('.entry.open .read-in-source').first().click();
    await expect.poll(() => page.locator('.sentence.target').count()).toBe(1);
    expect(await page.locator('.sentence.target').textContent()).toContain('三区一极');
    // Keyboard: Tab reaches the disclosure buttons, Enter toggles.
    await page.goto(`${h.extensionOrigin}/glossary.html`);
    await page.locator('.entry-toggle').first().focus();
    await page.keyboard.press('Enter');
    expect(await openEntries(page)).toEqual([glossary.entries.find((e) => e.category === 'slogan')!.term]);
    await page.close();
  });

  test('follows a deep link to an entry (by term or alias), opening it and scrolling to it', async () => {
    const page = await h.openExtensionPage(`glossary.html#term=${encodeURIComponent('焦作高新区')}`);
    await expect.poll(() => openEntries(page)).toEqual(['焦作高新区']);
    await expect.poll(() => rowInView(page, '焦作高新区')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.querySelector('.entry-term')?.textContent)).toBe(
      '焦作高新区',
    );
    await expect.poll(() => cardText(page, '.entry.open')).toContain('Jiaozuo High-tech Zone');

    // An alias leads to its entry; a changed fragment is followed without a reload.
    await page.evaluate(() => (location.hash = '#term=%E7%84%A6%E4%BD%9C%E5%B8%82')); // 焦作市
    await expect.poll(() => openEntries(page)).toContain('焦作');
    await expect.poll(() => rowInView(page, '焦作')).toBe(true);
    await page.close();
  });

  test('"Open in glossary" in the popover on a web page opens the entry in a new tab', async () => {
    const page = await h.openPage('/article.html');
    await expect.poll(() => highlightedTexts(page), { timeout: 10_000 }).toContain('焦作高新区');
    const point = await pointOf(page, '#zone', '焦作高新区');
    await page.mouse.move(point.x, point.y);
    await expect
      .poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 })
      .toContain('Jiaozuo High-tech Zone');
    const [glossaryTab] = await Promise.all([
      h.context.waitForEvent('page'),
      clickInCard(page, 'Open 焦作高新区 in the glossary'),
    ]);
    await glossaryTab.waitForLoadState('load');
    expect(glossaryTab.url()).toBe(`${h.extensionOrigin}/glossary.html#term=${encodeURIComponent('焦作高新区')}`);
    await expect.poll(() => openEntries(glossaryTab)).toEqual(['焦作高新区']);
    await glossaryTab.close();
    await page.close();
  });

  test('reads a source with every term highlighted and explained on hover, as on the web', async () => {
    const page = await h.openExtensionPage('glossary.html#source=003');
    const doc = glossary.documents.find((d) => d.id === '003')!;
    await expect.poll(() => page.locator('#reader-headline').textContent()).toBe(doc.headline);
    expect(await page.locator('.source-text .source-meta').textContent()).toContain(doc.period);
    expect(await page.locator('.source-text').textContent()).toContain(
      glossary.sentences[doc.paragraphs.at(-1)!.sentences.at(-1)!],
    );

    // The lens runs in the page: the document's terms are highlighted (the headline's 三区一极 first).
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: 10_000 }).toBeGreaterThan(5);
    const highlighted = await highlightedTexts(page);
    expect(highlighted).toContain('三区一极');
    const known = new Set(glossary.entries.flatMap((e) => [e.term, ...e.aliases]));
    expect(highlighted.filter((t) => !known.has(t) && !known.has(t.replace(/[“”"]/g, '')))).toEqual([]);

    // Hover explains (details from the background), and "Open in glossary" moves to the entry in this tab.
    const point = await pointOf(page, '#reader-headline', '三区一极');
    await page.mouse.move(point.x, point.y);
    await expect
      .poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 })
      .toContain('Three Zones, One Pole');
    await clickInCard(page, 'Open 三区一极 in the glossary');
    await expect.poll(() => openEntries(page)).toEqual(['三区一极']);
    // Leaving the reader stops the lens: no highlights, no popover host.
    expect(await page.evaluate(highlightCountInPage)).toBe(0);
    expect(await hasCardHost(page)).toBe(false);

    // The source menu switches documents.
    await page.goto(`${h.extensionOrigin}/glossary.html#source=000`);
    await page.getByLabel('Source').selectOption('004');
    await expect
      .poll(() => page.locator('#reader-headline').textContent())
      .toBe(glossary.documents.find((d) => d.id === '004')!.headline);
    expect(page.url()).toMatch(/#source=004$/);
    await page.close();
  });

  test('looks right in light and dark themes', async () => {
    const page = await h.openExtensionPage(`glossary.html#term=${encodeURIComponent('一区五城')}`);
    await page.setViewportSize({ width: 1100, height: 900 });
    await expect.poll(() => cardText(page, '.entry.open')).toContain('One Zone, Five Cities');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => document.querySelector('.entry.open')!.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${SHOTS}/glossary-entry-${scheme}.png` });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/glossary-top-${scheme}.png` });
    }
    await page.goto(`${h.extensionOrigin}/glossary.html#source=001`);
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: 10_000 }).toBeGreaterThan(3);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const point = await pointOf(page, '#reader-headline', '焦作高新区');
      await page.mouse.move(point.x, point.y);
      await expect.poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 }).toContain('Jiaozuo');
      await page.screenshot({ path: `${SHOTS}/glossary-reader-${scheme}.png` });
      await page.mouse.move(2, 2);
      await expect.poll(() => popoverText(page), { timeout: 5000 }).toBeNull();
    }
    await page.close();
  });

  test('makes no network request and logs no error', () => {
    expect(h.externalRequests).toEqual([]);
    expect(h.extensionErrors).toEqual([]);
  });
});

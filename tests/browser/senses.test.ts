/**
 * Right sense on any page (issue 17, glossary/README.md "Where a form is matched"): generic and short forms are
 * Jiaozuo's only where the page is about Jiaozuo, never across or inside other words, and a generic head noun never
 * inside a longer name. Exact per-tab counts, from the background (what the badge and the popup show).
 */
import { describe, expect, test } from 'vitest';
import { useExtension } from './use-harness';
import { clickInCard, popoverText } from './card-tools';
import { highlightedTexts, pageTerms, pointOf } from './page-tools';

describe('which forms a page is shown', () => {
  const h = useExtension();

  test('a national news page: only what names one thing everywhere', async () => {
    const page = await h.openPage('/sense/national.html');
    await expect
      .poll(() => pageTerms(h, page), { timeout: 15_000 })
      .toEqual({ 新质生产力: 1, 高质量发展: 1, 共同富裕: 1 });
    // Nothing generic is painted either: no 示范区, 中站, 先行示范, 市委, 北京, 博爱, 五城, 道清, 地黄, 黄河 or 焦作.
    expect((await highlightedTexts(page)).sort()).toEqual(['共同富裕', '新质生产力', '高质量发展']);
    await page.close();
  });

  test('a Jiaozuo news page: the same forms in their Jiaozuo sense, and not where they are something else', async () => {
    const page = await h.openPage('/sense/jiaozuo.html');
    await expect
      .poll(() => pageTerms(h, page), { timeout: 15_000 })
      .toEqual({
        焦作: 1,
        一区五城: 1,
        五城: 1,
        先行示范: 1,
        市委: 1,
        焦作市城乡一体化示范区: 1,
        中站区: 1,
        博爱: 1,
        国家生态文明建设示范区: 1,
      });
    await page.close();
  });

  test('a page that becomes about Jiaozuo has its ambiguous forms matched then', async () => {
    const page = await h.openPage('/sense/becomes-jiaozuo.html?grow');
    // Before: 市委 and 示范区 could be any city's.
    await expect.poll(() => pageTerms(h, page), { timeout: 10_000 }).toEqual({});
    await page.waitForSelector('body[data-grown]');
    await expect
      .poll(() => pageTerms(h, page), { timeout: 10_000 })
      .toEqual({ 焦作高新区: 1, 市委: 1, 焦作市城乡一体化示范区: 1 });
    await page.close();
  });
});

describe("the reader's own choices of what to mark", () => {
  const h = useExtension();
  const setLens = (settings: object) =>
    h.serviceWorker.evaluate((value) => chrome.storage.sync.set({ lensSettings: value }), settings);

  test('each term once, at its first occurrence; a term unmarked is still counted, and not painted', async () => {
    const page = await h.openPage('/sense/repeated.html');
    await expect
      .poll(() => highlightedTexts(page), { timeout: 10_000 })
      .toEqual(['焦作高新区', '一区五城', '焦作高新区', '一区五城', '焦作高新区', '三区一极']);

    await setLens({ markFirstOnly: true });
    await expect.poll(() => highlightedTexts(page)).toEqual(['焦作高新区', '一区五城', '三区一极']);

    await setLens({ markFirstOnly: false, unmarkedTerms: ['焦作高新区'] });
    await expect.poll(() => highlightedTexts(page)).toEqual(['一区五城', '一区五城', '三区一极']);
    // The frame's report to the background follows the change a moment later: still counted, three times.
    await expect.poll(async () => (await pageTerms(h, page))['焦作高新区']).toBe(3);

    // Marked again from the options page.
    const options = await h.openOptions();
    await options.getByRole('button', { name: 'Mark 焦作高新区 on pages again' }).click();
    await expect.poll(() => highlightedTexts(page)).toContain('焦作高新区');
    await options.close();
    await page.close();
  });

  test('the card’s own control takes a term off the marks, and Undo puts it back', async () => {
    await setLens({ unmarkedTerms: [] });
    const page = await h.openPage('/sense/repeated.html');
    await expect.poll(() => highlightedTexts(page), { timeout: 10_000 }).toContain('三区一极');
    const point = await pointOf(page, '#three', '三区一极');
    await page.mouse.move(point.x, point.y);
    await expect.poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 }).toContain('三区一极');
    await clickInCard(page, 'More');
    await clickInCard(page, 'Don’t mark this term on pages');

    await expect.poll(() => highlightedTexts(page)).not.toContain('三区一极');
    expect(await highlightedTexts(page)).toContain('一区五城');
    const stored = () =>
      h.serviceWorker.evaluate(
        async () =>
          ((await chrome.storage.sync.get('lensSettings')).lensSettings as { unmarkedTerms: string[] }).unmarkedTerms,
      );
    expect(await stored()).toEqual(['三区一极']);
    expect(await popoverText(page)).toContain('No longer marked on pages');

    await clickInCard(page, 'Mark 三区一极 on pages again');
    await expect.poll(() => highlightedTexts(page)).toContain('三区一极');
    expect(await stored()).toEqual([]);
    await page.close();
  });
});

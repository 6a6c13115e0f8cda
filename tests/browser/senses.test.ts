/**
 * Right sense on any page (issue 17, glossary/README.md "Where a form is matched"): generic and short forms are
 * Jiaozuo's only where the page is about Jiaozuo, never across or inside other words, and a generic head noun never
 * inside a longer name. Exact per-tab counts, from the background (what the badge and the popup show).
 */
import { describe, expect, test } from 'vitest';
import { useExtension } from './harness';
import { highlightedTexts, pageTerms } from './page-tools';

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

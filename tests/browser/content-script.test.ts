/**
 * The content script in a real Chromium with the built extension: detection (split terms, skip zones,
 * decoys, dynamic pages, frames, shadow roots), the per-tab counts, the popover, keyboard stepping, and
 * that the page itself is left alone.
 */
import { describe, expect, test } from 'vitest';
import { useExtension } from './use-harness';
import {
  highlightedTexts,
  markupNowAndAtLoad,
  pointOf,
  recordMarkupAtLoad,
  tabIdOf,
  waitForPageTerms,
} from './page-tools';
import { clickInCard, inCard, popoverText } from './card-tools';

const ARTICLE_TERMS = {
  焦作: 2, // 焦作以… and 焦作市 (an alias); not inside 焦作高新区, where the longer term wins
  一区五城: 2, // in the headline, and split across <a>
  高质量发展: 1,
  三十工程: 1, // split across <strong>
  焦作高新区: 1, // once: every other copy sits in a skipped zone
  '25311': 1, // not inside 2531100 or 125311
  '“345”创新行动': 1, // across a comment
  焦作市城乡一体化示范区: 1, // as its short form 示范区
  三区一极: 1,
  五城: 1, // 一区<br>五城 is not one term
  云台山: 1,
  太极拳: 1,
};

describe('content script', () => {
  const h = useExtension();

  test('finds the terms of a news article, across inline elements, skipping what is not reading text', async () => {
    const page = await h.openPage('/article.html', { initScript: recordMarkupAtLoad });
    expect(await waitForPageTerms(h, page, ARTICLE_TERMS)).toEqual(ARTICLE_TERMS);
    expect(await highlightedTexts(page)).toEqual([
      '焦作',
      '一区五城',
      '高质量发展',
      '焦作市',
      '一区五城',
      '三十工程',
      '焦作高新区',
      '25311',
      '“345”创新行动',
      '示范区',
      '三区一极',
      '五城',
      '云台山',
      '太极拳',
    ]);
    // The page's DOM is exactly as it was parsed, but for our one host element.
    const markup = await markupNowAndAtLoad(page);
    expect(markup.now).toBe(markup.atLoad);
    expect(markup.hosts).toBeLessThanOrEqual(1);
    await page.close();
  });

  test('keeps up with a page that appends, replaces, edits and removes text', async () => {
    const page = await h.openPage('/dynamic.html');
    await page.waitForSelector('body[data-done]');
    const expected = { 焦作高新区: 5, 三十工程: 5, 三区一极: 1, 云台山: 1 };
    expect(await waitForPageTerms(h, page, expected)).toEqual(expected);
    await page.close();
  });

  test('does not join text across a nested block, even when only the outer block is rescanned', async () => {
    const page = await h.openPage('/nested.html');
    await page.waitForSelector('body[data-done]');
    // A check that the rescan does NOT join 焦作 and 高新区: no sign marks a rescan, so it is given time to run
    // (on the next frame, well within 400 ms); the terms are the same before it. Each block's text is matched on
    // its own: 焦作 and, since the glossary's second edition, 高新区, never 焦作高新区.
    await page.waitForTimeout(400);
    expect(await waitForPageTerms(h, page, { 焦作: 1, 高新区: 1 })).toEqual({ 焦作: 1, 高新区: 1 });
    expect(await highlightedTexts(page)).toEqual(['焦作', '高新区']);
    await page.close();
  });

  test('paints only the terms near the viewport, and those the reader scrolls to, in the page or a scrolling pane', async () => {
    const page = await h.openPage('/long-page.html');
    await page.setViewportSize({ width: 800, height: 600 });
    await waitForPageTerms(h, page, { 焦作高新区: 1, 一区五城: 1, 太极拳: 1, 三区一极: 1 });
    // The sticky ticker and the article's opening; not the end (13,000 px down) nor the pane's hidden line.
    await expect.poll(() => highlightedTexts(page)).toEqual(['焦作高新区', '一区五城']);
    await page.evaluate(() => document.getElementById('pane')!.scrollIntoView());
    await expect.poll(() => highlightedTexts(page)).toEqual(['焦作高新区']);
    await page.evaluate(() => document.getElementById('pane')!.scrollTo(0, 100_000));
    await expect.poll(() => highlightedTexts(page)).toEqual(['焦作高新区', '太极拳']);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => highlightedTexts(page)).toEqual(['焦作高新区', '三区一极']);
    // Without a scroll: the page removes what stood between the opening and the rest, which move into view.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => highlightedTexts(page)).toEqual(['焦作高新区', '一区五城']);
    await page.evaluate(() =>
      document.querySelectorAll('#article > p:not(:first-child):not(:last-child)').forEach((p) => p.remove()),
    );
    await expect.poll(() => highlightedTexts(page)).toEqual(['焦作高新区', '一区五城', '太极拳', '三区一极']);
    // Content added above them pushes them out of view (only the near blocks are asked first: they moved).
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '5000px';
      document.getElementById('article')!.prepend(spacer);
    });
    await expect.poll(() => highlightedTexts(page)).toEqual(['焦作高新区']);
    await page.close();
  });

  test('leaves text that the page changes every frame unpainted while it churns, and paints it once quiet', async () => {
    const page = await h.openPage('/long-page.html');
    await waitForPageTerms(h, page, { 焦作高新区: 1, 一区五城: 1, 太极拳: 1, 三区一极: 1 });
    await expect.poll(() => highlightedTexts(page)).toEqual(['焦作高新区', '一区五城']);
    const ticking = page.evaluate('runTicker(1500)') as Promise<number>;
    // A check that the churning text stays unpainted: a fixed while into the 1.5 s of churn.
    await page.waitForTimeout(800);
    // Swapping the ticker's range every frame would make Chromium repaint the highlights every frame.
    expect(await highlightedTexts(page)).toEqual(['一区五城']);
    expect(await ticking).toBeGreaterThan(30);
    await expect.poll(() => highlightedTexts(page), { timeout: 3000 }).toEqual(['焦作高新区', '一区五城']);
    const all = { 焦作高新区: 1, 一区五城: 1, 太极拳: 1, 三区一极: 1 };
    expect(await waitForPageTerms(h, page, all)).toEqual(all);
    await page.close();
  });

  test('sums the terms of all frames: src, srcdoc and a script-filled about:blank frame', async () => {
    const page = await h.openPage('/frames.html');
    const expected = { 焦作高新区: 2, 三区一极: 1, 一区五城: 1, 太极拳: 1 };
    expect(await waitForPageTerms(h, page, expected)).toEqual(expected);
    await page.close();
  });

  test('reads open shadow roots, nested ones too, but not closed ones', async () => {
    const page = await h.openPage('/shadow.html');
    const expected = { 太极拳: 1, 焦作高新区: 1, 三区一极: 1, 云台山: 1 };
    expect(await waitForPageTerms(h, page, expected)).toEqual(expected);
    await page.close();
  });

  test('explains the hovered term: pinyin, gloss and a source sentence, without taking focus', async () => {
    const page = await h.openPage('/article.html');
    await waitForPageTerms(h, page, ARTICLE_TERMS);
    await page.focus('textarea');
    const point = await pointOf(page, '#zone', '焦作高新区');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => popoverText(page), { timeout: 5000 }).toContain('Jiaozuo High-tech Zone');
    const text = (await popoverText(page))!;
    expect(text).toContain('jiāo zuò gāo xīn qū');
    // The source sentence is in the card's More.
    expect(await inCard(page, (root) => root.querySelector('blockquote') !== null)).toBe(false);
    await clickInCard(page, 'More');
    await expect
      .poll(() => inCard(page, (root) => root.querySelector('blockquote mark')?.textContent))
      .toBe('焦作高新区');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.screenshot({
      path: process.env.JPL_SCREENSHOT_DIR ? `${process.env.JPL_SCREENSHOT_DIR}/popover.png` : '/tmp/jpl-popover.png',
    });

    // Escape closes it; so does moving away.
    await page.keyboard.press('Escape');
    await expect.poll(() => popoverText(page)).toBeNull();
    await page.mouse.move(point.x + 1, point.y);
    await expect.poll(() => popoverText(page), { timeout: 5000 }).not.toBeNull();
    await page.mouse.move(5, 5);
    await expect.poll(() => popoverText(page), { timeout: 5000 }).toBeNull();
    await page.close();
  });

  test('steps through the terms with the keyboard command, marking and explaining each', async () => {
    const page = await h.openPage('/article.html');
    await waitForPageTerms(h, page, ARTICLE_TERMS);
    const tabId = await tabIdOf(h, page);
    const step = (direction: 1 | -1) =>
      h.serviceWorker.evaluate(
        async ([id, dir]) => {
          await chrome.tabs.sendMessage(id, { type: 'step-term', direction: dir }, { frameId: 0 });
        },
        [tabId, direction] as const,
      );
    await step(1);
    await expect.poll(() => highlightedTexts(page, 'focus')).toEqual(['焦作']);
    await expect.poll(async () => (await popoverText(page)) ?? '').toContain('Jiaozuo');
    await step(1);
    await expect.poll(() => highlightedTexts(page, 'focus')).toEqual(['一区五城']);
    await expect.poll(async () => (await popoverText(page)) ?? '').toContain('One Zone, Five Cities');
    await step(-1);
    await step(-1);
    await expect.poll(() => highlightedTexts(page, 'focus')).toEqual(['太极拳']); // wraps to the last
    await page.close();
  });

  test('makes no network request and logs no error', () => {
    expect(h.externalRequests).toEqual([]);
    expect(h.extensionErrors).toEqual([]);
  });
});

/**
 * The page cannot act through our UI: its scripts can reach the popover's open shadow root and dispatch events,
 * but synthetic pointer moves open no popover, and synthetic clicks neither save a term nor open a tab. The
 * reader's own input (Playwright's, which the browser marks trusted) still does.
 */
import { describe, expect, test } from 'vitest';
import { useExtension } from './harness';
import { highlightedTexts, pointOf, popoverText } from './page-tools';

describe('a page cannot act through our UI', () => {
  const h = useExtension();

  test('synthetic pointer moves and clicks are ignored; real ones work', async () => {
    const page = await h.openPage('/article.html');
    await expect.poll(() => highlightedTexts(page), { timeout: 10_000 }).toContain('焦作高新区');
    const point = await pointOf(page, '#zone', '焦作高新区');

    // The page's script moves a "pointer" over the term: no popover.
    await page.evaluate(({ x, y }) => {
      for (let i = 0; i < 3; i++)
        window.dispatchEvent(
          new PointerEvent('pointermove', { clientX: x, clientY: y + i, pointerType: 'mouse', bubbles: true }),
        );
    }, point);
    // A check that nothing opens: given the time a real hover takes to open the card.
    await page.waitForTimeout(300);
    expect(await popoverText(page)).toBeNull();

    // The reader hovers: the popover opens. The page then clicks its buttons from script: nothing happens.
    await page.mouse.move(point.x, point.y);
    await expect
      .poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 })
      .toContain('Jiaozuo High-tech Zone');
    const pagesBefore = h.context.pages().length;
    await page.evaluate(() => {
      const root = document.querySelector('jpl-lens')!.shadowRoot!;
      for (const button of root.querySelectorAll<HTMLButtonElement>(
        'button.open-glossary, button[aria-label^="Save"]',
      )) {
        button.click();
        button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      }
    });
    // A check that no tab opens (the glossary button's effect): given the time a real click takes to open one.
    await page.waitForTimeout(500);
    expect(h.context.pages().length).toBe(pagesBefore);
    const learn = await h.openExtensionPage('learn.html#list');
    await expect.poll(() => learn.locator('.muted', { hasText: 'No saved terms yet.' }).count()).toBe(1);

    // The reader's own click saves.
    await page.bringToFront();
    await page.mouse.move(point.x, point.y);
    await page.locator('jpl-lens').getByRole('button', { name: 'Save 焦作高新区 to your study list' }).click();
    await expect.poll(() => learn.locator('.study-list tbody tr').count(), { timeout: 5000 }).toBe(1);
    expect(h.extensionErrors).toEqual([]);
  });

  test('cannot find the popover’s file, which the content script imports on the first hover', async () => {
    const page = await h.openPage('/article.html');
    await expect.poll(() => highlightedTexts(page), { timeout: 10_000 }).toContain('焦作高新区');
    const point = await pointOf(page, '#zone', '焦作高新区');
    await page.mouse.move(point.x, point.y);
    await expect
      .poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 })
      .toContain('Jiaozuo High-tech Zone');
    // Loaded by the content script, it leaves no trace in the page's resource timing…
    const seen = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(seen.filter((name) => name.includes('popover-view'))).toEqual([]);
    // …nor a global in the page's world, and its fixed address answers nothing (Chrome: use_dynamic_url).
    expect(await page.evaluate(() => '__jplPopoverView' in window)).toBe(false);
    const fetched = await page.evaluate(async (url) => {
      try {
        return (await fetch(url)).status;
      } catch {
        return 'refused';
      }
    }, `chrome-extension://${h.extensionId}/popover-view.js`);
    expect(fetched).toBe('refused');
    expect(h.extensionErrors).toEqual([]);
    await page.close();
  });
});

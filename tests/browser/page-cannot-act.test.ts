/**
 * The page cannot act through our UI: the card's shadow root is closed (no page script finds its buttons),
 * synthetic pointer moves open no popover, and even a script that reached the buttons (as DevTools can) would
 * neither save a term nor open a tab with a synthetic click. The reader's own input (Playwright's, which the
 * browser marks trusted) still does.
 */
import { describe, expect, test } from 'vitest';
import { useExtension } from './use-harness';
import { cardButtons, clickInCard, inCard, popoverText } from './card-tools';
import { highlightedTexts, pointOf } from './page-tools';

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

    // The reader hovers: the popover opens. The page's script finds no way in: no element of the page has a
    // shadow root it can see, and clicks on our host (the one element beside its <head> and <body>) do nothing.
    await page.mouse.move(point.x, point.y);
    await expect
      .poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 })
      .toContain('Jiaozuo High-tech Zone');
    const pagesBefore = h.context.pages().length;
    const reached = await page.evaluate(() => {
      const hosts = [...document.documentElement.children].filter(
        (child) => !['head', 'body'].includes(child.localName),
      );
      for (const host of hosts) (host as HTMLElement).click();
      return {
        hosts: hosts.length,
        shadowRoots: [...document.querySelectorAll('*')].filter((element) => element.shadowRoot !== null).length,
      };
    });
    expect(reached).toEqual({ hosts: 1, shadowRoots: 0 });
    // A script that did reach the buttons (DevTools can): its clicks do nothing either.
    await inCard(page, (root) => {
      for (const button of root.querySelectorAll('button')) {
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
    await page.mouse.move(5, 5);
    await page.mouse.move(point.x, point.y);
    await expect
      .poll(async () => (await popoverText(page)) ?? '', { timeout: 5000 })
      .toContain('Jiaozuo High-tech Zone');
    await clickInCard(page, 'Save 焦作高新区 to your study list');
    await expect.poll(() => learn.locator('.study-list tbody tr').count(), { timeout: 5000 }).toBe(1);

    // Taking it off from the card offers Undo for a while, which puts it back.
    await clickInCard(page, '焦作高新区 is on your study list: remove it');
    await expect.poll(() => learn.locator('.study-list tbody tr').count(), { timeout: 5000 }).toBe(0);
    expect(await popoverText(page)).toContain('Removed from your study list.');
    await clickInCard(page, 'Put 焦作高新区 back on your study list');
    await expect.poll(() => learn.locator('.study-list tbody tr').count(), { timeout: 5000 }).toBe(1);
    await expect.poll(() => cardButtons(page)).toContain('焦作高新区 is on your study list: remove it');
    expect(await popoverText(page)).not.toContain('Removed from your study list.');
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

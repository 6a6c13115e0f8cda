/** The Learn page in the built extension: save, review from the keyboard, export, backup refusal. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionHarness } from './harness';
import { highlightedTexts, pointOf } from './page-tools';
import { cardButtons, clickInCard, popoverText } from './card-tools';

describe('Learn page', () => {
  let h: ExtensionHarness;
  beforeAll(async () => {
    h = await launchExtension();
  }, 90_000);
  afterAll(async () => {
    await h?.close();
  }, 60_000);

  test('a saved term is reviewed with the keyboard and exported for Anki', async () => {
    const page = await h.openExtensionPage('learn.html#list');
    await page.getByLabel('Add a term').fill('三区一极');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => page.locator('.study-list tbody tr').count()).toBe(1);
    await expect.poll(() => page.locator('.study-list').textContent()).toContain('Three Zones, One Pole');

    await page.getByRole('tab', { name: /Review/ }).click();
    await expect.poll(() => page.getByRole('tab', { name: /Review/ }).textContent()).toBe('Review (3 due)');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.answer').textContent()).toContain('sān qū yī jí');
    await page.keyboard.press('3');
    await expect.poll(() => page.getByRole('tab', { name: /Review/ }).textContent()).toBe('Review (2 due)');
    await expect.poll(() => page.locator('.stats').textContent()).toContain('1 reviewed today');

    await page.getByRole('tab', { name: 'Export and backup' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Anki (.txt)' }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.split('\n').slice(0, 2)).toEqual(['#separator:tab', '#html:false']);
    expect(text).toMatch(/\n三区一极\tsān qū yī jí\tThree Zones, One Pole\t/);

    // A malformed backup is refused with a message, and nothing changes.
    await page.locator('input[type=file]').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"something else"}'),
    });
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('This file is not a Policy Lens backup.');
    await page.getByRole('tab', { name: /Study list/ }).click();
    await expect.poll(() => page.locator('.study-list tbody tr').count()).toBe(1);
    await page.screenshot({ path: '/tmp/jpl-learn.png', fullPage: true });
    expect(h.extensionErrors).toEqual([]);
  });

  test('a term saved from the popover is kept, met again on another page, and exported with that sentence', async () => {
    const article = await h.openPage('/article.html');
    await expect.poll(() => highlightedTexts(article), { timeout: 10_000 }).toContain('焦作高新区');
    const point = await pointOf(article, '#zone', '焦作高新区');
    await article.mouse.move(point.x, point.y);
    await expect
      .poll(async () => (await popoverText(article)) ?? '', { timeout: 5000 })
      .toContain('Jiaozuo High-tech Zone');
    await clickInCard(article, 'Save 焦作高新区 to your study list');
    await expect.poll(() => cardButtons(article)).toContain('焦作高新区 is on your study list: remove it');

    // Another page that uses the term: the background keeps where it was met.
    const news = await h.openPage('/smoke.html');
    const title = await news.title();
    const learn = await h.openExtensionPage('learn.html#history');
    await expect
      .poll(() => learn.locator('details summary').allTextContents(), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining('焦作高新区'));
    await learn.locator('details summary', { hasText: '焦作高新区' }).click();
    const sighting = learn.locator('details', { hasText: '焦作高新区' }).locator('li').first();
    await expect.poll(() => sighting.textContent()).toContain(title);
    const sentence = (await sighting.locator('q').textContent())!;
    expect(sentence).toContain('焦作高新区');

    await learn.getByRole('tab', { name: 'Export and backup' }).click();
    const [download] = await Promise.all([
      learn.waitForEvent('download'),
      learn.getByRole('button', { name: 'CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('焦作高新区');
    expect(csv).toContain(sentence);
    expect(h.extensionErrors).toEqual([]);
  });
});
